/**
 * Races an attacker would run, many rounds over real connections: bursts of parallel sign-in
 * attempts against one account (never more passwords checked than the limit, whatever the
 * interleaving), and a stolen refresh token raced against its owner (the session ends, both are
 * signed out, and the event is audited).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuditList } from '@wgll/contracts';
import { createUser, TEST_PASSWORD } from '../integration/support/auth.js';
import { startTestApp, type TestApp } from '../integration/support/test-app.js';
import { RawClient } from './support/raw-http.js';

const ROUNDS = Number(process.env.RACE_ROUNDS ?? 8);
const BURST = 30;
const MAX_FAILURES = 5;

let t: TestApp;
let port: number;
let auditor: RawClient;
const counts: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  await t.running.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.running.app.getHttpServer().address() as AddressInfo).port;
  const admin = await createUser(t, [{ role: 'national-administrator' }]);
  auditor = await new RawClient(port).signIn(admin.email, TEST_PASSWORD);
}, 120_000);

afterAll(async () => {
  process.stdout.write(`\nSign-in races:\n${counts.map((c) => `  ${c}`).join('\n')}\n`);
  await t?.close();
});

async function audited(action: string, filter: (e: AuditList['items'][number]) => boolean): Promise<number> {
  const res = await auditor.send({ method: 'GET', path: `/api/audit?action=${action}&pageSize=100` });
  return (res.json as AuditList).items.filter(filter).length;
}

const signInBody = (email: string, password: string) => ({
  method: 'POST',
  path: '/api/auth/sign-in',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, password }),
});

describe('parallel sign-in attempts', () => {
  it(`never check more than ${MAX_FAILURES} passwords of one account, in ${ROUNDS} bursts of ${BURST} from separate connections`, async () => {
    let refused = 0;
    let checked = 0;
    let rightWon = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const user = await createUser(t, []);
      // Each attempt from a client of its own (own connection, own CSRF cookie), the right password somewhere in the burst.
      const right = (round * 7) % BURST;
      const clients = await Promise.all(
        Array.from({ length: BURST }, (_, i) => new RawClient(port, `attacker-${i}`).start()),
      );
      const statuses = (
        await Promise.all(
          clients.map((c, i) => c.send(signInBody(user.email, i === right ? TEST_PASSWORD : `wrong-${i}`))),
        )
      ).map((r) => r.status);
      expect(statuses.every((s) => s === 200 || s === 401 || s === 429)).toBe(true);
      const failures = await audited('sign-in.failed', (e) => e.actor?.label === user.email);
      const successes = await audited('sign-in.succeeded', (e) => e.actor?.label === user.email);
      expect(failures).toBeLessThanOrEqual(MAX_FAILURES);
      expect(successes).toBe(statuses[right] === 200 ? 1 : 0);
      expect(failures + successes).toBeLessThanOrEqual(MAX_FAILURES + 1);
      // And the limit is reached, not dodged: with 29 wrong passwords, the account ends locked
      // unless the right one took one of the first places (then 4 failures were checked beside it).
      expect(failures).toBeGreaterThanOrEqual(MAX_FAILURES - 1);
      expect(failures === MAX_FAILURES || successes === 1).toBe(true);
      // Once the limit is reached, the right password from a new client is refused too.
      if (failures === MAX_FAILURES) {
        const late = await (
          await new RawClient(port, 'late').start()
        ).send(signInBody(user.email, TEST_PASSWORD));
        expect(late.status).toBe(429);
      }
      refused += statuses.filter((s) => s === 429).length;
      checked += failures + successes;
      rightWon += successes;
    }
    counts.push(
      `${ROUNDS} bursts × ${BURST} attempts: ${checked} passwords checked (at most ${MAX_FAILURES + 1} a burst), ` +
        `${refused} refused unchecked, the right password accepted in ${rightWon} bursts (only within the limit)`,
    );
  }, 300_000);
});

describe('a stolen refresh token', () => {
  it(`ends the session when thief and owner race to refresh (${ROUNDS} rounds, each order)`, async () => {
    let revoked = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const user = await createUser(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
      const owner = await new RawClient(port, 'owner-browser').signIn(user.email, TEST_PASSWORD);
      const thief = await new RawClient(port, 'thief-tool').start();
      thief.copyCookies(owner, ['wgll_refresh']);
      const refresh = (c: RawClient) => c.send({ method: 'POST', path: '/api/auth/refresh' });
      // Alternate who goes first; odd rounds send both at once.
      const [a, b] = round % 2 === 0 ? [thief, owner] : [owner, thief];
      if (round % 4 < 2) {
        await refresh(a);
        await refresh(b);
      } else {
        await Promise.all([refresh(a), refresh(b)]);
      }
      expect(await owner.signedIn()).toBe(false);
      expect(await thief.signedIn()).toBe(false);
      expect((await refresh(owner)).status).toBe(401);
      expect((await refresh(thief)).status).toBe(401);
      expect(await audited('session.refresh-reused', (e) => e.actor?.id === user.id)).toBe(1);
      revoked += 1;
    }
    counts.push(
      `${ROUNDS} refresh races (sequential and simultaneous): ${revoked} sessions ended and audited, 0 kept by the thief`,
    );
  }, 300_000);
});
