import { DataSource } from 'typeorm';
import { buildDataSourceOptions, type DatabaseMode } from './database-options.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface DatabaseConnection {
  mode: DatabaseMode;
  /** The application's connection. */
  url: string;
  /** Migrations' connection: the tables' owner (DATABASE_MIGRATION_URL), or `url` when unset. */
  migrationUrl: string;
  stop(): Promise<void>;
}

export interface DatabaseSettings {
  databaseUrl: string | undefined;
  databaseMigrationUrl?: string | undefined;
  dataDir: string;
}

/** DATABASE_URL set → that PostgreSQL; unset → the embedded database in `dataDir`. */
export async function connectDatabase(opts: DatabaseSettings): Promise<DatabaseConnection> {
  if (opts.databaseUrl) {
    return {
      mode: 'external',
      url: opts.databaseUrl,
      migrationUrl: opts.databaseMigrationUrl ?? opts.databaseUrl,
      stop: () => Promise.resolve(),
    };
  }
  const embedded = await startEmbeddedPostgres(opts.dataDir);
  return { mode: 'embedded', url: embedded.url, migrationUrl: embedded.url, stop: () => embedded.stop() };
}

/**
 * For command-line tools (seed, migrations, create-admin): a connection plus an initialised
 * DataSource, as the tables' owner when DATABASE_MIGRATION_URL is set.
 */
export async function openDataSource(
  opts: DatabaseSettings,
): Promise<{ dataSource: DataSource; connection: DatabaseConnection; close(): Promise<void> }> {
  const connection = await connectDatabase(opts);
  const dataSource = new DataSource(buildDataSourceOptions(connection.migrationUrl, connection.mode));
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
