import { defineConfig } from 'vitest/config';

// The server suite runs on PGlite; when TEST_DATABASE_URL names a PostgreSQL server it runs a
// second time there (each test file gets its own database). `.ci/run` sets it.
const postgresUrl = process.env.TEST_DATABASE_URL;

const serverProject = (name: string, databaseUrl: string) => ({
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
  test: {
    projects: [
      serverProject('pglite', ''),
      ...(postgresUrl ? [serverProject('postgres', postgresUrl)] : []),
      {
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
