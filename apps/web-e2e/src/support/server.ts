import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

/** The repository root: apps/web-e2e/src/support → four levels up. */
export const repoRoot = resolve(import.meta.dirname, '../../../..');

const apiEntry = join(repoRoot, 'apps/api/dist/main.js');
const webIndex = join(repoRoot, 'apps/web/dist/index.html');
/** How long the API may take to start (seeding the demo world); E2E_HEALTH_TIMEOUT_MS on a loaded machine. */
export const HEALTH_TIMEOUT_MS = Number(process.env['E2E_HEALTH_TIMEOUT_MS'] ?? 90_000);
const STOP_TIMEOUT_MS = 10_000;

/** A fixed secret for signing the API's tokens in tests (48 characters). Never used outside tests. */
export const TEST_AUTH_SECRET = 'wgll-e2e-test-secret-not-for-production-use-0048';

export interface StartServerOptions {
  /** Added to (and overriding) the API's environment, for example to configure single sign-on. */
  env?: Record<string, string>;
  /** The port to listen on (for a test that must know the address first); a free one otherwise. */
  port?: number;
}

export interface TestServer {
  /** For example http://127.0.0.1:41234 */
  baseUrl: string;
  /** Everything the API printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

let databases = 0;

/**
 * A fresh database on the server DATABASE_URL names, so the API starts as it would the first time
 * (reference data, published results, demo accounts), whatever other test suites left in theirs.
 * With DATABASE_MIGRATION_URL (CI: the owner role, which may create databases) the owner creates it
 * and migrates it, and the API connects as DATABASE_URL's role. Returns both URLs and a function
 * that drops it.
 */
async function freshDatabase(
  appUrl: string,
  ownerUrl: string | undefined,
): Promise<{ url: string; migrationUrl: string | undefined; drop(): Promise<void> }> {
  const adminUrl = ownerUrl ?? appUrl;
  const url = new URL(appUrl);
  const name = `${url.pathname.slice(1) || 'wgll'}_e2e_${process.pid}_${(databases += 1)}`.slice(0, 63);
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const onDatabase = (base: string) => {
    const u = new URL(base);
    u.pathname = `/${name}`;
    return u.toString();
  };
  return {
    url: onDatabase(appUrl),
    migrationUrl: ownerUrl ? onDatabase(ownerUrl) : undefined,
    drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** A port nobody is listening on just now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('Could not find a free port'));
      });
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/**
 * Starts the built API (which also serves the built web app) on a free port. With DATABASE_URL set
 * (CI, real PostgreSQL) it gets a fresh database on that server, dropped when it stops; otherwise the
 * API runs its embedded database in a fresh temporary folder. The demo accounts are seeded (password `wgll-demo-2026`). Resolves once
 * GET /api/health answers 200.
 */
export async function startServer(options: StartServerOptions = {}): Promise<TestServer> {
  for (const [file, hint] of [
    [apiEntry, 'npm run build --workspace=apps/api'],
    [webIndex, 'npm run build --workspace=apps/web'],
  ] as const) {
    if (!existsSync(file))
      throw new Error(`${file} does not exist. Build first: ${hint} (or npm run build).`);
  }

  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    NODE_ENV: 'production',
    AUTH_SECRET: TEST_AUTH_SECRET,
    SEED_DEMO: 'true',
    // Links and the SSO redirect use PUBLIC_URL (never the request's Host): the address tests open.
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...options.env,
  };
  let dataDir: string | undefined;
  let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  if (process.env['DATABASE_URL']) {
    database = await freshDatabase(process.env['DATABASE_URL'], process.env['DATABASE_MIGRATION_URL']);
    env['DATABASE_URL'] = database.url;
    if (database.migrationUrl) env['DATABASE_MIGRATION_URL'] = database.migrationUrl;
  } else {
    delete env['DATABASE_URL'];
    delete env['DATABASE_MIGRATION_URL'];
    dataDir = mkdtempSync(join(tmpdir(), 'wgll-e2e-'));
    env['DATA_DIR'] = dataDir;
  }

  const child = spawn(process.execPath, [apiEntry], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  const server: TestServer = {
    baseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
          child.kill('SIGKILL');
          await waitForExit(child, STOP_TIMEOUT_MS);
        }
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };

  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await server.stop();
      throw new Error(
        `The API exited (${child.exitCode ?? child.signalCode}) before it was healthy. Its output:\n${output}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return server;
      lastProblem = `GET /api/health answered ${response.status}: ${await response.text()}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(500);
  }
  await server.stop();
  throw new Error(
    `The API was not healthy within ${HEALTH_TIMEOUT_MS / 1000} s (${lastProblem}). Its output:\n${output}`,
  );
}
