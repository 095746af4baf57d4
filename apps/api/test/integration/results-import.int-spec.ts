/**
 * Import of NHS England's DMA data file: the real 2025 file (all 285 provider and 42 ICB rows
 * matched to the ODS codes NHS England's rows belong to), idempotent re-import, review of unknown
 * and doubtful names with suggestions, remembered confirmations, and refusals that keep nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, Cycle, ImportDetail, TrustResults } from '@wgll/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DMA_2025_FILE } from '../../src/database/seed/published-results.js';
import { type Client, clientWith } from './support/auth.js';
import { dmaWorkbook } from './support/dma-workbook.js';
import { publishedRoundCycles } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: Client;
const DMA = readFileSync(DMA_2025_FILE);
const FILE_NAME = 'NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx';
const fixture = (name: string) =>
  parse<Record<string, string>>(readFileSync(resolve(import.meta.dirname, 'fixtures', name)), {
    columns: true,
  });

let newCycle: () => Promise<Cycle>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  // Confirmations are remembered; these tests make their own (the database may be reused locally).
  await t.dataSource.query('DELETE FROM published_name_alias');
  newCycle = await publishedRoundCycles(admin);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

function upload(cycleId: string | null, content: Buffer, name = FILE_NAME) {
  const req = admin.agent.post('/api/imports/dma').set('x-csrf-token', admin.csrf);
  if (cycleId) void req.field('cycleId', cycleId);
  return req.attach('file', content, name);
}

interface StoredScore {
  id: string;
  level: string;
  organisation_code: string | null;
  ics_code: string;
  region_code: string | null;
  care_setting: string | null;
  measures: Record<string, number>;
  comparable_overall: number | null;
  previous_comparable_overall: number | null;
  recorded_at: Date;
}

const stored = (cycleId: string) =>
  t.dataSource.query<StoredScore[]>(
    `SELECT * FROM result_score WHERE cycle_id = $1 ORDER BY level, organisation_code, care_setting, ics_code`,
    [cycleId],
  );

/** The real file, parsed once for the whole file: each edit works on a copy of its model. */
let published: ExcelJS.Workbook['model'] | undefined;

/** The real file with some rows changed, as an administrator might receive a corrected file. */
async function edited(change: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  if (!published) {
    const original = new ExcelJS.Workbook();
    await original.xlsx.load(DMA as unknown as ArrayBuffer);
    published = original.model;
  }
  const book = new ExcelJS.Workbook();
  book.model = structuredClone(published);
  change(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Renames a provider wherever the file names it (column D; Region is B, ICS C). */
function renameProvider(book: ExcelJS.Workbook, from: string, to: string): void {
  for (const sheet of ['SC - 2025 Pillar Summary', 'SC - 24 vs 25 Overall DMA']) {
    book.getWorksheet(sheet)!.eachRow((row) => {
      if (row.getCell(4).value === from) row.getCell(4).value = to;
    });
  }
}

describe('the published 2025 file', () => {
  let cycle: Cycle;
  let first: ImportDetail;

  it('matches all 285 provider rows and 42 ICB rows to the ODS codes NHS England published them for', async () => {
    cycle = await newCycle();
    const res = await upload(cycle.id, DMA);
    expect(res.status).toBe(201);
    first = res.body as ImportDetail;
    expect(first).toMatchObject({
      cycle: { id: cycle.id },
      fileName: FILE_NAME,
      sourceTitle: 'Digital Maturity Assessment 2025 Data Report',
      publicationDate: '2026-03-30',
      state: 'applied',
      providerRows: 285,
      icbRows: 42,
      toReview: 0,
    });
    expect(first.sheets.map((s) => [s.sheet, s.rows])).toEqual([
      ['SC - 2025 Pillar Summary', 285],
      ['ICB - 2025 Pillar Summary', 42],
      ['SC - 24 vs 25 Overall DMA', 285],
      ['ICB -24 vs 25 Overall DMA ', 42],
      ['2025 Pillar Summary (ICB PC)', 42],
    ]);
    expect(first.names.filter((n) => n.status !== 'matched')).toEqual([]);

    // Every stored row is the published row of the organisation the reference file names.
    const rows = await stored(cycle.id);
    const providers = fixture('dma_2025_provider_pillar_scores.csv');
    const icbs = fixture('dma_2025_icb_pillar_scores.csv');
    expect(rows.filter((r) => r.level === 'organisation')).toHaveLength(285);
    expect(rows.filter((r) => r.level === 'system')).toHaveLength(42);
    const setting = (s: string) => s.toLowerCase().replace(' ', '-');
    for (const p of providers) {
      const row = rows.find(
        (r) => r.organisation_code === p['trust_ods_code'] && r.care_setting === setting(p['care_setting']!),
      );
      expect({
        provider: p['provider_name_published'],
        ics: row?.ics_code,
        region: row?.region_code,
      }).toEqual({
        provider: p['provider_name_published'],
        ics: p['icb_ods_code'],
        region: p['region_ods_code'],
      });
      expect(row!.measures).toEqual({
        'well-led': Number(p['well_led']),
        'smart-foundations': Number(p['ensure_smart_foundations']),
        'safe-practice': Number(p['safe_practice']),
        'support-people': Number(p['support_workforce']),
        'empower-citizens': Number(p['empower_people']),
        'improve-care': Number(p['improve_care']),
        'healthy-populations': Number(p['healthy_populations']),
      });
    }
    for (const i of icbs) {
      const row = rows.find((r) => r.level === 'system' && r.ics_code === i['icb_ods_code']);
      expect(row?.measures['well-led']).toBe(Number(i['well_led']));
    }
    for (const c of fixture('dma_2024_2025_provider_overall_comparable.csv')) {
      const row = rows.find(
        (r) => r.organisation_code === c['trust_ods_code'] && r.care_setting === setting(c['care_setting']!),
      )!;
      expect(row.comparable_overall).toBeCloseTo(Number(c['overall_2025_comparable_domains']), 3);
      expect(row.previous_comparable_overall).toBeCloseTo(Number(c['overall_2024_comparable_domains']), 3);
    }
    // "NATIONAL HEALTH SERVICE TRUST" in the file is ODS's "NHS TRUST".
    expect(
      first.names.find(
        (n) => n.publishedName === 'PORTSMOUTH HOSPITALS UNIVERSITY NATIONAL HEALTH SERVICE TRUST',
      )?.match,
    ).toEqual({ odsCode: 'RHU', name: 'PORTSMOUTH HOSPITALS UNIVERSITY NHS TRUST', method: 'name' });
  });

  it('imported again into the same cycle, changes nothing', async () => {
    const before = await stored(cycle.id);
    const audits = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_event WHERE target_type = 'import'`,
    );
    const res = await upload(cycle.id, DMA);
    expect(res.status).toBe(200);
    expect(res.body as ImportDetail).toMatchObject({ id: first.id, unchanged: true, state: 'applied' });
    expect(await stored(cycle.id)).toEqual(before);
    const list = (await admin.get('/api/imports')).body as { items: ImportDetail[] };
    expect(list.items.filter((i) => i.cycle.id === cycle.id)).toHaveLength(1);
    const after = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_event WHERE target_type = 'import'`,
    );
    expect(after[0]!.n).toBe(audits[0]!.n);
  });
});

describe('names to review', () => {
  it('waits for an administrator on unknown and doubtful names, suggests matches, and applies once confirmed', async () => {
    const cycle = await newCycle();
    const file = await edited((book) => {
      renameProvider(book, 'SALISBURY NHS FOUNDATION TRUST', 'SALISBURY HOSPITALS NHS FT');
      // Guy's and St Thomas' placed in another ICS than the hierarchy has it in on 1 April 2025.
      book.getWorksheet('SC - 2025 Pillar Summary')!.eachRow((row) => {
        if (row.getCell(4).value === "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST") {
          row.getCell(3).value = 'NHS NORTH CENTRAL LONDON INTEGRATED CARE BOARD';
        }
      });
    });
    const res = await upload(cycle.id, file, 'corrected.xlsx');
    expect(res.status).toBe(201);
    const detail = res.body as ImportDetail;
    expect(detail).toMatchObject({ state: 'review', toReview: 2 });
    const [unknown, doubtful] = detail.names;
    expect(unknown).toMatchObject({
      kind: 'organisation',
      publishedName: 'SALISBURY HOSPITALS NHS FT',
      status: 'unmatched',
      match: null,
    });
    expect(unknown!.suggestions[0]).toMatchObject({ odsCode: 'RNZ', name: 'SALISBURY NHS FOUNDATION TRUST' });
    expect(doubtful).toMatchObject({
      publishedName: "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST",
      status: 'doubtful',
      match: { odsCode: 'RJ1' },
    });
    expect(doubtful!.reason).toContain('QKK');
    expect(doubtful!.reason).toContain('QMJ');
    expect(await stored(cycle.id)).toEqual([]);
    const viewQ = `cycle=${cycle.id}&at=${cycle.referenceDate}`;
    const before = (await admin.get(`/api/organisations/RNZ/results?${viewQ}`)).body as TrustResults;
    expect(before.scores).toBeNull();

    // Refused as a whole: one good and one bad match change nothing.
    const bad = await admin.post(`/api/imports/${detail.id}/matches`, {
      matches: [
        { kind: 'organisation', publishedName: 'SALISBURY HOSPITALS NHS FT', odsCode: 'RNZ' },
        { kind: 'organisation', publishedName: "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", odsCode: 'XXX' },
      ],
    });
    expect(bad.status).toBe(400);
    expect((bad.body as ApiError).errors).toEqual([
      {
        field: 'matches[1].odsCode',
        messages: ["There is no organisation XXX operating on 1 April 2025, the cycle's reference date"],
      },
    ]);
    // A name twice, and an ICB that did not exist on the cycle's reference date (S1Y5D, from April 2026).
    const twice = await admin.post(`/api/imports/${detail.id}/matches`, {
      matches: [
        { kind: 'organisation', publishedName: 'SALISBURY HOSPITALS NHS FT', odsCode: 'RNZ' },
        { kind: 'organisation', publishedName: 'salisbury hospitals nhs ft', odsCode: 'RNZ' },
        { kind: 'ics', publishedName: 'NHS SOUTH EAST LONDON INTEGRATED CARE BOARD', odsCode: 'S1Y5D' },
      ],
    });
    expect(twice.status).toBe(400);
    expect((twice.body as ApiError).errors).toEqual([
      {
        field: 'matches[1].publishedName',
        messages: ['"salisbury hospitals nhs ft" is matched more than once'],
      },
      {
        field: 'matches[2].odsCode',
        messages: ["There is no ICB S1Y5D operating on 1 April 2025, the cycle's reference date"],
      },
    ]);
    // Salisbury's rows come first; Royal United Hospitals Bath (RD1) has the same care setting later.
    const clash = await admin.post(`/api/imports/${detail.id}/matches`, {
      matches: [{ kind: 'organisation', publishedName: 'SALISBURY HOSPITALS NHS FT', odsCode: 'RD1' }],
    });
    expect(clash.status).toBe(400);
    expect((clash.body as ApiError).errors).toEqual([
      {
        field: 'matches[0].odsCode',
        messages: [
          'RD1 is already the match for ROYAL UNITED HOSPITALS BATH NHS FOUNDATION TRUST in the same rows',
        ],
      },
    ]);
    expect(((await admin.get(`/api/imports/${detail.id}`)).body as ImportDetail).toReview).toBe(2);
    expect(await stored(cycle.id)).toEqual([]);

    const partly = await admin.post(`/api/imports/${detail.id}/matches`, {
      matches: [{ kind: 'organisation', publishedName: 'SALISBURY HOSPITALS NHS FT', odsCode: 'rnz' }],
    });
    expect(partly.body as ImportDetail).toMatchObject({ state: 'review', toReview: 1 });
    expect(await stored(cycle.id)).toEqual([]);

    const done = await admin.post(`/api/imports/${detail.id}/matches`, {
      matches: [
        { kind: 'organisation', publishedName: "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST", odsCode: 'RJ1' },
      ],
    });
    expect(done.status).toBe(200);
    expect(done.body as ImportDetail).toMatchObject({ state: 'applied', toReview: 0 });
    const rows = await stored(cycle.id);
    expect(rows.filter((r) => r.level === 'organisation')).toHaveLength(285);
    expect(rows.find((r) => r.organisation_code === 'RNZ')?.measures['well-led']).toBe(2.8);
    // Compared where the cycle's hierarchy places it (as access is decided), not where the file said.
    expect(rows.find((r) => r.organisation_code === 'RJ1')?.ics_code).toBe('QKK');
    // The views were read again once the import applied.
    const after = (await admin.get(`/api/organisations/RNZ/results?${viewQ}`)).body as TrustResults;
    expect(after.scores?.measures['well-led']).toBe(2.8);

    const again = await admin.post(`/api/imports/${detail.id}/matches`, {
      matches: [{ kind: 'organisation', publishedName: 'SALISBURY HOSPITALS NHS FT', odsCode: 'RNZ' }],
    });
    expect(again.status).toBe(409);
    expect((again.body as ApiError).code).toBe('IMPORT_APPLIED');

    // The next file using those names is matched without asking again.
    const next = await upload((await newCycle()).id, file, 'corrected.xlsx');
    expect(next.body as ImportDetail).toMatchObject({ state: 'applied', toReview: 0 });
    expect(
      (next.body as ImportDetail).names.find((n) => n.publishedName === 'SALISBURY HOSPITALS NHS FT')?.match,
    ).toEqual({ odsCode: 'RNZ', name: 'SALISBURY NHS FOUNDATION TRUST', method: 'confirmed-before' });
  });
});

describe('refusals keep nothing', () => {
  let cycle: Cycle;
  let before: number;
  const count = async () =>
    (await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM result_import'))[0]!.n;

  beforeAll(async () => {
    cycle = await newCycle();
    before = await count();
  });
  afterAll(async () => {
    // Nothing refused was kept, in any of the cases below.
    expect(await count()).toBe(before);
    expect(await stored(cycle.id)).toEqual([]);
  });

  it('answers 400 with the field for a file that is not a DMA data file', async () => {
    const notExcel = await upload(cycle.id, Buffer.from('%PDF-1.7\n%%EOF\n'), 'results.xlsx');
    expect(notExcel.status).toBe(400);
    expect(notExcel.body as ApiError).toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      errors: [{ field: 'file', messages: ['The file is not an Excel workbook (.xlsx).'] }],
    });

    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRow(['Region', 'ICS', 'Something']);
    const wrong = await upload(cycle.id, Buffer.from(await book.xlsx.writeBuffer()), 'other.xlsx');
    expect(wrong.status).toBe(400);
    expect((wrong.body as ApiError).errors?.[0]?.messages).toHaveLength(4);

    const empty = await upload(cycle.id, await dmaWorkbook([], []), 'empty.xlsx');
    expect(empty.status).toBe(400);
    expect((empty.body as ApiError).errors?.[0]?.messages).toContain(
      'SC - 2025 Pillar Summary: the table has no rows.',
    );
    expect(await count()).toBe(before);
  });

  it('answers 400 naming the cell for a score that is not a score and for a repeated row', async () => {
    const badScore = await edited((b) => {
      b.getWorksheet('ICB - 2025 Pillar Summary')!.getRow(13).getCell(4).value = 'n/a';
    });
    const invalid = await upload(cycle.id, badScore, 'bad.xlsx');
    expect(invalid.status).toBe(400);
    expect((invalid.body as ApiError).errors?.[0]?.messages).toEqual([
      'ICB - 2025 Pillar Summary, row 13: Well Led is not a score from 1 to 5.',
    ]);

    const repeated = await edited((b) => {
      const sheet = b.getWorksheet('SC - 2025 Pillar Summary')!;
      sheet.getRow(13).values = sheet.getRow(12).values;
    });
    const twice = await upload(cycle.id, repeated, 'twice.xlsx');
    expect(twice.status).toBe(400);
    expect((twice.body as ApiError).errors?.[0]?.messages).toEqual([
      'SC - 2025 Pillar Summary, row 13: the same as row 12.',
    ]);
    expect(await count()).toBe(before);
  });

  it('answers 400 with the field for no cycle, a malformed or an unknown cycle', async () => {
    const malformedCycle = await upload('a'.repeat(36), DMA);
    expect(malformedCycle.status).toBe(400);
    expect((malformedCycle.body as ApiError).errors?.[0]?.field).toBe('cycleId');

    const noCycle = await upload(null, DMA);
    expect(noCycle.status).toBe(400);
    expect((noCycle.body as ApiError).errors).toEqual([
      { field: 'cycleId', messages: ['Choose the cycle these results belong to'] },
    ]);
    const unknownCycle = await upload('00000000-0000-4000-8000-000000000000', DMA);
    expect(unknownCycle.status).toBe(400);
    expect((unknownCycle.body as ApiError).errors?.[0]?.field).toBe('cycleId');
    expect(await count()).toBe(before);
  });
});

describe('a later file for the same cycle', () => {
  it('replaces the applied rows at once, the views follow, and every step is in the audit log', async () => {
    const cycle = await newCycle();
    const viewQ = `cycle=${cycle.id}&at=${cycle.referenceDate}`;
    const rnz = async () => (await admin.get(`/api/organisations/RNZ/results?${viewQ}`)).body as TrustResults;
    expect((await rnz()).scores).toBeNull();
    const first = (await upload(cycle.id, DMA)).body as ImportDetail;
    expect(first.state).toBe('applied');
    // Applied on upload: the views are read again straight away.
    expect((await rnz()).scores?.measures['well-led']).toBe(2.8);

    const corrected = await edited((book) => {
      book.getWorksheet('SC - 2025 Pillar Summary')!.getRow(12).getCell(6).value = 3.1;
    });
    const res = await upload(cycle.id, corrected, 'corrected.xlsx');
    expect(res.status).toBe(201);
    const second = res.body as ImportDetail;
    expect(second.state).toBe('applied');
    const rows = await t.dataSource.query<{ import_id: string; n: number }[]>(
      `SELECT import_id, count(*)::int AS n FROM result_score WHERE cycle_id = $1 GROUP BY import_id`,
      [cycle.id],
    );
    expect(rows).toEqual([{ import_id: second.id, n: 285 + 42 }]);
    expect((await rnz()).scores?.measures['well-led']).toBe(3.1);

    const actions = await t.dataSource.query<{ action: string; target_id: string }[]>(
      `SELECT action, target_id FROM audit_event WHERE target_type = 'import' AND target_id = ANY($1::text[])
       ORDER BY occurred_at, id`,
      [[first.id, second.id]],
    );
    expect(actions).toEqual([
      { action: 'import.uploaded', target_id: first.id },
      { action: 'import.applied', target_id: first.id },
      { action: 'import.uploaded', target_id: second.id },
      { action: 'import.applied', target_id: second.id },
    ]);
  });
});

describe('a file left in review', () => {
  it('cannot be applied once a file uploaded after it has been applied to the cycle', async () => {
    const cycle = await newCycle();
    const corrected = await edited((book) =>
      renameProvider(book, 'SALISBURY NHS FOUNDATION TRUST', 'SALISBURY, AN UNKNOWN NAME'),
    );
    const waiting = (await upload(cycle.id, corrected, 'corrected.xlsx')).body as ImportDetail;
    expect(waiting.state).toBe('review');
    expect((await upload(cycle.id, DMA)).body as ImportDetail).toMatchObject({ state: 'applied' });
    const before = await stored(cycle.id);
    const late = await admin.post(`/api/imports/${waiting.id}/matches`, {
      matches: [{ kind: 'organisation', publishedName: 'SALISBURY, AN UNKNOWN NAME', odsCode: 'RNZ' }],
    });
    expect(late.status).toBe(409);
    expect((late.body as ApiError).code).toBe('IMPORT_SUPERSEDED');
    expect(await stored(cycle.id)).toEqual(before);
  });
});
