import { defineConfig } from 'prisma/config';

// Prisma's CLI is only used for `prisma generate`; migrations are applied by scripts/db-migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
