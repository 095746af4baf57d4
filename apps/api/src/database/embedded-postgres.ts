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

/**
 * PGlite must not be opened by two processes at once: guard the folder with a lock file naming the
 * holder's pid and, on Linux, its start time (so a reused pid is not mistaken for the holder).
 */
function acquireLock(dataDir: string): () => void {
  const lockFile = join(dataDir, 'wgll.lock');
  let holder: LockHolder | undefined;
  try {
    holder = parseLock(readFileSync(lockFile, 'utf8'));
  } catch {
    holder = undefined;
  }
  if (holder && holder.pid !== process.pid && lockHolderAlive(holder)) {
    throw new DataDirInUseError(
      `The embedded database in ${dataDir} is in use by process ${holder.pid}. ` +
        'Stop that process first, or set DATA_DIR to another folder, or set DATABASE_URL.',
    );
  }
  const startTime = processStartTime(process.pid);
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, ...(startTime ? { startTime } : {}) }));
  return () => rmSync(lockFile, { force: true });
}

export interface LockHolder {
  pid: number;
  /** The holder's start time in clock ticks since boot (/proc/<pid>/stat field 22), when known. */
  startTime?: string;
}

/** The lock file's holder: `{"pid":…,"startTime":…}`, or a bare pid (files written before start times). */
export function parseLock(content: string): LockHolder | undefined {
  const trimmed = content.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const value = JSON.parse(trimmed) as { pid?: unknown; startTime?: unknown };
    if (typeof value.pid !== 'number' || !Number.isSafeInteger(value.pid) || value.pid <= 0) return undefined;
    return {
      pid: value.pid,
      ...(typeof value.startTime === 'string' ? { startTime: value.startTime } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Reads a file under /proc; undefined when it does not exist (no such process, or not Linux). */
export type ProcReader = (path: string) => string | undefined;

const readProc: ProcReader = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** State and start time from /proc/<pid>/stat (the command name in brackets may hold spaces). */
function procStat(pid: number, read: ProcReader): { state: string; startTime: string } | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3 of the line, start time field 22.
  return { state: fields[0] ?? '', startTime: fields[19] ?? '' };
}

function processStartTime(pid: number, read: ProcReader = readProc): string | undefined {
  return procStat(pid, read)?.startTime || undefined;
}

/**
 * Whether the lock's holder still runs. `kill(pid, 0)` alone is not enough: it succeeds for a
 * zombie (a process killed with -9 whose parent has not reaped it yet) and for an unrelated process
 * that got the pid later. Where /proc exists (Linux), the holder is alive only if its pid is not a
 * zombie or dead, and it is the same process (same start time), or, for a lock without a start
 * time, a node process.
 */
export function lockHolderAlive(
  holder: LockHolder,
  read: ProcReader = readProc,
  signal: (pid: number) => boolean = signalable,
): boolean {
  if (read('/proc/self/stat') === undefined) return signal(holder.pid); // no /proc: best effort
  const stat = procStat(holder.pid, read);
  // Unreadable (gone, or hidden from us by hidepid): the signal check tells dead from alive.
  if (!stat) return signal(holder.pid);
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
  if (holder.startTime) return stat.startTime === holder.startTime;
  const command = (read(`/proc/${holder.pid}/cmdline`) ?? '').split('\0')[0] ?? '';
  return /(^|\/)node[^/]*$/.test(command) || command === process.execPath;
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
