import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { openMigratedDatabase } from './db/open-configured.ts';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './seed/demo-data.ts';

const config = readConfig();
const { db, applied } = await openMigratedDatabase(config);
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.pgliteDir}`;
console.log(`Database: ${where}; ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}.`);

if (config.seedDemoData) {
  const { created } = await seedDemoData(db.prisma);
  if (created) console.log('Loaded the demo data.');
}

const app = buildApp({ db, config });
const { url } = await app.start();
console.log(`\nPipeline CRM is running at ${url}  (GraphQL API and GraphiQL: ${url}/graphql)`);
if (config.seedDemoData) {
  console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(8)} ${user.email}`);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down.`);
  await app.stop();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
