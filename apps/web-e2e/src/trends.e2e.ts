import { readFile } from 'node:fs/promises';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';

import { signIn } from './support/auth.js';
import { useJourney } from './support/journey.js';

describe('progress over the years', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;

  beforeAll(() => {
    page = journey.page;
  });

  it('shows a trust its scores per cycle, the break between the published assessment and its return, and the CSV', async () => {
    // Guy's and St Thomas': NHS England's published 2025 results, and a sealed 2026/27 demo return.
    await signIn(page, 'lead.rj1@demo.wgll.example');
    await page.goto('/organisations/RJ1/results?careSetting=acute');
    const section = page.getByRole('region', { name: 'Progress over the years' });
    // Its figures load when it comes near the window.
    await section.scrollIntoViewIfNeeded();
    const table = section.getByRole('table', { name: /: scores in each cycle$/ });
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    // NHS England's 2024/25 comparable overall, its 2025/26 results, then the break, then 2026/27.
    expect(rows[0]).toMatch(/^2024\/25/);
    expect(rows[1]).toMatch(/^2025\/26NHS England's published national assessment\d\.\d/);
    expect(rows[2]).toMatch(
      /^Break before 2026\/27: A different instrument: NHS England's published national assessment in 2025\/26, our question bank \(.*\) in 2026\/27\./,
    );
    expect(rows[3]).toMatch(/^2026\/27Our question bank/);
    // Across instruments, no number: the label says why.
    const change = section.getByTestId('trend-change');
    expect(await change.textContent()).toMatch(
      /From 2025\/26 to 2026\/27\. No change is worked out: A different instrument/,
    );
    // England's medians, a table of their own.
    const england = section.getByRole('table', {
      name: /^England: median of acute providers in each cycle$/,
    });
    expect(await england.locator('tbody tr').first().textContent()).toMatch(/^2025\/26(\d\.\d)+/);
    // Domain levels of the sealed return.
    await section.getByRole('table', { name: /: domain levels in each sealed return$/ }).waitFor();
    await checkPage('trends-00-trust', /Guy.s and St Thomas/i);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Download scores in each cycle table (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('trends-RJ1-acute-scores.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toMatch(/Cycle,Source of the figures,Well led,/);
    expect(csv).toMatch(/\r\n2026\/27,"?Our question bank[^\r\n]*A different instrument: /);
  });

  it('shows an ICS formed by a merger on today’s boundaries and as it was then, with the ICB’s own return apart', async () => {
    // NHS West and North London ICB (Z9B2Z), formed on 1 April 2026 from QMJ and QRV.
    await signIn(page, 'admin@demo.wgll.example');
    await page.goto('/ics/Z9B2Z/results?careSetting=acute');
    const section = page.getByRole('region', { name: 'Progress over the years' });
    // Its figures load when it comes near the window.
    await section.scrollIntoViewIfNeeded();
    const table = section.getByRole('table', {
      name: /: median of the organisations’ scores in each cycle$/,
    });
    await table.waitFor();
    const label = section.getByTestId('trend-boundaries');
    expect(await label.textContent()).toMatch(
      /^On today's boundaries: every cycle is worked out from the \d+ organisations/,
    );
    expect(await section.getByRole('radio', { name: 'On today’s boundaries' }).isChecked()).toBe(true);
    const published = table.locator('tbody tr', { hasText: /^2025\/26/ });
    expect(await published.textContent()).toMatch(/\(QMJ\).*\(QRV\)/);
    const own = section.getByRole('table', { name: /: the ICB’s own return in each cycle$/ });
    expect(await own.locator('tbody tr').first().textContent()).toMatch(
      /^2025\/26: There is no single .* figure for 2025\/26/,
    );
    await checkPage('trends-01-ics-today', /West and North London/i);

    await section.getByRole('radio', { name: 'As it was then' }).check();
    await section.getByRole('button', { name: 'Show these figures' }).click();
    await page.waitForURL(/[?&]boundaries=then/);
    await expect(label.textContent()).resolves.toMatch(/^As it was then: /);
    expect(page.url()).toContain('careSetting=acute');
    expect(await label.textContent()).toMatch(/\(QMJ\).*\(QRV\)|\(QRV\).*\(QMJ\)/);
    expect(await section.getByRole('radio', { name: 'As it was then' }).isChecked()).toBe(true);
    await checkPage('trends-02-ics-then', /West and North London/i);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Download medians in each cycle table (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('trends-Z9B2Z-acute-then-medians.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toMatch(/Cycle,Source of the figures,ICSs,Organisations,Overall score median,/);
    expect(csv).toMatch(
      /\r\n2025\/26,NHS England.s published national assessment,"[^"]*\(QMJ\)[^"]*\(QRV\)",\d+,/,
    );
  });

  it('shows a region its medians per cycle', async () => {
    await signIn(page, 'region@demo.wgll.example');
    await page.goto('/regions/Y56/results');
    const section = page.getByRole('region', { name: 'Progress over the years' });
    // Its figures load when it comes near the window.
    await section.scrollIntoViewIfNeeded();
    const table = section.getByRole('table', {
      name: /: median of the organisations’ scores in each cycle$/,
    });
    await table.waitFor();
    expect(await table.locator('tbody tr', { hasText: /^2025\/26/ }).textContent()).toMatch(
      /^2025\/26NHS England's published national assessment\d+(\d\.\d)+/,
    );
    await checkPage('trends-03-region', /London/i);
  });
});
