import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';

import {
  accountNavigation,
  demoUsers,
  menuLinkNames,
  signIn,
  signInWithApi,
  signOut,
} from './support/auth.js';
import { openGuardedPage } from './support/browser.js';
import { useJourney } from './support/journey.js';

const FORBIDDEN = 'You do not have permission to see this page';

/** Each demo account: the role and scope its account page lists. */
const demoRoles = [
  { email: demoUsers.admin, role: 'National administrator', scope: 'All of England', admin: true },
  { email: demoUsers.regionalViewer, role: 'Regional viewer', scope: '(Y56)', admin: false },
  { email: demoUsers.icsLead, role: 'ICS lead', scope: '(QKK)', admin: false },
  { email: demoUsers.trustLead, role: 'Trust lead', scope: '(RJZ)', admin: false },
  { email: demoUsers.trustContributor, role: 'Trust contributor', scope: '(RJZ)', admin: false },
  { email: demoUsers.boardApprover, role: 'Board approver', scope: '(RJZ)', admin: false },
];

describe('identity and access', () => {
  const journey = useJourney();
  const { checkPage, visited } = journey;
  let page: Page;

  beforeAll(() => {
    page = journey.page;
  });

  const menu = () => page.getByRole('navigation', { name: 'Menu' });
  const errorSummary = () => page.locator('.nhsuk-error-summary');

  it('sends someone signed out to sign in, then back to the page they asked for', async () => {
    await page.goto('/organisations?q=RJ1');
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/organisations?q=RJ1');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // Signed out, the header offers only Sign in.
    expect(await menu().count()).toBe(0);
    expect(await accountNavigation(page).getByRole('link').allTextContents()).toEqual(['Sign in']);
    await checkPage('access-01-sign-in', 'Sign in');

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await errorSummary().getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await errorSummary().getByRole('link').allTextContents()).toEqual([
      'Enter your email address',
      'Enter your password',
    ]);
    // The summary takes focus, so screen reader users hear what went wrong.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary'))).toBe(
      true,
    );
    await checkPage('access-02-sign-in-empty', 'Error: Sign in');

    await page.getByLabel('Email address').fill(demoUsers.admin);
    await page.getByLabel('Password', { exact: true }).fill('wgll-demo-2026');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/organisations' && url.search === '?q=RJ1');
    await page.getByRole('row').filter({ hasText: 'RJ1' }).first().waitFor();
  }, 60_000);

  it('gives the same message for a wrong password and an unknown email address', async () => {
    await page.context().clearCookies();
    for (const email of [demoUsers.boardApprover, 'nobody-here@demo.wgll.example']) {
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('not-the-right-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      const link = errorSummary().getByRole('link', { name: 'Enter a correct email address and password' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe('#email');
      expect(await errorSummary().textContent()).not.toMatch(/not found|no account|does not exist/i);
      // The password is cleared for the next try; the email address is kept.
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      expect(await page.getByLabel('Email address').inputValue()).toBe(email);
      expect(page.url()).toMatch(/\/sign-in$/);
    }
    await checkPage('access-03-sign-in-wrong-password', 'Error: Sign in');
  }, 60_000);

  it('explains when single sign-on did not complete, or found no account', async () => {
    await page.goto('/sign-in?error=sso-failed');
    await errorSummary()
      .getByText('Single sign-on did not complete. Try again or sign in with your email and password.')
      .waitFor();
    await checkPage('access-04-sign-in-sso-failed', 'Error: Sign in');

    await page.goto('/sign-in/not-recognised');
    await page.getByRole('heading', { level: 1, name: 'We could not find an account for you' }).waitFor();
    await page.getByRole('link', { name: 'Go back to sign in' }).waitFor();
    await checkPage('access-05-not-recognised', 'We could not find an account for you');
  }, 60_000);

  it.each(demoRoles)(
    'shows $email the navigation and roles for a $role',
    async ({ email, role, scope, admin }) => {
      await signIn(page, email);
      const links = await menuLinkNames(page);
      expect(links).toEqual(
        expect.arrayContaining(['Frameworks', 'Organisations', 'Regions', 'About the data']),
      );
      expect(links.includes('Users')).toBe(admin);
      expect(links.includes('Audit log')).toBe(admin);

      // The home page lists their roles and the organisations they cover.
      const roles = page.getByRole('region', { name: 'Your roles' });
      expect(await roles.getByRole('row').filter({ hasText: role }).textContent()).toContain(scope);
      await page.getByRole('region', { name: 'Your organisations' }).getByRole('link').first().waitFor();

      await accountNavigation(page).getByRole('link').first().click();
      await page.waitForURL('**/account');
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      const row = page.getByRole('region', { name: 'Your roles' }).getByRole('row').filter({ hasText: role });
      expect(await row.textContent()).toContain(scope);
      expect(await page.locator('.nhsuk-summary-list').textContent()).toContain(email);
      await checkPage(`access-06-account-${email.split('@')[0]}`, 'Your account');
    },
    60_000,
  );

  it('a trust lead sees their organisation, with its team', async () => {
    await signIn(page, demoUsers.trustLead);
    const mine = page.getByRole('region', { name: 'Your organisations' });
    await mine.getByRole('link', { name: /King's College Hospital/i }).click();
    await page.waitForURL('**/organisations/RJZ');
    const team = page.getByRole('region', { name: 'Team', exact: true });
    await team.waitFor();
    expect(await team.textContent()).toContain(demoUsers.trustContributor);
    expect(await team.textContent()).toContain('Trust contributor');
  }, 60_000);

  it('shows a permission page to someone who is not an administrator', async () => {
    await signIn(page, demoUsers.trustContributor);
    for (const path of ['/admin/users', '/admin/users/new', '/admin/audit']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: FORBIDDEN }).waitFor();
      await page.getByRole('link', { name: 'Go to the home page' }).waitFor();
    }
    await checkPage('access-07-forbidden', FORBIDDEN);

    // The API refuses too, whatever the web app shows.
    const response = await page.request.get('/api/users');
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('FORBIDDEN');
  }, 60_000);

  const invited = {
    email: `invited-${Date.now()}@demo.wgll.example`,
    name: `Invited Contributor ${Date.now()}`,
    password: 'correct horse battery staple',
  };

  it('invites a trust contributor, who sets a password and is signed in', async () => {
    const { email, name } = invited;
    await signIn(page, demoUsers.admin);
    await page.goto('/admin/users');
    // A link styled as a button, which the NHS button script gives the button role.
    await page.getByRole('button', { name: 'Invite a user' }).click();
    await page.waitForURL('**/admin/users/new');
    await page.getByRole('heading', { level: 1, name: 'Invite a user' }).waitFor();
    await checkPage('access-08-new-user', 'Invite a user');

    // A region code for a trust role is refused by the API, against the ODS code input.
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Full name').fill(name);
    await page.getByRole('radio', { name: 'Trust contributor' }).check();
    await page.getByLabel('ODS code').fill('Y56');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await errorSummary().getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await errorSummary().locator('a[href="#scopeCode"]').count()).toBe(1);
    await checkPage('access-09-new-user-error', 'Error: Invite a user');

    await page.getByLabel('ODS code').fill('RJ1');
    await page.getByRole('button', { name: 'Create invitation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitation created' }).waitFor();
    const link = await page.getByLabel('Invitation link').inputValue();
    expect(link).toMatch(/\/invitations\/[^/]+$/);
    await checkPage('access-10-invitation-created', 'Invitation created');

    await page.getByRole('link', { name: `See ${name}'s account` }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
    expect(await page.locator('.nhsuk-summary-list').textContent()).toContain('Invited');
    await checkPage('access-11-invited-user', name);

    await signOut(page);
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Set your password' }).waitFor();
    expect(await page.locator('.nhsuk-summary-list').textContent()).toContain(email);
    await checkPage('access-12-invitation', 'Set your password');

    await page.getByLabel('Create a password', { exact: true }).fill(invited.password);
    await page.getByLabel('Enter the password again', { exact: true }).fill(`${invited.password}!`);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await errorSummary()
      .getByRole('link', { name: 'The passwords do not match. Enter the same password twice' })
      .waitFor();
    await page.getByLabel('Enter the password again', { exact: true }).fill(invited.password);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await accountNavigation(page).getByRole('link', { name }).waitFor();
    const roles = page.getByRole('region', { name: 'Your roles' });
    expect(await roles.getByRole('row').filter({ hasText: 'Trust contributor' }).textContent()).toContain(
      '(RJ1)',
    );
    expect(await menu().getByRole('link', { name: 'Users' }).count()).toBe(0);

    // The link works once.
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'This invitation link cannot be used' }).waitFor();
    await page.getByText('This invitation link has expired or has already been used.').waitFor();
    await checkPage('access-13-invitation-used', 'This invitation link cannot be used');

    // And the new password signs them in.
    await signIn(page, email, invited.password);
    await accountNavigation(page).getByRole('link', { name }).waitFor();
  }, 120_000);

  it('refreshes an expired session and carries on; asks to sign in again when it cannot', async () => {
    /** Drops some of the API's cookies, as if they had expired. */
    async function expireCookies(names: string[]) {
      const context = page.context();
      const kept = (await context.cookies()).filter((cookie) => !names.includes(cookie.name));
      await context.clearCookies();
      await context.addCookies(kept);
    }
    const refreshes: number[] = [];
    const countRefreshes = (response: { url(): string; status(): number }) => {
      if (response.url().endsWith('/api/auth/refresh')) refreshes.push(response.status());
    };

    await signIn(page, demoUsers.regionalViewer);
    page.on('response', countRefreshes);
    try {
      // The access cookie has expired: the first request fails, the session is refreshed, and the
      // request is tried again, without the user noticing.
      await expireCookies(['wgll_access']);
      await menu().getByRole('link', { name: 'Organisations' }).click();
      await page.getByRole('table', { name: /page 1 of/ }).waitFor();
      expect(page.url()).toMatch(/\/organisations$/);
      expect(refreshes).toEqual([200]);

      // Both have expired: the user is asked to sign in, and comes back to the same page.
      await expireCookies(['wgll_access', 'wgll_refresh']);
      await menu().getByRole('link', { name: 'Frameworks' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/frameworks');
      expect(refreshes).toEqual([200, 401]);
      await page.getByLabel('Email address').fill(demoUsers.regionalViewer);
      await page.getByLabel('Password', { exact: true }).fill('wgll-demo-2026');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/frameworks');
      await page.getByRole('heading', { level: 1, name: 'What Good Looks Like frameworks' }).waitFor();
      await page.getByRole('table', { name: 'Framework versions' }).waitFor();
    } finally {
      page.off('response', countRefreshes);
    }
  }, 60_000);

  it('signs in through the API for tests that need a session (sharing the browser cookies)', async () => {
    const probe = await openGuardedPage(journey.browser, journey.baseUrl);
    try {
      await signInWithApi(probe.page.request, demoUsers.regionalViewer);
      await probe.page.goto('/account');
      await probe.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      expect(await probe.page.locator('main').textContent()).toContain('Regional viewer');
    } finally {
      await probe.context.close();
    }
  }, 60_000);

  it('made no request to any other host, and threw no errors in the page', () => {
    expect(visited.length).toBeGreaterThan(0);
    expect(journey.session.blockedRequests).toEqual([]);
    expect(journey.session.pageErrors).toEqual([]);
  });
});
