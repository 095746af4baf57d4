/** `npm run seed`: migrate, then load the reference data (idempotent). Prints what changed. */
import 'reflect-metadata';
import { loadConfig } from '../../config/app-config.js';
import { openDataSource } from '../database-connection.js';
import { seedReferenceData } from './reference-seeder.js';

async function main(): Promise<void> {
  const db = await openDataSource(loadConfig());
  try {
    await db.dataSource.runMigrations({ transaction: 'each' });
    const summary = await seedReferenceData(db.dataSource);
    console.log(`Reference data loaded into the ${db.connection.mode} database:`);
    console.table(summary);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
