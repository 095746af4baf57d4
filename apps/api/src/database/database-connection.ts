import { DataSource } from 'typeorm';
import { buildDataSourceOptions, type DatabaseMode } from './database-options.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface DatabaseConnection {
  mode: DatabaseMode;
  url: string;
  stop(): Promise<void>;
}

/** DATABASE_URL set → that PostgreSQL; unset → the embedded database in `dataDir`. */
export async function connectDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<DatabaseConnection> {
  if (opts.databaseUrl) {
    return { mode: 'external', url: opts.databaseUrl, stop: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedPostgres(opts.dataDir);
  return { mode: 'embedded', url: embedded.url, stop: () => embedded.stop() };
}

/** For command-line tools (seed, migrations): a connection plus an initialised DataSource. */
export async function openDataSource(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<{ dataSource: DataSource; connection: DatabaseConnection; close(): Promise<void> }> {
  const connection = await connectDatabase(opts);
  const dataSource = new DataSource(buildDataSourceOptions(connection.url, connection.mode));
  try {
    await dataSource.initialize();
  } catch (error) {
    await connection.stop();
    throw error;
  }
  return {
    dataSource,
    connection,
    async close() {
      await dataSource.destroy();
      await connection.stop();
    },
  };
}
