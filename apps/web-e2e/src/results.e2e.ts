import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { PagePreloadManifest, ResultCycleList, ReturnList } from '@wgll/contracts';
import type { Locator, Page } from 'playwright-core';

import { demoUsers, signIn } from './support/auth.js';
import { useJourney } from './support/journey.js';
import { repoRoot } from './support/server.js';

/** NHS England's DMA 2025 data file, as the API ships it (imported at start with the demo data). */
const DMA_FILE = join(repoRoot, 'apps/api/data/dma/NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx');

const NOT_A_LEAGUE_TABLE =
  'These comparisons show where support may help. They are not a league table: organisations are compared only within the same care setting, and positions are shown by quarter, never by rank.';

/** NHS England's primary care sheet with ODS codes added (the API's test fixture). */
const PRIMARY_CARE_CSV = join(
  repoRoot,
  'apps/api/test/integration/fixtures/dma_2025_icb_primary_care_pillar_scores.csv',
);

/** The rows of a table's first body (its organisations, not the ICB's own row set apart below). */
function bodyRows(table: Locator): Locator {
  return table.locator('tbody').first().getByRole('row');
}

/** Waits until `read` gives something other than `before` (the page's next data has arrived). */
/** The id of the cycle holding NHS England's published 2025 results (the demo's live cycle comes first). */
async function publishedCycle(page: Page): Promise<string> {
  const cycles = (await (await page.request.get('/api/results/cycles')).json()) as ResultCycleList;
  return cycles.items.find((c) => c.source === 'published')!.id;
}

async function waitForChange(page: Page, read: () => Promise<string>, before: string): Promise<string> {
  for (let i = 0; i < 75; i += 1) {
    const now = await read();
    if (now !== before) return now;
    await page.waitForTimeout(200);
  }
  return read();
}

describe('results and comparisons', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;

  beforeAll(() => {
    page = journey.page;
  });

  it('shows an ICS lead their organisations side by side, the ICB’s own return apart, and filters by care setting', async () => {
    await signIn(page, demoUsers.icsLead);
    await page.goto('/');
    await page.getByRole('region', { name: 'Your results' }).getByRole('link', { name: /QKK/ }).click();
    await page.waitForURL('**/ics/QKK/results');
    await page.getByRole('heading', { level: 1, name: /^Results – .*South East London/i }).waitFor();
    expect(await page.locator('main').textContent()).toContain(NOT_A_LEAGUE_TABLE);

    // The cycle under way is shown first: the demo's sealed returns, said to be demonstration data.
    await page.getByText('This cycle holds returns generated for the demonstration.').waitFor();
    await page.getByRole('table', { name: /^Scores of the organisations in .*South East London/i }).waitFor();
    // No primary care survey in a cycle of returns: said so, not a table of blanks.
    const primaryCare = page.getByRole('region', { name: 'Primary care', exact: true });
    await primaryCare.getByText(/^There are no primary care scores for .*South East London/i).waitFor();
    expect(await primaryCare.getByRole('table').count()).toBe(0);
    await checkPage('results-00-ics-demo', /^Results – .*South East London/i);

    // The 2025 published results: every organisation, each cell a number.
    await page.goto(`/ics/QKK/results?cycle=${await publishedCycle(page)}`);
    await page.getByRole('heading', { level: 1, name: /^Results – .*South East London/i }).waitFor();
    const heatmap = page.getByRole('table', { name: /^Scores of the organisations in .*South East London/i });
    await heatmap.waitFor();
    const kings = bodyRows(heatmap).filter({ hasText: /King.s College Hospital NHS Foundation Trust/i });
    await kings.first().waitFor();
    const cells = await kings.first().getByRole('cell').allTextContents();
    // Care setting, seven measures and the overall score.
    expect(cells).toHaveLength(9);
    for (const cell of cells.slice(1)) expect(cell).toMatch(/^\d\.\d$/);
    const allRows = await bodyRows(heatmap).count();
    expect(allRows).toBeGreaterThan(3);

    // The ICB's own return is a row of its own, apart from its providers.
    const system = heatmap.getByRole('row').filter({ hasText: 'ICB’s own return (system level)' });
    expect(await system.count()).toBe(1);
    expect(await system.getByRole('cell').nth(1).textContent()).toMatch(/^\d\.\d$/);
    expect(await page.locator('main').textContent()).toContain(
      'Source: published by NHS England (Digital Maturity Assessment',
    );
    // The ICB's primary care survey: its five published scores, the two measures it lacks said so.
    // The measures are the file's last five columns (names before them may hold quoted commas).
    const [head, ...lines] = (await readFile(PRIMARY_CARE_CSV, 'utf8')).trim().split(/\r?\n/);
    const columns = head!.split(',').slice(-5);
    const values = lines
      .find((line) => line.includes(',QKK,'))!
      .split(',')
      .slice(-5);
    const published = Object.fromEntries(columns.map((c, i) => [c, values[i]!]));
    const oneDecimal = (column: string) => (Math.round(Number(published[column]) * 10) / 10).toFixed(1);
    const survey = primaryCare.getByRole('table', {
      name: /South East London.*: primary care survey score in each measure, 2025\/26$/i,
    });
    await survey.waitFor();
    // The measure is the row's header; its one cell is the score.
    const cellOf = (measure: string) =>
      survey
        .getByRole('row', { name: new RegExp(`^${measure}`) })
        .getByRole('cell')
        .textContent();
    expect(await cellOf('Well led')).toBe(oneDecimal('well_led'));
    expect(await cellOf('Ensure smart foundations')).toBe(oneDecimal('ensuring_smart_foundations'));
    expect(await cellOf('Support people')).toBe(oneDecimal('support_people'));
    expect(await cellOf('Empower citizens')).toBe(oneDecimal('empower_people'));
    expect(await cellOf('Improve care')).toBe(oneDecimal('improve_care'));
    expect(await cellOf('Safe practice')).toBe('Not part of the primary care survey');
    expect(await cellOf('Healthy populations')).toBe('Not part of the primary care survey');
    const said = await primaryCare.textContent();
    expect(said).toContain('not an average of its trusts’ scores');
    expect(said).toMatch(/Source: NHS England’s primary care survey \(Digital Maturity Assessment 2025/);
    await page.getByRole('heading', { level: 2, name: /^Returns this cycle/ }).waitFor();
    await checkPage('results-01-ics', /^Results – .*South East London/i);

    // Each table downloads as CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download organisations’ scores table (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^results-QKK-2025-26-all-organisations\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toMatch(/Organisation,ODS code,Care setting,Well led/);
    expect(csv).toMatch(/King.s College Hospital NHS Foundation Trust/i);

    // Acute only: fewer rows, the ICB's own return still apart.
    await page.getByLabel('Care setting').selectOption('acute');
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.waitForURL(/careSetting=acute/);
    const acuteRows = Number(
      await waitForChange(page, async () => String(await bodyRows(heatmap).count()), String(allRows)),
    );
    expect(acuteRows).toBeGreaterThan(0);
    expect(acuteRows).toBeLessThan(allRows);
    for (const text of await bodyRows(heatmap).allTextContents()) expect(text).toContain('Acute');
    expect(
      await heatmap.getByRole('row').filter({ hasText: 'ICB’s own return (system level)' }).count(),
    ).toBe(1);
    await page.getByRole('table', { name: /^Spread per measure: Acute organisations/ }).waitFor();
    await checkPage('results-02-ics-acute', /^Results – .*South East London/i);
  }, 90_000);

  it('shows a trust lead its scores beside the ICS and England, and names its peers', async () => {
    await signIn(page, demoUsers.trustLead);
    await page.goto('/organisations/RJZ');
    await page.getByRole('main').getByRole('link', { name: 'Results', exact: true }).click();
    await page.waitForURL('**/organisations/RJZ/results');
    await page.getByRole('heading', { level: 1, name: /^Results – King.s College Hospital/i }).waitFor();
    // The published 2025 results (the demo's cycle under way has no result of this trust yet).
    await page.goto(`/organisations/RJZ/results?cycle=${await publishedCycle(page)}`);
    await page.getByRole('heading', { level: 1, name: /^Results – King.s College Hospital/i }).waitFor();

    const measures = page.getByRole('table', { name: /score in each measure, with the ICS and England$/ });
    await measures.waitFor();
    const wellLed = measures
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Well led' }) });
    const [score, icsMedian, nationalMedian, quartiles, position] = await wellLed
      .getByRole('cell')
      .allTextContents();
    expect(score).toMatch(/^\d\.\d$/);
    expect(icsMedian).toMatch(/^\d\.\d$/);
    expect(nationalMedian).toMatch(/^\d\.\d$/);
    expect(quartiles).toMatch(/^\d\.\d to \d\.\d$/);
    expect(position).toMatch(
      /^(Lowest quarter|Second quarter \(below the median\)|At the median|Third quarter \(above the median\)|Highest quarter)$/,
    );
    expect(await bodyRows(measures).count()).toBe(7);
    expect(await page.locator('main').textContent()).toMatch(
      /Overall score, comparable domains only \(published by NHS England\): 2025\/26 \d\.\d/,
    );

    // Peers: the other acute trusts of South East London, by name.
    const peers = page.getByRole('table', { name: /^Peers in .*South East London/i });
    await peers.waitFor();
    const peerNames = (await bodyRows(peers).getByRole('rowheader').allTextContents()).join('\n');
    expect(peerNames).toMatch(/Guy.s and St Thomas. NHS Foundation Trust/i);
    expect(peerNames).not.toMatch(/King.s College Hospital/i);
    await page.getByRole('link', { name: 'Download peers table (CSV)' }).waitFor();
    await checkPage('results-03-trust', /^Results – King.s College Hospital/i);

    // The cycle accepting returns has no result of this trust yet (the demo leaves its return to you).
    await page.getByLabel('Assessment cycle').selectOption({ label: '2026/27 (submitted returns)' });
    await page.getByRole('button', { name: 'Show results' }).click();
    await page.getByText('No results for this care setting in this cycle.').waitFor();
    // No table of this cycle; "Progress over the years" still shows the published years.
    const progress = page.getByRole('region', { name: 'Progress over the years' });
    // Its figures load when it comes near the window.
    await progress.scrollIntoViewIfNeeded();
    await progress.getByRole('table', { name: /: scores in each cycle$/ }).waitFor();
    expect(await page.getByRole('table').count()).toBe(await progress.getByRole('table').count());
    await checkPage('results-03b-trust-no-results', /^Results – King.s College Hospital/i);
  }, 90_000);

  it('lets a regional viewer change the threshold and see the share below it change', async () => {
    await signIn(page, demoUsers.regionalViewer);
    await page.goto(`/regions/Y56/results?cycle=${await publishedCycle(page)}`);
    await page.getByRole('heading', { level: 1, name: 'Results – London' }).waitFor();
    await page.getByRole('table', { name: /^Median score of each ICS’s providers/ }).waitFor();
    const below = () => page.getByRole('table', { name: /^Share of organisations scoring below/ });
    await below().waitFor();
    // The figures only (the caption names the threshold too).
    const figures = async () => (await below().locator('tbody').textContent()) ?? '';
    const before = await figures();
    expect(before).toMatch(/\d+ of \d+ \(\d+%\)/);
    await checkPage('results-04-region', 'Results – London');

    // A threshold out of range is refused before anything changes.
    await page.getByLabel('Threshold').fill('7');
    await page.getByRole('button', { name: 'Update' }).click();
    await page
      .locator('.nhsuk-error-summary')
      .getByRole('link', { name: 'Threshold must be between 1 and 5' })
      .waitFor();
    expect(page.url()).not.toMatch(/threshold=7/);

    await page.getByLabel('Threshold').fill('3');
    await page.getByRole('button', { name: 'Update' }).click();
    await page.waitForURL(/threshold=3/);
    await page.getByRole('table', { name: 'Share of organisations scoring below 3, by measure' }).waitFor();
    const after = await waitForChange(page, figures, before);
    expect(after).not.toBe(before);
    expect(await page.getByRole('heading', { level: 2, name: 'Scoring below 3' }).count()).toBe(1);
    await page.getByRole('heading', { level: 2, name: /^Returns this cycle/ }).waitFor();
    await checkPage('results-05-region-threshold', 'Results – London');

    // Another care setting: the form keeps the choice (and the threshold) once the new figures arrive.
    await page.getByLabel('Care setting').selectOption('community');
    await page.getByRole('button', { name: 'Update' }).click();
    await page.waitForURL(/careSetting=community/);
    await page.getByRole('table', { name: 'Spread per measure: community providers in London' }).waitFor();
    expect(await page.getByLabel('Care setting').inputValue()).toBe('community');
    expect(await page.getByLabel('Threshold').inputValue()).toBe('3');

    // The ICBs' own returns instead of their providers: no care setting to choose.
    await page.getByLabel('ICB’s own returns').check();
    await page.getByLabel('Care setting').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Update' }).click();
    await page.waitForURL(/basis=icb/);
    const icbs = page.getByRole('table', { name: 'Each ICB’s own score, by measure' });
    await icbs.waitFor();
    expect(await bodyRows(icbs).count()).toBe(5);
    await page.getByRole('table', { name: 'Share of ICBs scoring below 3, by measure' }).waitFor();
    await checkPage('results-05b-region-icb', 'Results – London');
  }, 90_000);

  it('shows an administrator the applied 2025 import, and England’s results', async () => {
    await signIn(page, demoUsers.admin);
    // England's results and the published results are in the menu, under "More" when it is full.
    const menu = page.getByRole('navigation', { name: 'Menu' });
    const more = menu.getByRole('button', { name: /More/ });
    if (await more.isVisible()) await more.click();
    await menu.getByRole('link', { name: 'Results for England' }).waitFor();
    await menu.getByRole('link', { name: 'Published results' }).click();
    await page.waitForURL('**/admin/imports');
    await page.getByRole('heading', { level: 1, name: 'Published results' }).waitFor();
    const row = page
      .getByRole('table', { name: 'Imports of published data files' })
      .getByRole('row')
      .filter({ hasText: 'NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Applied');
    expect(await row.textContent()).toContain('30 March 2026');
    await checkPage('results-06-imports', 'Published results');

    // The same file again changes nothing; the form says what is missing first.
    await page.getByRole('button', { name: 'Import file' }).click();
    await page.locator('.nhsuk-error-summary').getByRole('link').first().waitFor();
    expect(await page.locator('.nhsuk-error-summary').getByRole('link').allTextContents()).toEqual([
      'Choose the cycle the results belong to',
      'Choose the data file to import',
    ]);
    await page.getByLabel('Cycle', { exact: true }).selectOption({ label: '2025/26' });
    await page.getByLabel('Data file', { exact: true }).setInputFiles(DMA_FILE);
    await page.getByRole('button', { name: 'Import file' }).click();
    await page
      .getByRole('heading', { name: 'This file had already been imported into this cycle: nothing changed' })
      .waitFor();
    // One import of the file still (the list was read again after the upload).
    await page.getByRole('main').getByRole('link', { name: 'Published results', exact: true }).click();
    await page.waitForURL('**/admin/imports');
    await row.waitFor();
    expect(
      await page.getByRole('table', { name: 'Imports of published data files' }).locator('tbody tr').count(),
    ).toBe(1);

    await row.getByRole('link').click();
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Import of NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx',
      })
      .waitFor();
    await page.getByRole('table', { name: 'Rows read from each sheet of the file' }).waitFor();
    await checkPage('results-07-import', 'Import of NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx');

    await page.goto(`/national/results?cycle=${await publishedCycle(page)}`);
    await page.getByRole('heading', { level: 1, name: 'Results – England' }).waitFor();
    const regions = page.getByRole('table', { name: /^Median score of each region’s providers/ });
    await regions.waitFor();
    expect(await bodyRows(regions).count()).toBe(7);
    await checkPage('results-08-national', 'Results – England');
  }, 90_000);

  it('lets an administrator confirm a suggested match for a name the file spells differently', async () => {
    // The 2025 file with one trust's name abbreviated, as a corrected file might come.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile(DMA_FILE)) as unknown as ArrayBuffer);
    for (const sheet of ['SC - 2025 Pillar Summary', 'SC - 24 vs 25 Overall DMA']) {
      book.getWorksheet(sheet)!.eachRow((row) => {
        if (row.getCell(4).value === 'SALISBURY NHS FOUNDATION TRUST')
          row.getCell(4).value = 'SALISBURY HOSPITALS NHS FT';
      });
    }
    const file = {
      name: 'corrected.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    };

    await signIn(page, demoUsers.admin);
    await page.goto('/admin/imports');
    await page.getByRole('heading', { level: 1, name: 'Published results' }).waitFor();
    await page.getByLabel('Cycle', { exact: true }).selectOption({ label: '2025/26' });
    await page.getByLabel('Data file', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Import file' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import of corrected.xlsx' }).waitFor();
    const review = page.getByRole('form', { name: 'Names to review' });
    await review.waitFor();
    expect(await review.getByRole('group').count()).toBe(1);
    const group = review.getByRole('group', { name: /^SALISBURY HOSPITALS NHS FT/ });
    expect(await group.textContent()).toContain('Not matched');
    const suggestion = group.getByRole('radio', { name: /^Salisbury NHS Foundation Trust \(RNZ\)$/i });
    // The likeliest organisation is offered first.
    expect(await group.getByRole('radio').first().getAttribute('value')).toBe('RNZ');
    await checkPage('results-09-review', 'Import of corrected.xlsx');

    // A code that is no organisation is refused, and said beside the field.
    await group.getByRole('radio', { name: 'Another organisation (type its ODS code)' }).check();
    await review.getByLabel('ODS code of the organisation').fill('XXX');
    await review.getByRole('button', { name: 'Confirm matches' }).click();
    await page
      .locator('.nhsuk-error-summary')
      .getByRole('link', { name: /There is no organisation XXX/ })
      .waitFor();
    await suggestion.check();
    await review.getByRole('button', { name: 'Confirm matches' }).click();
    await page.getByRole('form', { name: 'Names to review' }).waitFor({ state: 'detached' });
    const state = page
      .locator('.nhsuk-summary-list__row')
      .filter({ has: page.getByText('State', { exact: true }) });
    expect((await state.textContent())?.replace('State', '').trim()).toBe('Applied');
    await checkPage('results-10-applied', 'Import of corrected.xlsx');
  }, 90_000);

  it('each page opened from an address takes its code and first data preloaded with the page, asking once', async () => {
    const manifest = JSON.parse(
      await readFile(join(repoRoot, 'apps/web/dist/page-preloads.json'), 'utf8'),
    ) as PagePreloadManifest;
    await signIn(page, demoUsers.admin);
    const returns = (await (await page.request.get('/api/organisations/RJ1/returns')).json()) as ReturnList;
    const returnId = returns.items[0]!.id;
    // An address for each page of the manifest, with the demo world's values for its parameters.
    const values: Record<string, string> = { id: returnId, measure: 'well-led' };
    const codes: Record<string, string> = { organisations: 'RJ1', ics: 'QKK', regions: 'Y56' };
    const missing: string[] = [];
    for (const entry of manifest.pages) {
      const [, first = ''] = entry.path.split('/');
      const fill = (template: string) =>
        template.replace(
          /:(\w+)/g,
          (_, name: string) => (name === 'code' ? codes[first] : values[name]) ?? '',
        );
      const address = fill(entry.path);
      await page.goto(address);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const heading = await page.locator('h1').first().innerText();
      expect(`${address}: ${heading}`).not.toMatch(/problem with the service|Page not found|cannot/i);
      const asked = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((entry) => {
          const url = new URL(entry.name);
          const timing = entry as PerformanceResourceTiming;
          return {
            address: `${url.pathname}${url.search}`,
            by: timing.initiatorType,
            start: timing.startTime,
            end: timing.responseEnd,
          };
        }),
      );
      const startScript = asked.find((entry) => entry.address === manifest.start.scripts[0]);
      expect(startScript).toBeDefined();
      // Each of the page's scripts asked for once, before the start script had even arrived (so not
      // by the app, which asks once it runs: by the Link header's modulepreload); each of its data
      // asked for once, by the Link header ("link"): the app's own requests took those answers.
      const check = (wanted: string, ok: (entry: (typeof asked)[number]) => boolean) => {
        const times = asked.filter((entry) => entry.address === wanted);
        if (times.length !== 1 || !ok(times[0]!))
          missing.push(`${address}: ${wanted} ${JSON.stringify(times)}`);
      };
      for (const script of entry.scripts) check(script, (one) => one.start < startScript!.end);
      for (const data of entry.data.map(fill)) check(data, (one) => one.by === 'link');
    }
    expect(missing).toEqual([]);
  }, 120_000);
});
