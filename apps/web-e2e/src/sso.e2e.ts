import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CreateUserResult } from '@wgll/contracts';
import type { Browser } from 'playwright-core';

import { accountNavigation, demoUsers, signInWithApi } from './support/auth.js';
import { launchBrowser, openGuardedPage, type GuardedPage } from './support/browser.js';
import { checkPage } from './support/check-page.js';
import { startOpenIdProvider, type TestOpenIdProvider } from './support/oidc-provider.js';
import { freePort, startServer, type TestServer } from './support/server.js';

/** The provider's own development login page imports a web font; nothing of ours leaves the machine. */
const PROVIDER_FONT = 'https://fonts.googleapis.com/';

describe('single sign-on with an OpenID Connect provider (a full browser round trip)', () => {
  let provider: TestOpenIdProvider;
  let server: TestServer;
  let browser: Browser;
  const visited: string[] = [];
  const runId = Date.now();
  const provisioned = { login: `cis2-${runId}`, email: `sso-${runId}@nhs.example`, emailVerified: true };
  const stranger = {
    login: `stranger-${runId}`,
    email: `stranger-${runId}@nhs.example`,
    emailVerified: true,
  };
  const unverified = { login: `unverified-${runId}`, email: demoUsers.trustLead, emailVerified: false };

  beforeAll(async () => {
    const apiPort = await freePort();
    provider = await startOpenIdProvider({
      port: await freePort(),
      redirectUri: `http://127.0.0.1:${apiPort}/api/auth/oidc/callback`,
      identities: [provisioned, stranger, unverified],
    });
    server = await startServer({
      port: apiPort,
      env: {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
      },
    });
    browser = await launchBrowser();
    // An administrator provisions the account first: single sign-on never creates accounts.
    const admin = await openGuardedPage(browser, server.baseUrl);
    const { csrfToken } = await signInWithApi(admin.page.request, demoUsers.admin);
    const created = await admin.page.request.post('/api/users', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        email: provisioned.email,
        displayName: 'Sam Single-Sign-On',
        roles: [{ role: 'trust-lead', scopeCode: 'RJ1' }],
      },
    });
    expect(created.status()).toBe(201);
    expect(((await created.json()) as CreateUserResult).user.status).toBe('invited');
    await admin.context.close();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  }, 30_000);

  async function signInThroughProvider(login: string): Promise<GuardedPage> {
    const session = await openGuardedPage(browser, server.baseUrl, { alsoAllow: [provider.issuer] });
    const { page } = session;
    await page.goto('/account');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('link', { name: 'Sign in with NHS' }).click();
    // The provider's own pages: a login form, then consent.
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password: the test provider accepts it');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin !== provider.issuer || url.pathname.includes('/interaction/'));
    if (new URL(page.url()).origin === provider.issuer) await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === server.baseUrl);
    return session;
  }

  it('signs a provisioned user in by their verified email and returns them to the page they asked for', async () => {
    const { page, blockedRequests, context } = await signInThroughProvider(provisioned.login);
    await page.waitForURL((url) => url.pathname === '/account');
    await accountNavigation(page).getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByText(provisioned.email).first().waitFor();
    await page.getByText('Trust lead').first().waitFor();
    await checkPage(page, visited, 'sso-01-account-after-sso', /Your account/);
    expect(blockedRequests.filter((url) => !url.startsWith(PROVIDER_FONT))).toEqual([]);
    await context.close();

    // The account is now linked to the identity and active; a second round trip finds it by subject.
    const again = await signInThroughProvider(provisioned.login);
    await again.page.waitForURL((url) => url.pathname === '/account');
    await again.page.getByText(provisioned.email).first().waitFor();
    await again.context.close();
  }, 90_000);

  it('tells someone without an account to ask their administrator', async () => {
    const { page, context } = await signInThroughProvider(stranger.login);
    await page.waitForURL((url) => url.pathname === '/sign-in/not-recognised');
    expect(await page.locator('h1').textContent()).toMatch(/account/i);
    await page
      .getByText(/administrator/)
      .first()
      .waitFor();
    await checkPage(page, visited, 'sso-02-not-recognised', /./);
    const session = (await (await page.request.get('/api/auth/session')).json()) as { user: unknown };
    expect(session.user).toBeNull();
    await context.close();
  }, 90_000);

  it('does not link an account by an email the provider has not verified', async () => {
    const { page, context } = await signInThroughProvider(unverified.login);
    await page.waitForURL((url) => url.pathname === '/sign-in/not-recognised');
    await context.close();
  }, 90_000);
});
