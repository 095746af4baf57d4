/**
 * Signed-in requests use the principal each API process keeps in memory (auth/principal-cache.ts),
 * yet a sign-out, a role removed or an account disabled holds for the very next request: in the
 * process that made the change at once, in another process as soon as PostgreSQL's notification
 * arrives, and also when the notification was missed because the listening connection was cut.
 * The parts with two processes need DATABASE_URL (skipped, not passed, without).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { UserSummary } from '@wgll/contracts';
import pg from 'pg';
import { PRINCIPAL_LISTENER_NAME, PrincipalCache } from '../../src/modules/auth/principal-cache.js';
import { SessionsService } from '../../src/modules/auth/sessions.service.js';
import { accessTokenOf, type Client, clientWith, createUser, signIn } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const external = Boolean(process.env.DATABASE_URL);
// One secret for both processes, as in a deployment (AUTH_SECRET).
const auth = { secret: randomBytes(48).toString('base64') };
let first: TestApp;
let admin: Client;

/** The access cookie of a signed-in client, to replay it as a thief would. */
function accessOf(client: Client): string {
  const access = accessTokenOf(client);
  expect(access).toBeTruthy();
  return `wgll_access=${access}`;
}

/** GET `path` through `app` with only the access cookie `cookie`: its status. */
async function statusWith(app: TestApp, cookie: string, path = '/api/organisations/RJ1'): Promise<number> {
  return (await app.http.get(path).set('cookie', cookie)).status;
}

/** The status of `path` until it is `expected`, for at most a second: the last one read. */
async function pollStatus(app: TestApp, cookie: string, expected: number, path?: string): Promise<number> {
  const until = Date.now() + 1000;
  let status = await statusWith(app, cookie, path);
  while (status !== expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await statusWith(app, cookie, path);
  }
  return status;
}

/**
 * Runs `fn` while the process's notifications about principals are held back, as if still on their
 * way: what it sees can only come from the process's own, immediate forgetting.
 */
async function withNotificationsHeld(app: TestApp, fn: () => Promise<void>): Promise<void> {
  const cache = app.running.app.get(PrincipalCache);
  const client = cache['listener']?.['client'];
  expect(Boolean(client)).toBe(external);
  const handlers = client?.listeners('notification') ?? [];
  client?.removeAllListeners('notification');
  try {
    await fn();
  } finally {
    for (const handler of handlers) client?.on('notification', handler as (message: pg.Notification) => void);
  }
}

beforeAll(async () => {
  first = await startTestApp({ auth });
  admin = await clientWith(first, [{ role: 'national-administrator' }]);
}, 120_000);
afterAll(async () => {
  await first?.close();
});

describe('in the process that makes the change', () => {
  (external ? it : it.skip)('reads the session once, not on every request', async () => {
    const client = await clientWith(first, []);
    const read = jest.spyOn(first.running.app.get(SessionsService), 'loadPrincipal');
    try {
      for (let i = 0; i < 3; i += 1) await client.get('/api/organisations/RJ1').expect(200);
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      read.mockRestore();
    }
  });

  it('refuses the access token of a session signed out, at once', async () => {
    const user = await createUser(first, []);
    const client = await signIn(first, user.email);
    const cookie = accessOf(client);
    expect(await statusWith(first, cookie)).toBe(200);
    await withNotificationsHeld(first, async () => {
      await client.post('/api/auth/sign-out').expect(204);
      expect(await statusWith(first, cookie)).toBe(401);
    });
  });

  it('refuses what a removed role allowed, at once', async () => {
    const user = await createUser(first, [{ role: 'national-administrator' }]);
    const cookie = accessOf(await signIn(first, user.email));
    expect(await statusWith(first, cookie, '/api/users')).toBe(200);
    const summary = (await admin.get(`/api/users/${user.id}`).expect(200)).body as UserSummary;
    await withNotificationsHeld(first, async () => {
      await admin.delete(`/api/users/${user.id}/roles/${summary.roles[0]!.id}`).expect(200);
      expect(await statusWith(first, cookie, '/api/users')).toBe(403);
    });
  });

  it('refuses a disabled account, at once', async () => {
    const user = await createUser(first, []);
    const cookie = accessOf(await signIn(first, user.email));
    expect(await statusWith(first, cookie)).toBe(200);
    await withNotificationsHeld(first, async () => {
      await admin.patch(`/api/users/${user.id}`, { status: 'disabled' }).expect(200);
      expect(await statusWith(first, cookie)).toBe(401);
    });
  });

  it('shows a new display name on the next request', async () => {
    const user = await createUser(first, []);
    const client = await signIn(first, user.email);
    await client.get('/api/auth/session').expect(200);
    await withNotificationsHeld(first, async () => {
      await admin.patch(`/api/users/${user.id}`, { displayName: 'Renamed Person' }).expect(200);
      const session = await client.get('/api/auth/session').expect(200);
      expect((session.body as { user: { displayName: string } }).user.displayName).toBe('Renamed Person');
    });
  });

  (external ? it : it.skip)(
    'refuses a session revoked by plain SQL once the database announces it',
    async () => {
      const user = await createUser(first, []);
      const cookie = accessOf(await signIn(first, user.email));
      expect(await statusWith(first, cookie)).toBe(200);
      await first.dataSource.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1`, [
        user.id,
      ]);
      expect(await pollStatus(first, cookie, 401)).toBe(401);
    },
  );
});

(external ? describe : describe.skip)('in another API process on the same database', () => {
  let second: TestApp;

  beforeAll(async () => {
    // Passport's strategy is registered globally, so from here both apps check sessions through the
    // second one's: the first stands for the process where the change is made.
    second = await startTestApp({ auth });
  }, 120_000);
  afterAll(async () => {
    await second?.close();
  });

  /** The backends of the principal listeners (both processes'). */
  async function secondListeners(): Promise<number[]> {
    const rows = await first.dataSource.query<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [PRINCIPAL_LISTENER_NAME],
    );
    return rows.map((r) => r.pid);
  }

  it('refuses a session signed out through the first process', async () => {
    const user = await createUser(first, []);
    const client = await signIn(first, user.email);
    const cookie = accessOf(client);
    expect(await statusWith(second, cookie)).toBe(200);
    await client.post('/api/auth/sign-out').expect(204);
    expect(await pollStatus(second, cookie, 401)).toBe(401);
  });

  it('refuses what a role removed through the first process allowed', async () => {
    const user = await createUser(first, [{ role: 'national-administrator' }]);
    const cookie = accessOf(await signIn(first, user.email));
    expect(await statusWith(second, cookie, '/api/users')).toBe(200);
    const summary = (await admin.get(`/api/users/${user.id}`).expect(200)).body as UserSummary;
    await admin.delete(`/api/users/${user.id}/roles/${summary.roles[0]!.id}`).expect(200);
    expect(await pollStatus(second, cookie, 403, '/api/users')).toBe(403);
  });

  it('forgets what it kept when its listening connection was cut, since notifications were missed', async () => {
    const user = await createUser(first, []);
    const cookie = accessOf(await signIn(first, user.email));
    expect(await statusWith(second, cookie)).toBe(200);
    const before = await secondListeners();
    expect(before.length).toBeGreaterThan(0);
    await first.dataSource.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
    // Revoked while nobody in the second process listens: its notification is lost to it.
    await first.dataSource.query(`UPDATE auth_session SET revoked_at = now() WHERE user_id = $1`, [user.id]);
    const until = Date.now() + 10_000;
    let now = await secondListeners();
    while ((now.length < before.length || now.some((pid) => before.includes(pid))) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      now = await secondListeners();
    }
    expect(now.some((pid) => before.includes(pid))).toBe(false);
    expect(await statusWith(second, cookie)).toBe(401);
  });
});
