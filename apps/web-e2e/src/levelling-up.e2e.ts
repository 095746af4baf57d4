import { beforeAll, describe, expect, it } from '@jest/globals';
import type { IcsDomainLevels, RegionWatchLists } from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';
import { formatScore, readableName } from '@wgll/scoring';
import type { Page } from 'playwright-core';

import { demoUsers, signIn } from './support/auth.js';
import { useJourney } from './support/journey.js';

/**
 * Levelling up (issue 19), on the demo world: South East London's (QKK) trusts have sealed 2026/27
 * returns (acute: all but King's, left for the person trying). The ICS lead opens the domain-level heatmap from the ICS results page; the regional viewer
 * (London, Y56) opens the organisations below a threshold it sets and follows the links, which keep
 * the cycle, care setting and threshold.
 */
describe('levelling up', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;

  beforeAll(() => {
    page = journey.page;
  });

  it("an ICS lead opens the domain levels of its members' sealed returns, and the common gaps", async () => {
    await signIn(page, demoUsers.icsLead);
    await page.goto('/ics/QKK/results?careSetting=acute');
    const link = page.getByRole('link', { name: 'Domain levels and common gaps' });
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await page.getByRole('heading', { level: 1, name: /Domain levels and common gaps/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ics/QKK/domain-levels');
    const table = page.getByRole('table', { name: /^Domain levels of the acute organisations in / });
    await table.waitFor();
    // Guy's and St Thomas' (sealed) is a column; every cell says its level or why there is none.
    const header = await table.locator('thead th').allTextContents();
    expect(header[0]).toBe('Domain');
    expect(header.some((h) => /Guy.s and St Thomas/i.test(h))).toBe(true);
    // Every cell, measure by measure and domain by domain, says what the API answers for the same
    // question: a level, or why there is none.
    const cells = await table.locator('tbody td').allTextContents();
    const response = await page.request.get(`/api/ics/QKK/domain-levels${new URL(page.url()).search}`);
    expect(response.status()).toBe(200);
    const levels = (await response.json()) as IcsDomainLevels;
    const why = {
      'not-applicable': 'Not applicable',
      'not-asked': 'Not asked',
      'not-answered': 'Not answered',
      'no-return': 'No sealed return',
    } as const;
    expect(cells).toEqual(
      MEASURE_IDS.flatMap((m) =>
        levels.domains
          .filter((d) => d.measure === m)
          .flatMap((d) => d.cells.map((c) => (c.kind === 'level' ? String(c.level) : why[c.kind]))),
      ),
    );
    expect(cells.some((text) => /^[1-5]$/.test(text))).toBe(true);
    // A column per organisation, as the API gives them: those with a sealed return show their levels,
    // the others (King's, left for the person trying the demo) say they have none. More than one has
    // levels, so the heatmap compares organisations.
    expect(new URL(page.url()).searchParams.get('careSetting')).toBe('acute');
    expect(header.slice(1)).toEqual(levels.organisations.map((o) => readableName(o.name)));
    const firstDomain = table
      .locator('tbody tr')
      .filter({ has: page.locator('td') })
      .first();
    const firstCells = await firstDomain.locator('td').allTextContents();
    expect(firstCells.map((text) => text !== 'No sealed return')).toEqual(
      levels.organisations.map((o) => o.sealed),
    );
    expect(levels.sealed).toBeGreaterThan(1);
    await page.getByRole('heading', { level: 2, name: 'Common gaps' }).waitFor();
    await checkPage('levelling-up-00-domain-levels', /^Domain levels – /);

    // One measure only.
    await page.getByLabel('Measure').selectOption('well-led');
    await page.getByRole('button', { name: 'Show domain levels' }).click();
    await page.waitForURL(/measure=well-led/);
    await page.getByRole('table', { name: /: Well led$/ }).waitFor();
    const groups = await page.locator('tbody th[scope="colgroup"]').allTextContents();
    expect(groups).toEqual(['Well led']);
  }, 120_000);

  it('says plainly that the published 2025 results have no domain levels', async () => {
    await page.goto('/ics/QKK/domain-levels');
    await page.getByLabel('Assessment cycle').waitFor();
    const published = await page
      .getByLabel('Assessment cycle')
      .locator('option', { hasText: 'published by NHS England' })
      .getAttribute('value');
    expect(published).not.toBeNull();
    await page.getByLabel('Assessment cycle').selectOption(String(published));
    await page.getByRole('button', { name: 'Show domain levels' }).click();
    await page.getByText(/give each organisation’s seven measure scores, not its domain levels/).waitFor();
    await checkPage('levelling-up-01-no-domain-levels', /^Domain levels – /);
  }, 120_000);

  it('a regional viewer sets a threshold, sees the organisations below it and follows a link keeping the choices', async () => {
    await signIn(page, demoUsers.regionalViewer);
    await page.goto('/regions/Y56/results?careSetting=acute');
    const link = page.getByRole('link', { name: 'Organisations below the threshold and declining' });
    await link.click();
    await page.getByRole('heading', { level: 1, name: /Below the threshold and declining/ }).waitFor();

    // A threshold out of range is refused with a message; then 4.5 is set in the form.
    await page.getByLabel('Threshold').fill('7');
    await page.getByRole('button', { name: 'Update' }).click();
    await page.getByRole('alert').getByText('Threshold must be between 1 and 5').waitFor();
    await page.getByLabel('Threshold').fill('4.5');
    await page.getByRole('button', { name: 'Update' }).click();
    await page.waitForURL(/threshold=4\.5/);
    const below = page.getByRole('table', { name: 'Overall: organisations scoring below 4.5, lowest first' });
    await below.waitFor();
    const rows = below.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await checkPage('levelling-up-02-below-threshold', /^Below the threshold and declining – /);

    const search = new URL(page.url()).searchParams;
    const cycle = search.get('cycle');
    expect(cycle).toBeTruthy();
    expect(search.get('careSetting')).toBe('acute');

    // The rows are the API's list, in its order, each below the threshold.
    const response = await page.request.get(
      `/api/regions/Y56/watch-lists?cycle=${cycle}&careSetting=acute&threshold=4.5`,
    );
    expect(response.status()).toBe(200);
    const lists = (await response.json()) as RegionWatchLists;
    const overall = lists.measures.find((m) => m.key === 'overall')!.below.organisations;
    expect(overall.length).toBeGreaterThan(0);
    for (const item of overall) expect(item.score).toBeLessThan(4.5);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
    expect(shown.map((row) => row[0])).toEqual(overall.map((item) => readableName(item.organisation.name)));
    expect(shown.map((row) => row[2])).toEqual(overall.map((item) => formatScore(item.score)));

    // The organisation's ICS, then the organisation: the cycle, care setting and threshold go along.
    await rows.first().locator('td').first().getByRole('link').click();
    await page.waitForURL(/\/ics\/[A-Z0-9]+\/results\?/);
    let kept = new URL(page.url()).searchParams;
    expect([kept.get('cycle'), kept.get('careSetting'), kept.get('threshold')]).toEqual([
      cycle,
      'acute',
      '4.5',
    ]);
    const heatmap = page.getByRole('table', { name: /^Scores of the organisations in / });
    await heatmap.scrollIntoViewIfNeeded();
    await heatmap.locator('tbody tr').first().getByRole('link').click();
    await page.waitForURL(/\/organisations\/[A-Z0-9]+\/results\?/);
    kept = new URL(page.url()).searchParams;
    expect([kept.get('cycle'), kept.get('careSetting'), kept.get('threshold')]).toEqual([
      cycle,
      'acute',
      '4.5',
    ]);

    // Straight from the list to the organisation.
    await page.goBack();
    await page.goBack();
    await below.waitFor();
    const name = (await rows.first().locator('th, td').first().textContent())!.trim();
    await rows.first().getByRole('link', { name, exact: true }).click();
    await page.waitForURL(/\/organisations\/[A-Z0-9]+\/results\?/);
    kept = new URL(page.url()).searchParams;
    expect([kept.get('cycle'), kept.get('careSetting'), kept.get('threshold')]).toEqual([
      cycle,
      'acute',
      '4.5',
    ]);
    await page.getByRole('heading', { level: 1, name: new RegExp(name.slice(0, 10)) }).waitFor();
  }, 180_000);

  it('fits a phone: no sideways scroll, the wide table scrolls in its own area with the domains in view', async () => {
    await signIn(page, demoUsers.icsLead);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const address of ['/ics/QKK/domain-levels?careSetting=acute', '/regions/Y56/watch-lists']) {
        if (address.startsWith('/regions')) await signIn(page, demoUsers.regionalViewer);
        await page.goto(address);
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        // Measured once the page has its data (a newcomer's full run once measured 511 px while it
        // was still arriving), as the phone test of every main page does.
        await page.waitForLoadState('networkidle');
        const widths = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          window: window.innerWidth,
        }));
        expect(widths.page).toBeLessThanOrEqual(widths.window);
      }
      await signIn(page, demoUsers.icsLead);
      await page.goto('/ics/QKK/domain-levels?careSetting=acute');
      const area = page.getByRole('region', { name: /^Domain levels of the acute organisations/ });
      await area.waitFor();
      const firstCell = area.locator('tbody th[scope="row"]').first();
      const before = await firstCell.boundingBox();
      await area.evaluate((element) => element.scrollBy({ left: 400 }));
      const after = await firstCell.boundingBox();
      // The domain's name stays where it was while the levels scroll past it.
      expect(after!.x).toBeCloseTo(before!.x, 0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }, 120_000);
});
