import { defineConfig } from 'vitest/config';

// The server suite runs on PGlite; when TEST_DATABASE_URL names a PostgreSQL server it runs a
// second time there (each test file gets its own database). `.ci/run` sets it.
const postgresUrl = process.env.TEST_DATABASE_URL;

const serverProject = (name: string, databaseUrl: string) => ({
  extends: true as const,
  test: {
    name,
    include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
    env: { DATABASE_URL: databaseUrl },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    setupFiles: ['server/test/fail-on-console-error.ts'],
  },
});

export default defineConfig({
  resolve: {
    // graphql ships CommonJS (main) and ESM (module); Node loads the former for the server's
    // dependencies, so tests must too, or schema objects come from two different copies.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    projects: [
      serverProject('pglite', ''),
      ...(postgresUrl ? [serverProject('postgres', postgresUrl)] : []),
      {
        extends: true as const,
        test: { name: 'client', include: ['client/src/**/*.test.ts'] },
      },
      {
        extends: true as const,
        test: {
          name: 'browser',
          include: ['client/**/*.browser.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
