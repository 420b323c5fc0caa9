// Loads the demo data into the configured database unless it already has users.
import { readConfig } from '../server/config.ts';
import { openMigratedDatabase } from '../server/db/open-configured.ts';
import { seedDemoData } from '../server/seed/demo-data.ts';

const { db } = await openMigratedDatabase(readConfig());
const { created } = await seedDemoData(db.prisma);
console.log(created ? 'Loaded the demo data.' : 'The database already has users; left it as it is.');
await db.close();
