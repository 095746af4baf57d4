/**
 * The ICBs' primary care survey (the "2025 Pillar Summary (ICB PC)" sheet of NHS England's DMA data
 * file): seeded at start with the rest of the published 2025 results, stored apart from the ICBs' own
 * returns, given with the ICS view, and stored or replaced by the import workflow.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, IcsResults, ImportDetail, ResultCycle, ResultCycleList } from '@wgll/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DMA_2025_FILE, seedPublishedResults } from '../../src/database/seed/published-results.js';
import { ImportsService } from '../../src/modules/imports/imports.service.js';
import { type Client, clientWith } from './support/auth.js';
import { publishedRoundCycles } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DMA = readFileSync(DMA_2025_FILE);
const SHEET = '2025 Pillar Summary (ICB PC)';
const fixture = (name: string) =>
  parse<Record<string, string>>(readFileSync(resolve(import.meta.dirname, 'fixtures', name)), {
    columns: true,
  });
/** NHS England's primary care sheet with ODS codes added (fixtures/README.md). */
const PRIMARY_CARE = fixture('dma_2025_icb_primary_care_pillar_scores.csv');
/** The CSV's columns for each measure the survey scores. */
const COLUMNS = {
  'well-led': 'well_led',
  'smart-foundations': 'ensuring_smart_foundations',
  'support-people': 'support_people',
  'empower-citizens': 'empower_people',
  'improve-care': 'improve_care',
} as const;
const published = (code: string) => {
  const row = PRIMARY_CARE.find((r) => r['icb_ods_code'] === code)!;
  return Object.fromEntries(Object.entries(COLUMNS).map(([m, c]) => [m, Number(row[c])]));
};
/** The five scores as NHS England published them (the file holds full precision, the CSV four places). */
function expectPublished(scores: Record<string, number | null> | undefined, code: string): void {
  const expected = published(code);
  expect(Object.keys(scores ?? {}).sort()).toEqual(Object.keys(expected).sort());
  for (const [measure, value] of Object.entries(expected)) expect(scores![measure]).toBeCloseTo(value, 4);
}

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await startTestApp({ config: { seedPublishedResults: true } });
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const seeded = async (): Promise<ResultCycle> =>
  ((await admin.get('/api/results/cycles')).body as ResultCycleList).items.find((c) => c.name === '2025/26')!;
const icsView = async (code: string, cycle: { id: string; referenceDate: string }) => {
  const res = await admin.get(`/api/ics/${code}/results?cycle=${cycle.id}&at=${cycle.referenceDate}`);
  expect(res.status).toBe(200);
  return res.body as IcsResults;
};
const storedFor = (cycleId: string) =>
  t.dataSource.query<{ id: string; ics_code: string; measures: Record<string, number>; import_id: string }[]>(
    'SELECT id, ics_code, measures, import_id FROM primary_care_score WHERE cycle_id = $1 ORDER BY ics_code',
    [cycleId],
  );

describe('the published 2025 primary care sheet, seeded at start', () => {
  it.each(['QHG', 'QUE', 'QM7'])(
    'gives %s its published primary care scores, apart from its own return',
    async (code) => {
      const cycle = await seeded();
      const view = await icsView(code, cycle);
      expect(view.primaryCare).not.toBeNull();
      const scores = Object.fromEntries(
        view.primaryCare!.measures.filter((m) => m.inSurvey).map((m) => [m.measure, m.score]),
      );
      expectPublished(scores, code);
      expect(view.primaryCare!.measures.filter((m) => !m.inSurvey)).toEqual([
        { measure: 'safe-practice', inSurvey: false, score: null },
        { measure: 'healthy-populations', inSurvey: false, score: null },
      ]);
      expect(view.primaryCare!.cycle).toEqual({ id: cycle.id, name: '2025/26', referenceDate: '2025-04-01' });
      expect(view.primaryCare!.publication).toMatchObject({ publicationDate: '2026-03-30' });
      expect(view.primaryCare!.description).toContain('primary care survey');
      expect(view.primaryCare!.description).toContain('5 of the 7 measures');
      // The ICB's own ICS-level return is still the ICB sheet's row, not the survey's.
      const own = fixture('dma_2025_icb_pillar_scores.csv').find((r) => r['icb_ods_code'] === code)!;
      expect(view.system?.measures).toMatchObject({
        'well-led': Number(own['well_led']),
        'safe-practice': Number(own['safe_practice']),
      });
    },
  );

  it('keeps every ICB apart from result_score, and seeding again changes nothing', async () => {
    const cycle = await seeded();
    expect(cycle).toMatchObject({ organisationResults: 285, systemResults: 42 });
    const before = await storedFor(cycle.id);
    expect(before.map((r) => r.ics_code).sort()).toEqual(PRIMARY_CARE.map((r) => r['icb_ods_code']).sort());
    const again = await seedPublishedResults(t.dataSource, t.running.app.get(ImportsService));
    expect(again).toMatchObject({ created: false, state: 'applied' });
    expect(await storedFor(cycle.id)).toEqual(before);
  });

  it('are added at the next start to an import read before the sheet was read', async () => {
    const cycle = await seeded();
    // As an import applied by the previous version left it: no primary care table, no scores.
    await t.dataSource.query(
      `UPDATE result_import SET workbook = workbook - 'primaryCare' WHERE cycle_id = $1 AND state = 'applied'`,
      [cycle.id],
    );
    await t.dataSource.query('DELETE FROM primary_care_score WHERE cycle_id = $1', [cycle.id]);
    await seedPublishedResults(t.dataSource, t.running.app.get(ImportsService));
    const rows = await storedFor(cycle.id);
    expect(rows).toHaveLength(42);
    expectPublished(rows.find((r) => r.ics_code === 'QUE')?.measures, 'QUE');
    expect((await icsView('QUE', cycle)).primaryCare?.measures[0]).toEqual({
      measure: 'well-led',
      inSurvey: true,
      score: published('QUE')['well-led'],
    });
  });
});

describe('the import workflow', () => {
  let newCycle: () => Promise<{ id: string; referenceDate: string }>;
  beforeAll(async () => {
    newCycle = await publishedRoundCycles(admin);
  });
  const upload = (cycleId: string, content: Buffer, name: string) =>
    admin.agent
      .post('/api/imports/dma')
      .set('x-csrf-token', admin.csrf)
      .field('cycleId', cycleId)
      .attach('file', content, name);
  /** The real file with its primary care sheet changed. */
  async function edited(change: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(DMA as unknown as ArrayBuffer);
    change(book.getWorksheet(SHEET)!, book);
    return Buffer.from(await book.xlsx.writeBuffer());
  }
  /** QHG is the sheet's first row (12); Region is column B, ICS C, Well Led D. */
  const QHG_ROW = 12;

  it('stores the primary care scores of an applied file, and replaces them with a later file’s', async () => {
    const cycle = await newCycle();
    const first = (await upload(cycle.id, DMA, 'dma.xlsx')).body as ImportDetail;
    expect(first.state).toBe('applied');
    expect(first.sheets).toContainEqual({ sheet: SHEET, what: 'icb-primary-care-measures', rows: 42 });
    const rows = await storedFor(cycle.id);
    expect(rows).toHaveLength(42);
    expect(new Set(rows.map((r) => r.import_id))).toEqual(new Set([first.id]));
    expectPublished(rows.find((r) => r.ics_code === 'QHG')?.measures, 'QHG');

    const corrected = await edited((sheet) => (sheet.getRow(QHG_ROW).getCell(4).value = 3.5));
    const second = (await upload(cycle.id, corrected, 'corrected.xlsx')).body as ImportDetail;
    expect(second.state).toBe('applied');
    const replaced = await storedFor(cycle.id);
    expect(replaced).toHaveLength(42);
    expect(new Set(replaced.map((r) => r.import_id))).toEqual(new Set([second.id]));
    expect((await icsView('QHG', cycle)).primaryCare?.measures[0]?.score).toBe(3.5);

    // A later file without the sheet: the cycle has no primary care scores any more.
    const without = await edited((sheet, book) => book.removeWorksheet(sheet.id));
    const third = (await upload(cycle.id, without, 'without.xlsx')).body as ImportDetail;
    expect(third.state).toBe('applied');
    expect(await storedFor(cycle.id)).toEqual([]);
    expect((await icsView('QHG', cycle)).primaryCare).toBeNull();
  });

  it('refuses a malformed primary care row with the cell named, keeping what was stored', async () => {
    const cycle = await newCycle();
    await upload(cycle.id, DMA, 'dma.xlsx');
    const before = await storedFor(cycle.id);
    const bad = await edited((sheet) => (sheet.getRow(QHG_ROW + 1).getCell(8).value = 9));
    const res = await upload(cycle.id, bad, 'bad.xlsx');
    expect(res.status).toBe(400);
    expect((res.body as ApiError).errors).toEqual([
      { field: 'file', messages: [`${SHEET}, row 13: Improve Care is not a score from 1 to 5.`] },
    ]);
    expect(await storedFor(cycle.id)).toEqual(before);
  });
});
