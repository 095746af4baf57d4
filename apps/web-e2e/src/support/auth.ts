import { expect } from '@jest/globals';
import type { SessionInfo } from '@wgll/contracts';
import type { APIRequestContext, Locator, Page } from 'playwright-core';

/** The password of every demo account (seeded when SEED_DEMO=true). */
export const DEMO_PASSWORD = 'wgll-demo-2026';

/** The demo accounts, one for each role. */
export const demoUsers = {
  admin: 'admin@demo.wgll.example',
  regionalViewer: 'region@demo.wgll.example',
  icsLead: 'ics@demo.wgll.example',
  trustLead: 'trust-lead@demo.wgll.example',
  trustContributor: 'contributor@demo.wgll.example',
  boardApprover: 'board@demo.wgll.example',
} as const;

/** The header's account links: the user's name and Sign out, or Sign in. */
export function accountNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Account' });
}

/** The header's menu of pages. */
function menu(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Menu' });
}

/** Opens the header menu's "More" list, when the menu has one and it is closed. */
async function openMore(page: Page): Promise<void> {
  const more = menu(page).getByRole('button', { name: /More/ });
  if ((await more.isVisible()) && (await more.getAttribute('aria-expanded')) !== 'true') await more.click();
}

/**
 * A link of the header menu, found by its exact name. When the window is too narrow for it, the
 * header's script has moved it under "More": that list is opened first.
 */
export async function menuLink(page: Page, name: string): Promise<Locator> {
  const link = menu(page).getByRole('link', { name, exact: true });
  if ((await link.count()) === 0 || !(await link.isVisible())) await openMore(page);
  return link;
}

/** The names of every link of the header menu, those under "More" too. */
export async function menuLinkNames(page: Page): Promise<string[]> {
  await openMore(page);
  return (await menu(page).getByRole('link').allTextContents()).map((text) => text.trim());
}

/**
 * Signs in with the sign-in form, as a user would. Any earlier session is dropped first (its
 * cookies cleared), so this also switches user. Resolves once the header shows Sign out.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await accountNavigation(page).getByRole('button', { name: 'Sign out' }).waitFor();
  // The header's script (loaded after the page) moves menu links that do not fit under "More":
  // wait for it, so a test finds each link where it will stay.
  await page.locator('header.nhsuk-header[data-nhsuk-header-init]').waitFor({ state: 'attached' });
}

/** Signs out with the header's Sign out button; resolves on the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await accountNavigation(page).getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await accountNavigation(page).getByRole('link', { name: 'Sign in' }).waitFor();
}

/**
 * Signs in through the API, for a test that needs a session but is not about signing in: GET the
 * session for its CSRF token, then POST the sign-in. Pass `page.request` (or a context's request):
 * it shares the browser context's cookies, so the page is signed in too.
 */
export async function signInWithApi(
  request: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<{ session: SessionInfo; csrfToken: string }> {
  const current = (await (await request.get('/api/auth/session')).json()) as SessionInfo;
  const response = await request.post('/api/auth/sign-in', {
    headers: { 'x-csrf-token': current.csrfToken },
    data: { email, password },
  });
  expect(response.status()).toBe(200);
  const session = (await response.json()) as SessionInfo;
  expect(session.user?.email).toBe(email);
  return { session, csrfToken: session.csrfToken };
}
