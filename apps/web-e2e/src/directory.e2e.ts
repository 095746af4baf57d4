import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';

import { demoUsers, menuLink, signIn } from './support/auth.js';
import { openGuardedPage } from './support/browser.js';
import { useJourney } from './support/journey.js';

describe('organisation directory', () => {
  const journey = useJourney();
  const { checkPage, visited } = journey;
  let page: Page;

  beforeAll(async () => {
    page = journey.page;
    // Every page but sign-in needs a signed-in user.
    await signIn(page, demoUsers.admin);
  }, 60_000);

  async function activeElementId(): Promise<string | undefined> {
    return page.evaluate(() => document.activeElement?.id);
  }

  it('finds a trust by name, then follows it to its ICS and region', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'What Good Looks Like digital maturity' }).waitFor();
    await checkPage('01-home', 'Home');

    // The skip link is the first thing a keyboard user reaches.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');

    await (await menuLink(page, 'Organisations')).click();
    await page.waitForURL('**/organisations');
    // Open organisations today; 205 trusts in all, a few of which have since closed.
    await page.getByRole('heading', { level: 2, name: /^\d+ organisations$/ }).waitFor();
    await page.getByRole('table', { name: /page 1 of/ }).waitFor();
    await checkPage('02-directory', 'Find an organisation');

    // Search by keyboard: type and press Enter in the search box.
    await page.getByLabel('Name or ODS code').fill("Guy's and St Thomas");
    await page.getByLabel('Name or ODS code').press('Enter');
    await page.waitForURL(/\/organisations\?q=Guy/);
    const result = page.getByRole('row').filter({ hasText: 'RJ1' });
    await result.waitFor();
    expect(await activeElementId()).toBe('results-heading');
    expect(await result.textContent()).toMatch(/South East London/i);
    expect(await result.textContent()).toMatch(/London/);
    await checkPage('03-directory-search', 'Find an organisation');

    await result.getByRole('link', { name: /Guy's and St Thomas'/i }).click();
    await page.waitForURL('**/organisations/RJ1');
    await page
      .getByRole('heading', { level: 1, name: /Guy's and St Thomas' NHS Foundation Trust/i })
      .waitFor();
    const summary = page.locator('.nhsuk-summary-list');
    const icsLink = summary.getByRole('link', { name: /South East London.*\(QKK\)/i });
    await icsLink.waitFor();
    await summary.getByRole('link', { name: 'London', exact: true }).waitFor();
    await checkPage('04-organisation-RJ1', /^Guy's and St Thomas' NHS Foundation Trust – /i);

    await icsLink.click();
    await page.waitForURL('**/ics/QKK');
    await page.getByRole('heading', { level: 1, name: /South East London/i }).waitFor();
    await page.getByRole('row').filter({ hasText: 'RJ1' }).getByRole('link').waitFor();
    await checkPage('05-ics-QKK', /South East London/i);

    await page.locator('.nhsuk-summary-list').getByRole('link', { name: 'London', exact: true }).click();
    await page.waitForURL('**/regions/Y56');
    await page.getByRole('heading', { level: 1, name: /London/ }).waitFor();
    await page.getByRole('row').filter({ hasText: 'QKK' }).getByRole('link').waitFor();
    await checkPage('06-region-Y56', 'London region');
  }, 90_000);

  it('keeps the search in the address, so pages can be shared and Back works', async () => {
    await page.goto('/organisations?region=Y56');
    const heading = page.getByRole('heading', { level: 2, name: /organisations$/ });
    await heading.waitFor();
    const firstPageText = await heading.textContent();
    expect(await page.getByLabel('Region').inputValue()).toBe('Y56');

    await page.getByRole('navigation', { name: 'Results pages' }).getByRole('link', { name: /Next/ }).click();
    await page.waitForURL(/page=2/);
    await page.getByRole('table', { name: /page 2 of/ }).waitFor();
    expect(await activeElementId()).toBe('results-heading');

    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('page=2'));
    await page.getByRole('table', { name: /page 1 of/ }).waitFor();
    expect(await heading.textContent()).toBe(firstPageText);
  }, 60_000);

  it('shows the ICS before and after the April 2026 mergers for a trust in a merged ICB', async () => {
    await page.goto('/organisations/RV3');
    const section = page.getByRole('region', { name: 'Before and after the April 2026 ICB mergers' });
    await section.waitFor();
    const before = section.getByRole('row').filter({ hasText: '31 March 2026' });
    const after = section.getByRole('row').filter({ hasText: '1 April 2026' });
    expect(await before.textContent()).toContain('(QRV)');
    expect(await after.textContent()).toContain('(Z9B2Z)');
    expect(await section.textContent()).toMatch(/moved from .*\(QRV\) to .*\(Z9B2Z\)/);
    await checkPage('07-organisation-RV3', /^Central and North West London NHS Foundation Trust – /i);
  }, 60_000);

  it('explains that an ICB closed, and links to the ICB that replaced it', async () => {
    await page.goto('/ics/QMJ?at=2026-06-30');
    await page.getByText('This ICB closed on 31 March 2026').waitFor();
    await page
      .getByRole('link', { name: /\(Z9B2Z\)/ })
      .first()
      .waitFor();
    await checkPage('08-ics-QMJ-closed', /North Central London/i);
  }, 60_000);

  it('says an unknown organisation was not found', async () => {
    await page.goto('/organisations/XXX99');
    await page.getByRole('heading', { level: 1, name: 'Organisation not found' }).waitFor();
    await page.getByRole('link', { name: 'Search the organisation directory' }).waitFor();
    await checkPage('09-organisation-not-found', 'Organisation not found');
  }, 60_000);

  it('shows an error summary when the API rejects the search', async () => {
    await page.goto('/organisations?at=2026-02-30');
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await summary.getByRole('link').count()).toBeGreaterThan(0);
    await checkPage('10-directory-error', 'Error: Find an organisation');
  }, 60_000);

  it('shows a page not found for an unknown address', async () => {
    await page.goto('/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await checkPage('11-page-not-found', 'Page not found');
  }, 60_000);

  it('attributes the data under the Open Government Licence', async () => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'About the data' }).click();
    await page.waitForURL('**/about-the-data');
    const licence = page.getByRole('link', { name: 'Open Government Licence v3.0' }).first();
    await licence.waitFor();
    expect(await licence.getAttribute('href')).toBe(
      'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    );
    expect(await page.locator('main').textContent()).toContain('Copyright © 2026, NHS England');
    await checkPage('12-about-the-data', 'About the data');
  }, 60_000);

  it('blocks and records requests to other hosts (so the check below can fail)', async () => {
    const probe = await openGuardedPage(journey.browser, journey.baseUrl);
    try {
      // A navigation, because the API's Content Security Policy already stops scripts fetching
      // from other hosts before the request reaches the network.
      const font = 'https://assets.nhs.uk/fonts/FrutigerLTW01-55Roman.woff2';
      const outcome = await probe.page.goto(font).then(
        () => 'fetched',
        () => 'blocked',
      );
      expect(outcome).toBe('blocked');
      expect(probe.blockedRequests).toEqual([font]);
    } finally {
      await probe.context.close();
    }
  }, 30_000);

  it('made no request to any other host, and threw no errors in the page', () => {
    expect(visited.length).toBeGreaterThan(0);
    expect(journey.session.blockedRequests).toEqual([]);
    expect(journey.session.pageErrors).toEqual([]);
  });
});
