import { DataSource } from 'typeorm';
import type { DatabaseConnection } from './database-connection.js';
import { buildDataSourceOptions } from './database-options.js';

/** The role the embedded database's session takes once migrated (README, "Database roles"). */
export const EMBEDDED_APP_ROLE = 'wgll_app';

export interface PreparedDatabase {
  migrationsApplied: number;
  /** The role the application's queries run as. */
  role: string;
  /** Why this role could undo the database's guards, if it could: superuser, owner of tables. */
  risks: string[];
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Lets `role` read and write every table and sequence, and nothing more: no TRUNCATE, no triggers,
 * no writing the migrations' own table; seals and evidence are never deleted, seals never updated,
 * and of an audit entry only its two chain columns may be set (by the chainer). The triggers refuse
 * the same; without the privilege the role cannot even try. Run as the tables' owner; idempotent.
 */
export async function grantApplicationRole(owner: DataSource, role: string): Promise<void> {
  const r = quote(role);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`);
  await owner.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${r}`);
  await owner.query(`REVOKE INSERT, UPDATE, DELETE ON TABLE migrations FROM ${r}`);
  await owner.query(`REVOKE UPDATE, DELETE ON TABLE return_seal, audit_event FROM ${r}`);
  await owner.query(`GRANT UPDATE (chain_seq, chain_hash) ON TABLE audit_event TO ${r}`);
  await owner.query(`REVOKE DELETE ON TABLE evidence FROM ${r}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
}

/**
 * Migrates the database as the owner of its tables, then makes sure the application's role may use
 * them (and only use them):
 * - external with DATABASE_MIGRATION_URL: migrations on that connection, grants to DATABASE_URL's role;
 * - external without it: migrations on the application's own connection (it must own the tables);
 * - embedded: migrations as PGlite's superuser, then the session takes the role `wgll_app`.
 */
export async function prepareDatabase(
  connection: DatabaseConnection,
  app: DataSource,
): Promise<PreparedDatabase> {
  let applied: number;
  if (connection.mode === 'embedded') {
    applied = (await app.runMigrations({ transaction: 'each' })).length;
    await app.query(
      `DO $$ BEGIN CREATE ROLE ${EMBEDDED_APP_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
    );
    await grantApplicationRole(app, EMBEDDED_APP_ROLE);
    // PGlite is one session: every later query of the process runs as this role.
    await app.query(`SET ROLE ${EMBEDDED_APP_ROLE}`);
  } else if (connection.migrationUrl === connection.url) {
    applied = (await app.runMigrations({ transaction: 'each' })).length;
  } else {
    const owner = new DataSource(buildDataSourceOptions(connection.migrationUrl, 'external'));
    await owner.initialize();
    try {
      applied = (await owner.runMigrations({ transaction: 'each' })).length;
      const [{ role }] = await app.query<[{ role: string }]>('SELECT current_user AS role');
      await grantApplicationRole(owner, role);
    } finally {
      await owner.destroy();
    }
  }
  return { migrationsApplied: applied, ...(await describeRole(app)) };
}

/** The role a connection's queries run as, and what would let it change or disable the guards. */
export async function describeRole(dataSource: DataSource): Promise<{ role: string; risks: string[] }> {
  const [row] = await dataSource.query<
    [{ role: string; superuser: boolean; owned: number; truncate: number }]
  >(
    `SELECT current_user AS role,
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
       count(*) FILTER (WHERE pg_has_role(c.relowner, 'USAGE'))::int AS owned,
       count(*) FILTER (WHERE has_table_privilege(c.oid, 'TRUNCATE'))::int AS truncate
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
  );
  const risks: string[] = [];
  if (row.superuser) risks.push('is a superuser');
  if (row.owned > 0) risks.push(`owns ${row.owned} tables`);
  if (row.truncate > 0) risks.push(`may truncate ${row.truncate} tables`);
  return { role: row.role, risks };
}
