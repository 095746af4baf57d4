import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, CreateUserResult, InvitationLink, SessionInfo } from '@wgll/contracts';
import supertest from 'supertest';
import {
  anonymousClient,
  auditOf as auditOfAdmin,
  type Client,
  clientWith,
  createUser,
  signIn,
  TEST_PASSWORD,
} from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Issue 12, sign-in: the lockout holds under parallel attempts, locks nobody out of their own known
// browser, refresh-token reuse ends the session, and links never take their host from the request.

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp();
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const MAX_FAILURES = 5;

const auditOf = (action: string, label: string) => auditOfAdmin(admin, action, label);

const cookieOf = (client: Client, name: string, path: string): string | undefined =>
  client.agent.jar.getCookie(name, { domain: '127.0.0.1', path, secure: false, script: false })?.value;

/** A POST from another client altogether: its own CSRF cookie, these cookies, this user agent. */
async function postAs(
  path: string,
  body: object,
  cookies: string[],
  userAgent = 'another-client/1.0',
): Promise<supertest.Response> {
  const fresh = await t.http.get('/api/auth/session').set('User-Agent', userAgent);
  const setCookie = fresh.headers['set-cookie'] as unknown as string[];
  const csrfCookie = setCookie.find((c) => c.startsWith('wgll_csrf='))!.split(';')[0]!;
  return t.http
    .post(path)
    .set('User-Agent', userAgent)
    .set('Cookie', [csrfCookie, ...cookies])
    .set('x-csrf-token', (fresh.body as SessionInfo).csrfToken)
    .send(body);
}

const countOf = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

describe('the lockout under parallel attempts', () => {
  it('checks no more than 5 passwords when 19 wrong ones arrive at once, then refuses even the right one', async () => {
    const user = await createUser(t, []);
    const client = await anonymousClient(t);
    const responses = await Promise.all(
      Array.from({ length: 19 }, (_, i) =>
        client.post('/api/auth/sign-in', { email: user.email, password: `wrong-${i}` }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    // Places 1 to 4 are plain failures; the 5th fails and locks; the other 14 are refused unchecked.
    expect(countOf(statuses, 401)).toBe(MAX_FAILURES - 1);
    expect(countOf(statuses, 429)).toBe(19 - (MAX_FAILURES - 1));
    const failures = await auditOf('sign-in.failed', user.email);
    expect(failures).toHaveLength(MAX_FAILURES);
    expect(failures.map((f) => f.details['failures']).sort()).toEqual([1, 2, 3, 4, 5]);
    const right = await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect([right.status, (right.body as ApiError).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
  }, 60_000);

  it('with 18 wrong and 1 right at once: at most 5 failures checked, and the right one wins only within the limit', async () => {
    // Three rounds, each on a fresh account, so several interleavings are tried.
    for (let round = 0; round < 3; round += 1) {
      const user = await createUser(t, []);
      const client = await anonymousClient(t);
      const passwords = Array.from({ length: 19 }, (_, i) => (i === 9 ? TEST_PASSWORD : `wrong-${i}`));
      const responses = await Promise.all(
        passwords.map((password) => client.post('/api/auth/sign-in', { email: user.email, password })),
      );
      const statuses = responses.map((r) => r.status);
      const rightStatus = statuses[9]!;
      expect([200, 429]).toContain(rightStatus);
      const wrongStatuses = statuses.filter((_, i) => i !== 9);
      // Every wrong password is refused: 401 for places 1-4, 429 from the 5th place on.
      expect(wrongStatuses.every((s) => s === 401 || s === 429)).toBe(true);
      expect(countOf(wrongStatuses, 401)).toBeLessThanOrEqual(MAX_FAILURES - 1);
      const failures = await auditOf('sign-in.failed', user.email);
      expect(failures.length).toBeLessThanOrEqual(MAX_FAILURES);
      expect(failures.every((f) => (f.details['failures'] as number) <= MAX_FAILURES)).toBe(true);
      const successes = await auditOf('sign-in.succeeded', user.email);
      expect(successes).toHaveLength(rightStatus === 200 ? 1 : 0);
      // Passwords checked: the failures, plus the right one if it had a place within the limit.
      expect(failures.length + successes.length).toBeLessThanOrEqual(MAX_FAILURES + 1);
      // The limit is reached, not dodged: 5 failures, or 4 beside the right password's place.
      expect(failures.length).toBeGreaterThanOrEqual(MAX_FAILURES - 1);
      expect(failures.length === MAX_FAILURES || successes.length === 1).toBe(true);
    }
  }, 120_000);

  it('refuses the right password that comes after the limit was reached in parallel', async () => {
    const user = await createUser(t, []);
    const client = await anonymousClient(t);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.post('/api/auth/sign-in', { email: user.email, password: `wrong-${i}` }),
      ),
    );
    const right = await client.post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(await auditOf('sign-in.succeeded', user.email)).toHaveLength(0);
  }, 60_000);
});

describe('a lockout caused elsewhere does not lock the owner out of a known browser', () => {
  it('the attacker stays locked; the owner signs in from the browser they used before', async () => {
    const owner = await createUser(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
    // The owner signed in on this browser before: it holds a known-device cookie for the account.
    const ownersBrowser = await signIn(t, owner.email);
    await ownersBrowser.post('/api/auth/sign-out').expect(204);
    const device = cookieOf(ownersBrowser, 'wgll_device', '/api/auth');
    expect(device).toBeTruthy();

    const attacker = await anonymousClient(t);
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      statuses.push(
        (await attacker.post('/api/auth/sign-in', { email: owner.email, password: `guess-${i}` })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);

    const back = await ownersBrowser.post('/api/auth/sign-in', {
      email: owner.email,
      password: TEST_PASSWORD,
    });
    expect(back.status).toBe(200);
    expect((await ownersBrowser.get('/api/organisations/RJ1')).status).toBe(200);

    // The attacker is still locked, right password or not, and so is any browser the owner never used.
    for (const password of ['guess-again', TEST_PASSWORD]) {
      const res = await attacker.post('/api/auth/sign-in', { email: owner.email, password });
      expect([res.status, (res.body as ApiError).code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    }
    const newBrowser = await anonymousClient(t);
    expect(
      (await newBrowser.post('/api/auth/sign-in', { email: owner.email, password: TEST_PASSWORD })).status,
    ).toBe(429);
  }, 60_000);

  it('a copied, forged or other account’s device cookie exempts nothing; a known device has its own limit', async () => {
    const owner = await createUser(t, []);
    const other = await signIn(t, (await createUser(t, [])).email);
    const othersDevice = cookieOf(other, 'wgll_device', '/api/auth')!;
    const attacker = await anonymousClient(t);
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      await attacker.post('/api/auth/sign-in', { email: owner.email, password: `guess-${i}` });
    }
    const [id, expires] = othersDevice.split('.');
    const forgeries = [
      othersDevice, // valid, but for another account
      `${id}.${expires}.${'A'.repeat(43)}`, // a made-up signature
      `${id}.99999999999.${othersDevice.split('.')[2]}`, // a longer life than was signed
      'not-a-device-cookie',
    ];
    for (const value of forgeries) {
      const res = await postAs('/api/auth/sign-in', { email: owner.email, password: TEST_PASSWORD }, [
        `wgll_device=${value}`,
      ]);
      expect(res.status).toBe(429);
    }

    // The owner's known browser, guessing wrong itself, is limited the same way on its own count.
    const known = await createUser(t, []);
    const browser = await signIn(t, known.email);
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILURES + 1; i += 1) {
      statuses.push(
        (await browser.post('/api/auth/sign-in', { email: known.email, password: `typo-${i}` })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const failures = await auditOf('sign-in.failed', known.email);
    expect(failures.every((f) => f.details['knownDevice'] === true)).toBe(true);
    // ... which locks only that browser's count: a browser without the cookie may still try.
    const elsewhere = await anonymousClient(t);
    expect(
      (await elsewhere.post('/api/auth/sign-in', { email: known.email, password: TEST_PASSWORD })).status,
    ).toBe(200);
  }, 60_000);
});

describe('refresh-token reuse', () => {
  const refreshCookie = (client: Client) => `wgll_refresh=${cookieOf(client, 'wgll_refresh', '/api/auth')}`;

  it('a thief who refreshes first loses the session too: both refused afterwards, and it is audited', async () => {
    const user = await createUser(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
    const owner = await signIn(t, user.email);
    const stolen = refreshCookie(owner);
    // The thief, another client, uses the stolen token first and gets a new one.
    const thief = await postAs('/api/auth/refresh', {}, [stolen], 'thief/1.0');
    expect(thief.status).toBe(200);
    const thiefCookies = (thief.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]!);
    const thiefRefresh = thiefCookies.find((c) => c.startsWith('wgll_refresh='))!;
    const thiefAccess = thiefCookies.find((c) => c.startsWith('wgll_access='))!;
    // Seconds later the owner presents the same token: not the same client, so the session ends.
    const ownerRefresh = await owner.post('/api/auth/refresh');
    expect([ownerRefresh.status, (ownerRefresh.body as ApiError).code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await postAs('/api/auth/refresh', {}, [thiefRefresh], 'thief/1.0')).status).toBe(401);
    expect((await t.http.get('/api/organisations/RJ1').set('Cookie', thiefAccess)).status).toBe(401);
    expect((await owner.get('/api/organisations/RJ1')).status).toBe(401);
    const [audited] = await auditOf('session.refresh-reused', user.email);
    expect(audited).toMatchObject({
      target: { type: 'session' },
      details: { sameClient: false, withinGrace: true },
    });
    const [session] = await t.dataSource.query<{ revoked_reason: string }[]>(
      'SELECT revoked_reason FROM auth_session WHERE user_id = $1',
      [user.id],
    );
    expect(session!.revoked_reason).toBe('refresh-reused');
  }, 60_000);

  it('the owner refreshing first and the thief after also ends the session', async () => {
    const user = await createUser(t, []);
    const owner = await signIn(t, user.email);
    const stolen = refreshCookie(owner);
    await owner.post('/api/auth/refresh').expect(200);
    expect((await postAs('/api/auth/refresh', {}, [stolen], 'thief/1.0')).status).toBe(401);
    expect((await owner.post('/api/auth/refresh')).status).toBe(401);
    expect(await auditOf('session.refresh-reused', user.email)).toHaveLength(1);
  }, 60_000);

  it('two tabs of one browser refreshing at once both succeed and the session lives on', async () => {
    const user = await createUser(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
    const browser = await signIn(t, user.email);
    const [first, second] = await Promise.all([
      browser.post('/api/auth/refresh'),
      browser.post('/api/auth/refresh'),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((first.body as SessionInfo).user?.email).toBe(user.email);
    expect((second.body as SessionInfo).user?.email).toBe(user.email);
    // Exactly one answer rotated the refresh token; the other gave a new access token only.
    const setsRefresh = [first, second].map((r) =>
      ((r.headers['set-cookie'] as unknown as string[] | undefined) ?? []).some((c) =>
        c.startsWith('wgll_refresh='),
      ),
    );
    expect(setsRefresh.sort()).toEqual([false, true]);
    expect((await browser.get('/api/organisations/RJ1')).status).toBe(200);
    await browser.post('/api/auth/refresh').expect(200);
    expect(await auditOf('session.refresh-reused', user.email)).toHaveLength(0);
  }, 60_000);
});

describe('invitation links', () => {
  it('use the configured origin, never a forged Host or X-Forwarded-Host header', async () => {
    const forged = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };
    const created = await admin
      .post('/api/users', {
        email: `host-${Date.now()}@nhs.example`,
        displayName: 'Host Header',
        roles: [{ role: 'board-approver', scopeCode: 'RJ1' }],
      })
      .set(forged);
    expect(created.status).toBe(201);
    const { user, invitation } = created.body as CreateUserResult;
    // The test app has no PUBLIC_URL: the default, http://localhost:PORT.
    expect(invitation.url).toMatch(/^http:\/\/localhost:3000\/invitations\/[A-Za-z0-9_-]+$/);
    const again = await admin.post(`/api/users/${user.id}/invitation`).set(forged);
    expect(again.status).toBe(201);
    expect((again.body as InvitationLink).url).toMatch(/^http:\/\/localhost:3000\/invitations\//);
    expect(JSON.stringify([created.body, again.body])).not.toContain('evil.example');
  });
});
