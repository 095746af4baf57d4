import { beforeAll, describe, expect, it } from '@jest/globals';
import type { CreateUserResult, SessionInfo } from '@wgll/contracts';
import type { Page } from 'playwright-core';

import { demoUsers, menuLink, signIn, signInWithApi } from './support/auth.js';
import { useJourney } from './support/journey.js';

/**
 * What administrators do with accounts, and what users do with their own. The user these tests
 * change is created through the API first (invited, then the invitation accepted).
 */
describe('user administration', () => {
  const journey = useJourney();
  const { checkPage, visited } = journey;
  let page: Page;

  const stamp = Date.now();
  const invited = {
    email: `managed-${stamp}@demo.wgll.example`,
    name: `Managed Contributor ${stamp}`,
    password: 'correct horse battery staple',
  };

  const errorSummary = () => page.locator('.nhsuk-error-summary');

  beforeAll(async () => {
    page = journey.page;
    const { csrfToken } = await signInWithApi(page.request, demoUsers.admin);
    const created = await page.request.post('/api/users', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        email: invited.email,
        displayName: invited.name,
        roles: [{ role: 'trust-contributor', scopeCode: 'RJ1' }],
      },
    });
    expect(created.status()).toBe(201);
    const { invitation } = (await created.json()) as CreateUserResult;
    const token = new URL(invitation.url, journey.baseUrl).pathname.split('/').pop() ?? '';
    const accepted = await page.request.post(`/api/auth/invitations/${token}`, {
      headers: { 'x-csrf-token': csrfToken },
      data: { password: invited.password },
    });
    expect(accepted.status()).toBe(200);
    expect(((await accepted.json()) as SessionInfo).user?.email).toBe(invited.email);
    await page.context().clearCookies();
  }, 60_000);

  it('lets an administrator find users and read the audit log', async () => {
    // A failed sign-in first, for the audit log to show.
    await page.context().clearCookies();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(demoUsers.boardApprover);
    await page.getByLabel('Password', { exact: true }).fill('not-the-right-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await errorSummary().getByRole('link', { name: 'Enter a correct email address and password' }).waitFor();

    await signIn(page, demoUsers.admin);
    await (await menuLink(page, 'Users')).click();
    await page.waitForURL('**/admin/users');
    await page.getByRole('row').filter({ hasText: demoUsers.trustContributor }).waitFor();
    await checkPage('users-01-list', 'Users');

    await page.getByLabel('Name or email address').fill('contributor@demo');
    await page.getByLabel('Name or email address').press('Enter');
    await page.waitForURL(/\/admin\/users\?q=contributor/);
    await page.getByRole('heading', { level: 2, name: '1 user' }).waitFor();
    await page.getByRole('row').filter({ hasText: demoUsers.trustContributor }).getByRole('link').click();
    await page.waitForURL(/\/admin\/users\/[^/]+$/);
    const roles = page.getByRole('region', { name: 'Roles' });
    expect(await roles.getByRole('row').filter({ hasText: 'Trust contributor' }).textContent()).toContain(
      '(RJZ)',
    );
    await page.getByRole('button', { name: 'Create a new invitation link' }).waitFor();
    await checkPage('users-02-user', /^.+ – WGLL digital maturity – NHS$/);

    await (await menuLink(page, 'Audit log')).click();
    await page.waitForURL('**/admin/audit');
    await page.getByRole('cell', { name: 'Signed in', exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Check the audit log' }).click();
    await page
      .getByRole('status')
      .getByText(/^All [\d,]+ entries are intact\./)
      .waitFor();
    await checkPage('users-03-audit', 'Audit log');

    await page.getByLabel('What happened').selectOption('sign-in.failed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/action=sign-in\.failed/);
    // The earlier rows (which may include failed sign-ins) stay on screen until the filtered ones
    // arrive: wait for failed sign-ins only (each cell starts with its column's hidden heading, so
    // compare the ends); with the filter broken this times out.
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('main td')].map((cell) => (cell.textContent ?? '').trim());
      return (
        cells.some((text) => text.endsWith('Failed to sign in')) &&
        !cells.some((text) => text.endsWith('Signed in'))
      );
    });
    expect(await page.getByRole('cell', { name: 'Signed in', exact: true }).count()).toBe(0);
  }, 90_000);

  it('lets a user change their password', async () => {
    const newPassword = 'a different horse battery staple';
    await signIn(page, invited.email, invited.password);
    await page.goto('/account');
    const form = page.getByRole('region', { name: 'Change your password' });
    await form.getByLabel('Current password', { exact: true }).fill('not my password at all');
    await form.getByLabel('New password', { exact: true }).fill(newPassword);
    await form.getByLabel('Enter the new password again', { exact: true }).fill(newPassword);
    await form.getByRole('button', { name: 'Change password' }).click();
    // The API says the current password is wrong; the message links to that input.
    await errorSummary().locator('a[href="#currentPassword"]').waitFor();
    await checkPage('users-04-account-password-error', 'Error: Your account');

    await form.getByLabel('Current password', { exact: true }).fill(invited.password);
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor();
    expect(await form.getByLabel('Current password', { exact: true }).inputValue()).toBe('');
    await checkPage('users-05-account-password-changed', 'Your account');

    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    await signIn(page, invited.email, newPassword);
    invited.password = newPassword;
  }, 60_000);

  it("lets an administrator change a user's roles and disable their account", async () => {
    await signIn(page, demoUsers.admin);
    await page.goto(`/admin/users?q=${encodeURIComponent(invited.email)}`);
    await page.getByRole('link', { name: invited.name }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(invited.name) }).waitFor();
    const roles = page.getByRole('region', { name: 'Roles', exact: true });
    const addRole = page.getByRole('region', { name: 'Add a role' });
    const banner = page.locator('.nhsuk-notification-banner--success');

    await addRole.getByRole('radio', { name: 'ICS lead' }).check();
    await addRole.getByLabel('ODS code').fill('qkk');
    await addRole.getByRole('button', { name: 'Add role' }).click();
    await banner.getByText('Added the role: ICS lead for QKK').waitFor();
    await roles.getByRole('row').filter({ hasText: 'ICS lead' }).waitFor();

    // The same role again is refused.
    await addRole.getByRole('radio', { name: 'ICS lead' }).check();
    await addRole.getByLabel('ODS code').fill('QKK');
    await addRole.getByRole('button', { name: 'Add role' }).click();
    await errorSummary().getByRole('link', { name: 'They already have this role for this place' }).waitFor();
    await checkPage('users-06-user-add-role-error', `Error: ${invited.name}`);

    await roles.getByRole('button', { name: /^Remove the role ICS lead/ }).click();
    await banner.getByText(/^Removed the role: ICS lead/).waitFor();
    expect(await roles.getByRole('row').filter({ hasText: 'ICS lead' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Disable account' }).click();
    await banner.getByText('The account has been disabled').waitFor();
    expect(await page.locator('.nhsuk-summary-list').textContent()).toContain('Disabled');
    await page.getByRole('button', { name: 'Enable account' }).click();
    await banner.getByText('The account has been enabled').waitFor();
    expect(await page.locator('.nhsuk-summary-list').textContent()).toContain('Active');

    await page.getByRole('button', { name: 'Create a new invitation link' }).click();
    await page.getByRole('heading', { name: 'New invitation link' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Invitation link' }).inputValue()).toMatch(
      /\/invitations\/[^/]+$/,
    );

    // The audit log, for this user, shows what was done.
    await page.getByRole('link', { name: new RegExp(`^See what ${invited.name} has done`) }).click();
    await page.waitForURL(/\/admin\/audit\?userId=/);
    for (const what of ['Gave a role', 'Removed a role', 'Disabled an account', 'Enabled an account']) {
      await page.getByRole('cell', { name: what, exact: true }).first().waitFor();
    }
  }, 90_000);

  it('made no request to any other host, and threw no errors in the page', () => {
    expect(visited.length).toBeGreaterThan(0);
    expect(journey.session.blockedRequests).toEqual([]);
    expect(journey.session.pageErrors).toEqual([]);
  });
});
