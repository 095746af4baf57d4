import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL that `pg` (and so TypeORM) connects to. */
  url: string;
  stop(): Promise<void>;
}

export class DataDirInUseError extends Error {}

/**
 * Starts PGlite (PostgreSQL compiled to WASM) persisted in `dataDir` and serves it over the
 * PostgreSQL wire protocol on a loopback port, so the app uses the same `pg` driver in both modes.
 *
 * PGlite is a single session. The socket server therefore accepts one connection, and the pool in
 * front of it holds one client: every transaction runs alone, so a rollback can never take another
 * request's writes with it (the flaw of sharing one session between query runners).
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(dataDir);
  try {
    const db = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    let stopped = false;
    return {
      url: `postgres://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** PGlite must not be opened by two processes at once: guard the folder with a pid lock file. */
function acquireLock(dataDir: string): () => void {
  const lockFile = join(dataDir, 'wgll.lock');
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(lockFile, 'utf8').trim());
  } catch {
    holder = undefined;
  }
  if (holder && holder !== process.pid && isRunning(holder)) {
    throw new DataDirInUseError(
      `The embedded database in ${dataDir} is in use by process ${holder}. ` +
        'Stop that process first, or set DATA_DIR to another folder, or set DATABASE_URL.',
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
