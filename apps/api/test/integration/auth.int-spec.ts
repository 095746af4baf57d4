import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, AuditList, CreateUserResult, SessionInfo } from '@wgll/contracts';
import supertest from 'supertest';
import {
  accessTokenOf,
  anonymousClient,
  auditOf as auditOfAdmin,
  type Client,
  clientWith,
  createUser,
  signIn,
  TEST_PASSWORD,
} from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const auditOf = (action: string, label: string) => auditOfAdmin(admin, action, label);

const cookiesOf = (res: supertest.Response): string[] => {
  const header = res.headers['set-cookie'] as unknown;
  return Array.isArray(header) ? (header as string[]) : [];
};

describe('signing in with a password', () => {
  it('sets an httpOnly SameSite access cookie and a refresh cookie, and the session names the user', async () => {
    const user = await createUser(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
    const client = await anonymousClient(t);
    const res = await client.post('/api/auth/sign-in', {
      email: user.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookies = cookiesOf(res);
    expect(cookies.find((c) => c.startsWith('wgll_access='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('wgll_access='))).toMatch(/SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('wgll_refresh='))).toMatch(
      /Path=\/api\/auth;.*HttpOnly.*SameSite=Strict/,
    );
    // Not Secure on localhost (so local http works); the cookie writer sets Secure elsewhere.
    expect(cookies.join(';')).not.toMatch(/Secure/);
    const session = (await client.get('/api/auth/session').expect(200)).body as SessionInfo;
    expect(session.user).toMatchObject({ email: user.email, capabilities: { manageUsers: false } });
    expect(session.user?.roles[0]).toMatchObject({
      role: 'trust-lead',
      scope: { type: 'organisation', code: 'RJ1', name: expect.stringMatching(/GUY'S/) },
    });
    expect(await auditOf('sign-in.succeeded', user.email)).toHaveLength(1);
  });

  it('gives the same 401 for a wrong password and an unknown email, and audits both', async () => {
    const user = await createUser(t, []);
    const client = await anonymousClient(t);
    const wrong = await client.post('/api/auth/sign-in', { email: user.email, password: 'not-the-password' });
    const unknown = await client.post('/api/auth/sign-in', {
      email: `nobody-${user.id}@x.example`,
      password: 'x',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect((wrong.body as ApiError).code).toBe('INVALID_CREDENTIALS');
    expect(cookiesOf(wrong).some((c) => c.startsWith('wgll_access='))).toBe(false);
    const [failure] = await auditOf('sign-in.failed', user.email);
    expect(failure).toMatchObject({ ip: expect.any(String), details: { failures: 1 } });
  });

  it('refuses malformed input with 400 and field messages', async () => {
    const client = await anonymousClient(t);
    const res = await client.post('/api/auth/sign-in', { email: 42, extra: true });
    expect(res.status).toBe(400);
    expect((res.body as ApiError).errors?.map((e) => e.field).sort()).toEqual(['email', 'extra', 'password']);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const user = await createUser(t, []);
    const client = await anonymousClient(t);
    const res = await client.agent
      .post('/api/auth/sign-in')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(403);
    expect((res.body as ApiError).code).toBe('CSRF_FAILED');
    const forged = await client.agent
      .post('/api/auth/sign-in')
      .set('x-csrf-token', 'forged-token')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(forged.status).toBe(403);
  });

  it('does not let invited or disabled accounts sign in', async () => {
    for (const status of ['invited', 'disabled'] as const) {
      const user = await createUser(t, [], { status });
      const client = await anonymousClient(t);
      expect(
        (await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD })).status,
      ).toBe(401);
    }
  });
});

describe('lockout after repeated failures', () => {
  it('locks an address after 5 failures with 429 and Retry-After, even with the right password, and audits it', async () => {
    const user = await createUser(t, []);
    const client = await anonymousClient(t);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push(
        (await client.post('/api/auth/sign-in', { email: user.email, password: `wrong-${i}` })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect((locked.body as ApiError).code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    expect((locked.body as ApiError).retryAfterSeconds).toBeGreaterThan(800);
    expect((await auditOf('sign-in.locked', user.email)).length).toBeGreaterThanOrEqual(2);
  });

  it('behaves the same for an address with no account, so a lockout reveals nothing', async () => {
    const client = await anonymousClient(t);
    const email = `ghost-${Date.now()}@nowhere.example`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      statuses.push((await client.post('/api/auth/sign-in', { email, password: 'x' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

describe('sessions', () => {
  it('rejects a forged or expired access token with 401', async () => {
    const forged = await t.http
      .get('/api/organisations/RJ1')
      .set('cookie', 'wgll_access=eyJhbGciOiJIUzI1NiJ9.e30.abc');
    expect(forged.status).toBe(401);
    expect((forged.body as ApiError).code).toBe('UNAUTHENTICATED');
    const jwt = t.running.app.get((await import('@nestjs/jwt')).JwtService);
    const user = await createUser(t, []);
    const expired = await jwt.signAsync({ sub: user.id, sid: user.id }, { expiresIn: -10 });
    expect((await t.http.get('/api/organisations/RJ1').set('cookie', `wgll_access=${expired}`)).status).toBe(
      401,
    );
  });

  it('says a session may be refreshed only when a refresh cookie came with no valid access cookie', async () => {
    const anonymous = (await t.http.get('/api/auth/session').expect(200)).body as SessionInfo;
    expect(anonymous).toMatchObject({ user: null, refreshable: false });

    const user = await createUser(t, []);
    const client = await signIn(t, user.email);
    const signedIn = (await client.get('/api/auth/session').expect(200)).body as SessionInfo;
    expect(signedIn.user?.email).toBe(user.email);
    expect(signedIn.refreshable).toBe(false);

    // The access cookie has expired (the browser dropped it); the refresh cookie is still there.
    const refresh = client.agent.jar.getCookie('wgll_refresh', {
      domain: '127.0.0.1',
      path: '/api/auth',
      secure: false,
      script: false,
    })?.value;
    expect(refresh).toBeTruthy();
    const expired = (
      await t.http.get('/api/auth/session').set('cookie', `wgll_refresh=${refresh}`).expect(200)
    ).body as SessionInfo;
    expect(expired).toMatchObject({ user: null, refreshable: true });
  });

  it('rotates the refresh token; presenting a used one revokes the session', async () => {
    const user = await createUser(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
    const client = await signIn(t, user.email);
    const stolen = cookiesOf(await client.post('/api/auth/refresh').expect(200))
      .find((c) => c.startsWith('wgll_refresh='))!
      .split(';')[0]!;
    // The legitimate client refreshes again: the token it had ("stolen") is now used.
    await client.post('/api/auth/refresh').expect(200);
    await t.dataSource.query(
      `UPDATE refresh_token SET used_at = now() - interval '1 minute' WHERE used_at IS NOT NULL AND session_id IN
        (SELECT id FROM auth_session WHERE user_id = $1)`,
      [user.id],
    );
    const fresh = await t.http.get('/api/auth/session');
    const csrfCookie = cookiesOf(fresh)[0]!.split(';')[0]!;
    const reuse = await t.http
      .post('/api/auth/refresh')
      .set('Cookie', [stolen, csrfCookie])
      .set('x-csrf-token', (fresh.body as SessionInfo).csrfToken);
    expect(reuse.status).toBe(401);
    // The whole session is revoked: the legitimate client's access token stops working too.
    expect((await client.get('/api/organisations/RJ1')).status).toBe(401);
    expect((await client.post('/api/auth/refresh')).status).toBe(401);
    expect(await auditOf('session.refresh-reused', user.email)).toHaveLength(1);
  });

  it('signing out revokes the session at once', async () => {
    const user = await createUser(t, []);
    const client = await signIn(t, user.email);
    const access = accessTokenOf(client);
    expect(access).toBeTruthy();
    await client.post('/api/auth/sign-out').expect(204);
    expect(((await client.get('/api/auth/session')).body as SessionInfo).user).toBeNull();
    // Replaying the old access token after sign-out does not work either.
    expect((await t.http.get('/api/organisations/RJ1').set('cookie', `wgll_access=${access}`)).status).toBe(
      401,
    );
    expect((await client.post('/api/auth/refresh')).status).toBe(401);
  });

  it('changing the password signs out other sessions but keeps this one', async () => {
    const user = await createUser(t, []);
    const here = await signIn(t, user.email);
    const elsewhere = await signIn(t, user.email);
    const wrong = await here.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'a brand new passphrase',
    });
    expect(wrong.status).toBe(400);
    expect((wrong.body as ApiError).errors?.[0]?.field).toBe('currentPassword');
    const short = await here.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect((short.body as ApiError).errors?.[0]?.field).toBe('newPassword');
    await here
      .post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' })
      .expect(204);
    expect((await here.get('/api/organisations/RJ1')).status).toBe(200);
    expect((await elsewhere.get('/api/organisations/RJ1')).status).toBe(401);
    await signIn(t, user.email, 'a brand new passphrase');
    expect(await auditOf('password.changed', user.email)).toHaveLength(1);
  });

  it('counts wrong current passwords on the password form towards the lockout', async () => {
    const user = await createUser(t, []);
    const client = await signIn(t, user.email);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await client.post('/api/auth/password', {
        currentPassword: `guess-${i}`,
        newPassword: 'a brand new passphrase',
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
  });

  it('disabling an account ends its sessions at once', async () => {
    const user = await createUser(t, []);
    const client = await signIn(t, user.email);
    await admin.patch(`/api/users/${user.id}`, { status: 'disabled' }).expect(200);
    expect((await client.get('/api/organisations/RJ1')).status).toBe(401);
    expect((await client.post('/api/auth/refresh')).status).toBe(401);
  });
});

describe('invitations and user administration', () => {
  it('an administrator invites a user; the link works once and signs them in', async () => {
    const email = `invitee-${Date.now()}@nhs.example`;
    const created = await admin.post('/api/users', {
      email,
      displayName: 'Invited Person',
      roles: [{ role: 'board-approver', scopeCode: 'rj1' }],
    });
    expect(created.status).toBe(201);
    const { user, invitation } = created.body as CreateUserResult;
    expect(user).toMatchObject({
      status: 'invited',
      roles: [{ role: 'board-approver', scope: { code: 'RJ1' } }],
    });
    const token = invitation.url.split('/invitations/')[1]!;
    expect((await t.http.get(`/api/auth/invitations/${token}`)).body).toMatchObject({ email });

    const invitee = await anonymousClient(t);
    expect((await invitee.post(`/api/auth/invitations/${token}`, { password: 'short' })).status).toBe(400);
    const accepted = await invitee.post(`/api/auth/invitations/${token}`, {
      password: 'my own long password',
    });
    expect(accepted.status).toBe(200);
    expect((accepted.body as SessionInfo).user).toMatchObject({ email, signedInWith: 'invitation' });
    const again = await (
      await anonymousClient(t)
    ).post(`/api/auth/invitations/${token}`, { password: 'another long password' });
    expect(again.status).toBe(404);
    expect((again.body as ApiError).code).toBe('INVITATION_INVALID');
    await signIn(t, email, 'my own long password');
  });

  it('a new invitation link replaces the old one; expired links do not work', async () => {
    const user = await createUser(t, [], { status: 'invited' });
    const first = (await admin.post(`/api/users/${user.id}/invitation`).expect(201)).body as { url: string };
    const second = (await admin.post(`/api/users/${user.id}/invitation`).expect(201)).body as { url: string };
    const tokenOf = (url: string) => url.split('/invitations/')[1]!;
    expect((await t.http.get(`/api/auth/invitations/${tokenOf(first.url)}`)).status).toBe(404);
    expect((await t.http.get(`/api/auth/invitations/${tokenOf(second.url)}`)).status).toBe(200);
    await t.dataSource.query(
      `UPDATE invitation SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    expect((await t.http.get(`/api/auth/invitations/${tokenOf(second.url)}`)).status).toBe(404);
  });

  it('refuses duplicates, wrong scopes and unknown users with clear errors, writing nothing', async () => {
    const existing = await createUser(t, []);
    const dup = await admin.post('/api/users', {
      email: existing.email,
      displayName: 'X',
      roles: [{ role: 'national-administrator' }],
    });
    expect([dup.status, (dup.body as ApiError).code]).toEqual([409, 'USER_EXISTS']);
    const email = `badscope-${Date.now()}@nhs.example`;
    const bad = await admin.post('/api/users', {
      email,
      displayName: 'Bad scope',
      roles: [
        { role: 'ics-lead', scopeCode: 'RJ1' },
        { role: 'regional-viewer' },
        { role: 'national-administrator', scopeCode: 'Y56' },
      ],
    });
    expect(bad.status).toBe(400);
    expect((bad.body as ApiError).errors?.map((e) => e.field)).toEqual([
      'roles.0.scopeCode',
      'roles.1.scopeCode',
      'roles.2.scopeCode',
    ]);
    expect(await t.dataSource.query('SELECT 1 FROM app_user WHERE email = $1', [email])).toHaveLength(0);
    expect((await admin.get('/api/users/8a1d6d3e-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/api/users/not-a-uuid')).status).toBe(400);
  });

  it('grants and revokes roles, audited as role changes', async () => {
    const user = await createUser(t, []);
    const granted = await admin.post(`/api/users/${user.id}/roles`, { role: 'ics-lead', scopeCode: 'QKK' });
    expect(granted.status).toBe(201);
    expect(
      (await admin.post(`/api/users/${user.id}/roles`, { role: 'ics-lead', scopeCode: 'QKK' })).status,
    ).toBe(409);
    const grantId = (granted.body as { roles: { id: string }[] }).roles[0]!.id;
    await admin.delete(`/api/users/${user.id}/roles/${grantId}`).expect(200);
    expect((await admin.delete(`/api/users/${user.id}/roles/${grantId}`)).status).toBe(404);
    const history = ((await admin.get(`/api/audit?userId=${user.id}`).expect(200)).body as AuditList).items;
    expect(history.map((e) => e.action)).toEqual(expect.arrayContaining(['role.granted', 'role.revoked']));
    expect(history.find((e) => e.action === 'role.granted')).toMatchObject({
      target: { type: 'user', id: user.id },
      details: { role: 'ics-lead', scopeCode: 'QKK' },
    });
    // People are named as the rest of the service names them; the recorded address stays in `label`.
    const [{ display_name: adminName, email: adminEmail }] = await t.dataSource.query<
      [{ display_name: string; email: string }]
    >('SELECT u.display_name, u.email FROM app_user u WHERE u.id = $1', [
      history.find((e) => e.action === 'role.granted')!.actor!.id,
    ]);
    expect(history.find((e) => e.action === 'role.granted')).toMatchObject({
      actor: { label: adminEmail, name: adminName },
      target: { type: 'user', id: user.id, name: 'Test no role' },
    });
  });

  it('a disabled account cannot come back through an invitation link', async () => {
    const user = await createUser(t, [], { status: 'invited' });
    const link = (await admin.post(`/api/users/${user.id}/invitation`).expect(201)).body as { url: string };
    await admin.patch(`/api/users/${user.id}`, { status: 'disabled' }).expect(200);
    const token = link.url.split('/invitations/')[1]!;
    expect((await t.http.get(`/api/auth/invitations/${token}`)).status).toBe(404);
    const accept = await (
      await anonymousClient(t)
    ).post(`/api/auth/invitations/${token}`, { password: 'my own long password' });
    expect(accept.status).toBe(404);
    const again = await admin.post(`/api/users/${user.id}/invitation`);
    expect([again.status, (again.body as ApiError).code]).toEqual([409, 'USER_DISABLED']);
    const [row] = await t.dataSource.query<{ status: string }[]>(
      'SELECT status FROM app_user WHERE id = $1',
      [user.id],
    );
    expect(row!.status).toBe('disabled');
  });

  it('an administrator cannot disable their own account', async () => {
    const me = ((await admin.get('/api/auth/session')).body as SessionInfo).user!;
    const res = await admin.patch(`/api/users/${me.id}`, { status: 'disabled' });
    expect(res.status).toBe(400);
  });
});
