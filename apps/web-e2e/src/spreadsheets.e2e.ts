import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type {
  IcsResults,
  ReadableReturn,
  ResultCycleList,
  ReturnDetail,
  ReturnList,
  TrustResults,
  TrustTrends,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';

import { demoUsers, signIn } from './support/auth.js';
import { useJourney } from './support/journey.js';

/** The page's colour bands (apps/web heat-shades.ts): the spreadsheet's cell fills repeat them. */
const BANDS = [
  { from: 1, colour: 'FFF2F7FC' },
  { from: 1.5, colour: 'FFDEEBF7' },
  { from: 2, colour: 'FFC6DBEF' },
  { from: 2.5, colour: 'FFB0D2EC' },
  { from: 3, colour: 'FF9ECAE1' },
  { from: 3.5, colour: 'FF85BCE0' },
  { from: 4, colour: 'FF6BAED6' },
];

const MEASURES = [
  'well-led',
  'smart-foundations',
  'safe-practice',
  'support-people',
  'empower-citizens',
  'improve-care',
  'healthy-populations',
] as const;

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function band(value: number): string {
  const shown = oneDecimal(value);
  return [...BANDS].reverse().find((b) => shown >= b.from)!.colour;
}

async function apiJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  if (res.status() !== 200) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Clicks what downloads a file and reads the file back as a workbook. */
async function downloadBook(
  page: Page,
  control: Locator,
  fileName: RegExp,
): Promise<{ book: ExcelJS.Workbook; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), control.click()]);
  expect(download.suggestedFilename()).toMatch(fileName);
  const bytes = await readFile(await download.path());
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return { book, bytes };
}

/** A sheet's rows as plain values (the first sheet when no name is given), header first. */
function rowsOf(book: ExcelJS.Workbook, name?: string): unknown[][] {
  const sheet = name ? book.getWorksheet(name) : book.worksheets[0];
  if (!sheet) throw new Error(`no sheet ${name ?? '(first)'}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function aboutOf(book: ExcelJS.Workbook): Map<unknown, unknown> {
  expect(book.worksheets.map((s) => s.name)).toContain('About this data');
  return new Map(rowsOf(book, 'About this data').map((row) => [row[0], row[1]]));
}

async function publishedCycle(page: Page): Promise<string> {
  const cycles = await apiJson<ResultCycleList>(page, '/api/results/cycles');
  return cycles.items.find((c) => c.source === 'published')!.id;
}

describe('spreadsheets of results and returns', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;

  beforeAll(() => {
    page = journey.page;
  });

  it('the ICS heatmap downloads as XLSX with its colour bands as cell fills, values as the API gives them', async () => {
    await signIn(page, demoUsers.icsLead);
    const cycle = await publishedCycle(page);
    await page.goto(`/ics/QKK/results?cycle=${cycle}`);
    const button = page.getByRole('button', {
      name: 'Download organisations’ scores table (Excel, XLSX)',
    });
    await button.waitFor();
    const { book } = await downloadBook(page, button, /^results-QKK-2025-26-all-organisations\.xlsx$/);
    const api = await apiJson<IcsResults>(page, `/api/ics/QKK/results?cycle=${cycle}`);

    const rows = rowsOf(book);
    expect(rows[0]).toEqual([
      'Organisation',
      'ODS code',
      'Care setting',
      'Well led',
      'Ensure smart foundations',
      'Safe practice',
      'Support people',
      'Empower citizens',
      'Improve care',
      'Healthy populations',
      'Overall',
    ]);
    expect(rows).toHaveLength(1 + api.rows.length + (api.system ? 1 : 0));
    const sheet = book.worksheets[0]!;
    api.rows.forEach((row, index) => {
      const values = rows[index + 1]!;
      expect(values[1]).toBe(row.odsCode);
      MEASURES.forEach((measure, m) => {
        const value = row.measures[measure];
        expect(values[3 + m]).toBe(value === null ? undefined : oneDecimal(value));
        // The cell's fill is the page's band for the value; its text is the page's dark text.
        const cell = sheet.getRow(index + 2).getCell(4 + m);
        if (value !== null) {
          expect(cell.fill).toMatchObject({
            type: 'pattern',
            pattern: 'solid',
            fgColor: { argb: band(value) },
          });
          expect(cell.font?.color?.argb).toBe('FF212B32');
        }
      });
      if (row.overall !== null) expect(values[10]).toBe(oneDecimal(row.overall));
    });
    // The name and code columns are not shaded.
    expect(sheet.getRow(2).getCell(1).fill).toBeUndefined();

    const about = aboutOf(book);
    expect(String(about.get('Source'))).toMatch(
      /^NHS England’s published digital maturity assessment results/,
    );
    expect(about.get('Cycle')).toBe('2025/26');
    expect(String(about.get('Figures not shown'))).toMatch(/fewer than 3 organisations.*k ≥ 5/s);
    expect(String(about.get('Shading'))).toContain('Darker for higher scores');
    expect(about.get('Date produced')).toBeTruthy();
  }, 120_000);

  it('a trust’s results and its progress over the years download as XLSX, as the API gives them', async () => {
    await signIn(page, 'lead.rj1@demo.wgll.example');
    const cycle = await publishedCycle(page);
    await page.goto(`/organisations/RJ1/results?cycle=${cycle}&careSetting=acute`);
    const measuresButton = page.getByRole('button', { name: 'Download measures table (Excel, XLSX)' });
    await measuresButton.waitFor();
    await checkPage('spreadsheets-00-trust', /Guy.s and St Thomas/i);
    const measures = await downloadBook(page, measuresButton, /^results-RJ1-2025-26-acute-measures\.xlsx$/);
    const results = await apiJson<TrustResults>(
      page,
      `/api/organisations/RJ1/results?cycle=${cycle}&careSetting=acute`,
    );
    const rows = rowsOf(measures.book);
    expect(rows[0]!.slice(0, 3)).toEqual(['Measure', 'Score', 'ICS median']);
    expect(rows).toHaveLength(1 + results.measures.length);
    results.measures.forEach((item, index) => {
      const row = rows[index + 1]!;
      expect(row[1]).toBe(oneDecimal(item.score!));
      if (!item.ics.suppressed) expect(row[2]).toBe(oneDecimal(item.ics.median!));
      if (!item.national.suppressed) expect(row[3]).toBe(oneDecimal(item.national.median!));
    });
    const about = aboutOf(measures.book);
    expect(String(about.get('Source'))).toContain('NHS England');
    expect(String(about.get('Column: ICS median'))).toContain('Median score of the organisations in the ICS');

    // Progress over the years: a trends table, each cycle a row, each series a column.
    const section = page.getByRole('region', { name: 'Progress over the years' });
    await section.scrollIntoViewIfNeeded();
    const trendsButton = section.getByRole('button', {
      name: 'Download scores in each cycle table (Excel, XLSX)',
    });
    await trendsButton.waitFor();
    const trends = await downloadBook(page, trendsButton, /^trends-RJ1-acute-scores\.xlsx$/);
    const api = await apiJson<TrustTrends>(page, '/api/organisations/RJ1/trends?careSetting=acute');
    const trendRows = rowsOf(trends.book);
    expect(trendRows[0]![0]).toBe('Cycle');
    const cycles = api.cycles.map((c) => c.name);
    expect(trendRows.slice(1).map((row) => row[0])).toEqual(cycles);
    api.measures.forEach((series, k) => {
      for (const point of series.points) {
        const row = trendRows.find((r) => r[0] === point.cycle.name)!;
        expect(row[2 + k]).toBe(point.value === null ? undefined : oneDecimal(point.value));
      }
    });
    expect(String(aboutOf(trends.book).get('Cycle'))).toContain('Every cycle');
  }, 120_000);

  it('a return downloads as XLSX in words, and its sealed revision reads in words with its hash unchanged', async () => {
    await signIn(page, 'lead.rj1@demo.wgll.example');
    const list = await apiJson<ReturnList>(page, '/api/organisations/RJ1/returns');
    const sealed = list.items.find((r) => r.state === 'submitted');
    expect(sealed).toBeDefined();
    const id = sealed!.id;
    const detail = await apiJson<ReturnDetail>(page, `/api/returns/${id}`);
    const framework = await apiJson<FrameworkVersion>(page, `/api/returns/${id}/framework`);

    await page.goto(`/returns/${id}`);
    const link = page.getByRole('link', { name: 'Download the return as a spreadsheet (Excel, XLSX)' });
    await link.waitFor();
    const { book } = await downloadBook(page, link, /^return-rj1-acute-.*\.xlsx$/);
    const domains = rowsOf(book, 'Domains');
    expect(domains).toHaveLength(1 + framework.domains.length);
    const measureName = new Map(framework.measures.map((m) => [m.id, m.name]));
    // The sheet follows the framework's measures, and each measure's domains in order.
    const ordered = framework.measures.flatMap((m) => framework.domains.filter((d) => d.measure === m.id));
    ordered.forEach((domain, index) => {
      const row = domains[index + 1]!;
      const answer = detail.answers.find((a) => a.domainId === domain.id);
      const score = detail.scores.domains.find((d) => d.domainId === domain.id);
      expect(row[0]).toBe(measureName.get(domain.measure));
      expect(row[1]).toBe(domain.title);
      expect(row[3]).toBe(score?.level ?? undefined);
      const texts = domain.levels.flatMap((l) =>
        l.elements.filter((e) => answer?.met.includes(e.id)).map((e) => `Level ${l.level}: ${e.text}`),
      );
      if (texts.length > 0) expect(row[4]).toBe(texts.join('\n'));
      expect(row[5]).toBe(answer?.comment ? answer.comment : undefined);
    });

    // The sealed revision's page: the answers in words, the two downloads labelled for what they are for.
    const seal = detail.seals[0]!;
    await page.goto(`/returns/${id}/seals/${seal.revision}`);
    await page.getByRole('heading', { level: 2, name: 'The sealed return in full' }).waitFor();
    const readable = await apiJson<ReadableReturn>(
      page,
      `/api/returns/${id}/seals/${seal.revision}/readable`,
    );
    const measure = readable.measures.find((m) => m.domains.some((d) => d.met.length > 0))!;
    const firstMet = measure.domains.find((d) => d.met.length > 0)!;
    // Each measure opens to its domains' answers.
    await page.getByText(new RegExp(`^${measure.name}: `)).click();
    await page.getByRole('heading', { level: 3, name: firstMet.title }).first().waitFor();
    await page.getByText(`Level ${firstMet.met[0]!.level}: ${firstMet.met[0]!.text}`).first().waitFor();
    await page
      .getByRole('link', { name: 'Download the sealed return for verification (canonical JSON)' })
      .waitFor();
    await checkPage('spreadsheets-01-seal', /Sealed return, revision/);

    const sealedBook = await downloadBook(
      page,
      page.getByRole('link', { name: 'Download the sealed return for reading (Excel, XLSX)' }),
      /-revision-1-sealed\.xlsx$/,
    );
    expect(String(aboutOf(sealedBook.book).get('Source'))).toContain(seal.sha256);
    // The canonical JSON is unchanged: it still hashes to the seal's hash, and the check passes.
    const json = await page.request.get(`/api/returns/${id}/seals/${seal.revision}`);
    expect(
      createHash('sha256')
        .update(await json.body())
        .digest('hex'),
    ).toBe(seal.sha256);
    await page.getByRole('button', { name: 'Check the seal' }).click();
    await page
      .getByText(/^Sealed copy intact/)
      .first()
      .waitFor();
  }, 120_000);
});
