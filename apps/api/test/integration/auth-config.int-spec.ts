import { describe, expect, it } from '@jest/globals';
import type { ApiError, SessionInfo, UserSummary } from '@wgll/contracts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/database/seed/demo-accounts.js';
import { anonymousClient, createUser, signIn } from './support/auth.js';
import { startTestApp } from './support/test-app.js';

// Each test starts its own app, one at a time: Passport's strategies are process-wide, so two apps
// alive at once in one test file would share the last one's JWT strategy.
describe('configured behaviour', () => {
  it('throttles sign-in attempts per IP address (SIGN_IN_RATE_LIMIT a minute)', async () => {
    const limited = await startTestApp({ auth: { rateLimitPerMinute: 3 } });
    try {
      const client = await anonymousClient(limited);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const email = `someone-${i}-${Date.now()}@nowhere.example`;
        statuses.push((await client.post('/api/auth/sign-in', { email, password: 'x' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  }, 120_000);

  it('exist in embedded mode, one per role, and can sign in', async () => {
    const embedded = await startTestApp({ mode: 'embedded', config: { seedDemo: true } });
    try {
      for (const account of DEMO_ACCOUNTS) {
        const client = await signIn(embedded, account.email, DEMO_PASSWORD);
        const { user } = (await client.get('/api/auth/session')).body as SessionInfo;
        expect(user?.roles.map((r) => [r.role, r.scope.code])).toEqual([[account.role, account.scopeCode]]);
      }
      expect(new Set(DEMO_ACCOUNTS.map((a) => a.role)).size).toBe(6);
    } finally {
      await embedded.close();
    }
    // The demo data includes the demo world, built through the services at first start.
  }, 600_000);

  it('keeps at least one active national administrator', async () => {
    // A fresh database with exactly one administrator (no demo accounts).
    const fresh = await startTestApp({ mode: 'embedded' });
    try {
      const only = await createUser(fresh, [{ role: 'national-administrator' }]);
      const admin = await signIn(fresh, only.email);
      const { roles } = (await admin.get(`/api/users/${only.id}`).expect(200)).body as UserSummary;
      const revoke = await admin.delete(`/api/users/${only.id}/roles/${roles[0]!.id}`);
      expect([revoke.status, (revoke.body as ApiError).code]).toEqual([409, 'LAST_ADMINISTRATOR']);
      // With a second administrator, the first may step down.
      const second = await createUser(fresh, [{ role: 'national-administrator' }]);
      await admin.delete(`/api/users/${only.id}/roles/${roles[0]!.id}`).expect(200);
      const other = await signIn(fresh, second.email);
      const disable = await other.patch(`/api/users/${second.id}`, { status: 'disabled' });
      expect(disable.status).toBe(400); // not yourself
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
