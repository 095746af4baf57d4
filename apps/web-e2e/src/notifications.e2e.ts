import { describe, expect, it } from '@jest/globals';
import type { EmailDeliveryList, NoticeList, NotificationPreferences } from '@wgll/contracts';

import { demoUsers, menuLink, signIn, signOut } from './support/auth.js';
import { useJourney } from './support/journey.js';

/**
 * Issue 20 in the browser: with no mail service configured (as here) e-mails stay in the outbox the
 * national administrator reads; a person chooses which kinds come by e-mail; an e-mail's unsubscribe
 * link works without signing in. An axe scan on every page.
 */
describe('notifications: the outbox, e-mail choices and unsubscribing', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let unsubscribeLink = '';

  it('the national administrator reads the outbox: the demo’s workflow e-mails, kept and not sent', async () => {
    const page = journey.page;
    await signIn(page, demoUsers.admin);
    await (await menuLink(page, 'E-mail')).click();
    await page.getByRole('heading', { level: 1, name: 'E-mail' }).waitFor();
    await page.getByText(/No mail service is configured/).waitFor();
    await checkPage('email-outbox', /^E-mail – /);
    const list = (await (
      await page.request.get('/api/notifications/deliveries?status=outbox&pageSize=100')
    ).json()) as EmailDeliveryList;
    expect(list.transport).toBe('outbox');
    expect(list.total).toBeGreaterThan(0);
    // The first e-mail on the page opens to show its text, with the link to the page that needs action.
    const first = list.items[0]!;
    await page.getByText(first.subject).first().click();
    await page.getByText(/Dear /).first().waitFor();
    const withLink = list.items.find((d) => /\/unsubscribe\?token=/.test(d.text));
    expect(withLink).toBeDefined();
    unsubscribeLink = /(https?:\/\/\S+\/unsubscribe\?token=\S+)/.exec(withLink!.text)![1]!;
    // Nothing failed, so the filter says so.
    await page.getByRole('link', { name: 'Failed' }).click();
    await page.getByRole('heading', { level: 2, name: 'No e-mails' }).waitFor();
    await checkPage('email-failed-none', /^E-mail – /);
  }, 180_000);

  it('a board approver sees their notifications and turns one kind of e-mail off', async () => {
    const page = journey.page;
    await signIn(page, demoUsers.boardApprover);
    // The home page lists the newest 5 under "Waiting for you"; the header says how many are unread.
    await page.goto('/');
    const notices = (await (await page.request.get('/api/notifications')).json()) as NoticeList;
    await page.getByRole('heading', { level: 2, name: 'Your notifications' }).waitFor();
    const all = page.getByRole('link', { name: /^See all your notifications/ });
    await all.waitFor();
    const shown = page.locator('section[aria-labelledby="notifications-heading"] li');
    expect(await shown.count()).toBe(Math.min(5, notices.items.length));
    const headerName = notices.unread > 0 ? `Notifications, ${notices.unread} unread` : 'Notifications';
    await page.getByRole('banner').getByRole('link', { name: headerName, exact: true }).waitFor();
    await checkPage('home-notifications', /^Home – /);
    await all.click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.goto('/account');
    await page.getByRole('link', { name: /choose which come by e-mail/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Recent notifications' }).waitFor();
    const box = page.getByLabel('A return is ready for board approval');
    expect(await box.isChecked()).toBe(true);
    await checkPage('notifications-preferences', /^Notifications – /);
    await box.uncheck();
    await page.getByRole('button', { name: 'Save e-mail choices' }).click();
    await page.getByRole('heading', { name: 'Your e-mail choices are saved' }).waitFor();
    await checkPage('notifications-saved', /^Notifications – /);
    const saved = (await (
      await page.request.get('/api/notifications/preferences')
    ).json()) as NotificationPreferences;
    expect(saved.items.find((p) => p.kind === 'ready-for-approval')!.email).toBe(false);
    await signOut(page);
  }, 120_000);

  it('an e-mail’s unsubscribe link works without signing in; a changed one says it is not valid', async () => {
    const page = journey.page;
    await page.context().clearCookies();
    const address = new URL(unsubscribeLink);
    await page.goto(`${address.pathname}${address.search}`);
    await page.getByRole('heading', { level: 1, name: 'Unsubscribe from these e-mails' }).waitFor();
    await checkPage('unsubscribe', /^Unsubscribe – /);
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { level: 1, name: 'You are unsubscribed' }).waitFor();
    await checkPage('unsubscribed', /^You are unsubscribed – /);
    await page.goto(`${address.pathname}${address.search}x`);
    await page.getByRole('heading', { level: 1, name: 'This unsubscribe link is not valid' }).waitFor();
    await checkPage('unsubscribe-invalid', /^This unsubscribe link is not valid – /);
  }, 120_000);
});
