// Applies pending migrations to the configured database (DATABASE_URL, else PGlite in PGLITE_DIR).
import { readConfig } from '../server/config.ts';
import { openMigratedDatabase } from '../server/db/open-configured.ts';

const { db, applied } = await openMigratedDatabase(readConfig());
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply: the schema is up to date.');
await db.close();
