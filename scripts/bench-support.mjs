// Shared by the benchmarks: the built API on a free port (DATABASE_URL when set, otherwise the embedded
// database in a temporary folder), and signed-in users with one role each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/dist/app.factory.js';
import { hashPassword } from '../apps/api/dist/common/secrets.js';
import { loadConfig } from '../apps/api/dist/config/app-config.js';

const PASSWORD = 'bench-password-2026';

// Every statement the API sends to the database (BEGIN and COMMIT included), counted at the driver.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  statements += 1;
  return query.apply(this, args);
};

/** How many statements the database has been sent so far. */
export function statementCount() {
  return statements;
}

export async function startBenchServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wgll-bench-'));
  const config = {
    ...loadConfig({ ...process.env, LOG_LEVEL: 'warn' }),
    dataDir,
    seedDemo: false,
    seedPublishedResults: false,
    port: 0,
  };
  config.auth = { ...config.auth, rateLimitPerMinute: 1_000_000 };
  const running = await createApp(config);
  await running.app.listen(0, '127.0.0.1');
  const base = (await running.app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = running.app.get(DataSource);

  /** A new active user holding one role, signed in: `{ id, cookie, csrf }`. */
  async function user(role, scopeCode) {
    const email = `bench-${role}-${Math.random().toString(36).slice(2)}@bench.wgll.example`;
    const [{ id }] = await db.query(
      `INSERT INTO app_user (email, display_name, password_hash, status) VALUES ($1, $2, $3, 'active') RETURNING id`,
      [email, `Bench ${role}`, await hashPassword(PASSWORD)],
    );
    await db.query('INSERT INTO role_assignment (user_id, role, scope_code) VALUES ($1, $2, $3)', [
      id,
      role,
      scopeCode,
    ]);
    const session = await fetch(`${base}/api/auth/session`);
    const csrfCookie = session.headers.getSetCookie().map((c) => c.split(';')[0]);
    const { csrfToken } = await session.json();
    const res = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-csrf-token': csrfToken,
        cookie: csrfCookie.join('; '),
      },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in ${res.status}`);
    const cookies = [...csrfCookie, ...res.headers.getSetCookie().map((c) => c.split(';')[0])];
    return { id, cookie: cookies.join('; '), csrf: csrfToken };
  }

  async function stop() {
    // Let responses still in flight finish before the database closes.
    await new Promise((resolveWait) => setTimeout(resolveWait, 1000));
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  return { app: running.app, base, db, user, stop };
}
