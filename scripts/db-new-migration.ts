// Creates prisma/migrations/<timestamp>_<name>/migration.sql for hand-written SQL.
// Prisma's `migrate dev` needs its native schema engine, which these machines cannot download,
// so write the SQL yourself (see README, "Creating a migration"); the schema test then proves
// that schema.prisma and the migrated database agree.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { migrationsDir } from '../server/db/migrate.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:new-migration -- <snake_case_name>');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, 'migration.sql'), `-- ${name}\n`);
console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
