/**
 * The built API (apps/api/dist/main.js) as its own process, so a test can kill it with SIGKILL and
 * start it again on the same database: PostgreSQL (a fresh database on the DATABASE_URL server) or
 * the embedded one in a folder of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const repoRoot = resolve(import.meta.dirname, '../../../../..');
const apiEntry = join(repoRoot, 'apps/api/dist/main.js');
export const TEST_AUTH_SECRET = 'wgll-reliability-test-secret-not-for-production-0048';

export type DatabaseMode = 'postgres' | 'embedded';

async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? done(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Where an API process keeps its data: kept across restarts, removed by `dispose`. */
export interface ApiStore {
  mode: DatabaseMode;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

let stores = 0;

/**
 * A fresh database on the DATABASE_URL server, or a fresh embedded folder. With DATABASE_MIGRATION_URL
 * (CI: the owner role, which may create databases) the owner creates and migrates it and the API
 * connects as DATABASE_URL's role, as in production.
 */
export async function newStore(mode: DatabaseMode): Promise<ApiStore> {
  if (mode === 'postgres') {
    const appUrl = process.env['DATABASE_URL'];
    if (!appUrl) throw new Error('DATABASE_URL is needed for the PostgreSQL mode');
    const ownerUrl = process.env['DATABASE_MIGRATION_URL'] || undefined;
    const name = `${new URL(appUrl).pathname.slice(1) || 'wgll'}_rel_${process.pid}_${(stores += 1)}`.slice(
      0,
      63,
    );
    const onDatabase = (base: string) => {
      const url = new URL(base);
      url.pathname = `/${name}`;
      return url.toString();
    };
    await adminQuery(ownerUrl ?? appUrl, `CREATE DATABASE "${name}"`);
    return {
      mode,
      env: {
        DATABASE_URL: onDatabase(appUrl),
        ...(ownerUrl ? { DATABASE_MIGRATION_URL: onDatabase(ownerUrl) } : {}),
      },
      dispose: () => adminQuery(ownerUrl ?? appUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'wgll-rel-'));
  return {
    mode,
    env: { DATA_DIR: dataDir },
    dispose: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

export interface ApiProcess {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL, as a crash or an OOM kill would; resolves once the process is gone. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

export async function startApi(store: ApiStore, timeoutMs = 120_000): Promise<ApiProcess> {
  if (!existsSync(apiEntry)) throw new Error(`${apiEntry} does not exist: run npm run build first`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NODE_ENV: 'production' };
  delete env['DATABASE_URL'];
  delete env['DATABASE_MIGRATION_URL'];
  Object.assign(env, {
    AUTH_SECRET: TEST_AUTH_SECRET,
    SEED_DEMO: 'true',
    SEED_PUBLISHED_RESULTS: 'false',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: join(tmpdir(), 'wgll-no-web'),
    ...store.env,
  });
  const child = spawn(process.execPath, [apiEntry], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    baseUrl,
    child,
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited(child);
        clearTimeout(timer);
      }
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The API exited before it was healthy:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return api;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await api.kill();
  throw new Error(`The API was not healthy within ${timeoutMs / 1000} s:\n${output}`);
}
