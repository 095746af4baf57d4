import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { AfterCommitSubscriber } from './after-commit.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';

// Keep SQL `date` values as 'YYYY-MM-DD' strings in raw queries too: a JS Date would shift
// them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type DatabaseMode = 'embedded' | 'external';

/** One set of TypeORM options for both modes; only the pool differs (see embedded-postgres.ts). */
export function buildDataSourceOptions(url: string, mode: DatabaseMode): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    subscribers: [AfterCommitSubscriber],
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error', 'warn', 'migration'],
    ...(mode === 'embedded'
      ? { poolSize: 1, extra: { idleTimeoutMillis: 0, connectionTimeoutMillis: 60_000 } }
      : { poolSize: 10 }),
  };
}
