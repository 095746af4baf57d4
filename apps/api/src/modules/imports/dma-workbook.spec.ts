import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { readDmaWorkbook, WorkbookError } from './dma-workbook.js';

const DMA_2025 = resolve(
  import.meta.dirname,
  '../../../data/dma/NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx',
);

describe('readDmaWorkbook', () => {
  it('reads the five tables of the published 2025 file below their title blocks', async () => {
    const parsed = await readDmaWorkbook(readFileSync(DMA_2025));
    expect(parsed.title).toBe('Digital Maturity Assessment 2025 Data Report');
    expect(parsed.publicationDate).toBe('2026-03-30');
    expect(parsed.comparableYears).toEqual({ current: 2025, previous: 2024 });
    expect(parsed.sheets.map((s) => [s.what, s.rows])).toEqual([
      ['provider-measures', 285],
      ['icb-measures', 42],
      ['provider-comparable-overall', 285],
      ['icb-comparable-overall', 42],
      ['icb-primary-care-measures', 42],
    ]);
    expect(parsed.providers[0]).toEqual({
      sheet: 'SC - 2025 Pillar Summary',
      row: 12,
      region: 'SOUTH WEST',
      ics: 'NHS BATH AND NORTH EAST SOMERSET, SWINDON AND WILTSHIRE INTEGRATED CARE BOARD',
      provider: 'SALISBURY NHS FOUNDATION TRUST',
      careSetting: 'acute',
      measures: {
        'well-led': 2.8,
        'smart-foundations': 2.4,
        'safe-practice': 2,
        'support-people': 2,
        'empower-citizens': 1.9,
        'improve-care': 2,
        'healthy-populations': 1.4,
      },
    });
    expect(parsed.icbComparable[0]).toMatchObject({
      current: 2.7916666666666665,
      previous: 2.6666666666666665,
    });
    const settings = parsed.providers.reduce<Record<string, number>>(
      (n, p) => ({ ...n, [p.careSetting]: (n[p.careSetting] ?? 0) + 1 }),
      {},
    );
    expect(settings).toEqual({ acute: 134, community: 90, 'mental-health': 50, ambulance: 11 });
  }, 60_000);

  it('reads the ICBs’ primary care sheet: five measures under the survey’s own headings', async () => {
    const parsed = await readDmaWorkbook(readFileSync(DMA_2025));
    expect(parsed.primaryCare).toHaveLength(42);
    // The sheet's first row, as published (Hertfordshire and West Essex is the third: 4.3333 unrounded).
    expect(parsed.primaryCare![0]).toEqual({
      sheet: '2025 Pillar Summary (ICB PC)',
      row: 12,
      region: 'EAST OF ENGLAND',
      ics: 'NHS BEDFORDSHIRE, LUTON AND MILTON KEYNES INTEGRATED CARE BOARD',
      measures: {
        'well-led': 5,
        'smart-foundations': 5,
        'support-people': 2,
        'empower-citizens': 5,
        'improve-care': 5,
      },
    });
    expect(parsed.primaryCare![2]!.measures['empower-citizens']).toBeCloseTo(4.3333, 4);
  }, 60_000);

  it('lists every malformed primary care row rather than reading it', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(DMA_2025) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('2025 Pillar Summary (ICB PC)')!;
    sheet.getRow(13).getCell(5).value = 'n/a'; // Region is column B, ICS C, the measures D to H
    sheet.getRow(14).getCell(3).value = null;
    sheet.getRow(16).values = sheet.getRow(15).values;
    const error = await readDmaWorkbook(Buffer.from(await workbook.xlsx.writeBuffer())).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).problems).toEqual([
      '2025 Pillar Summary (ICB PC), row 13: Ensuring Smart Foundations is not a score from 1 to 5.',
      '2025 Pillar Summary (ICB PC), row 14: no ICS.',
      '2025 Pillar Summary (ICB PC), row 16: the same as row 15.',
    ]);
  }, 60_000);

  it('reads a file with no primary care sheet (it is the only table a file may leave out)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(DMA_2025) as unknown as ArrayBuffer);
    workbook.removeWorksheet(workbook.getWorksheet('2025 Pillar Summary (ICB PC)')!.id);
    const parsed = await readDmaWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(parsed.primaryCare).toEqual([]);
    expect(parsed.sheets.map((s) => s.what)).not.toContain('icb-primary-care-measures');
    expect(parsed.icbs).toHaveLength(42);
  }, 60_000);

  it('says what is missing from a workbook that is not a DMA data file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Something else');
    sheet.addRow(['Region', 'ICS', 'Provider', 'Care Setting', 'Well Led']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const error = await readDmaWorkbook(buffer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).problems).toHaveLength(4);
    expect((error as WorkbookError).problems[0]).toMatch(/^No sheet holds the secondary care providers/);
  }, 60_000);

  it('refuses a file that is not a workbook and scores outside 1 to 5', async () => {
    await expect(readDmaWorkbook(Buffer.from('%PDF-1.4'))).rejects.toThrow('not an Excel workbook');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(DMA_2025) as unknown as ArrayBuffer);
    workbook.getWorksheet('SC - 2025 Pillar Summary')!.getRow(12).getCell(6).value = 7;
    const error = await readDmaWorkbook(Buffer.from(await workbook.xlsx.writeBuffer())).catch(
      (e: unknown) => e,
    );
    expect((error as WorkbookError).problems).toEqual([
      'SC - 2025 Pillar Summary, row 12: Well Led is not a score from 1 to 5.',
    ]);
  }, 60_000);

  it('refuses an error cell (#N/A) and a formula with no saved result rather than reading them as blank', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(DMA_2025) as unknown as ArrayBuffer);
    const row = workbook.getWorksheet('SC - 2025 Pillar Summary')!.getRow(12);
    row.getCell(6).value = { error: '#N/A' };
    row.getCell(7).value = { formula: 'AVERAGE(Z1:Z9)' };
    row.getCell(8).value = { formula: '2+1', result: 3 };
    const parsed = await readDmaWorkbook(Buffer.from(await workbook.xlsx.writeBuffer())).catch(
      (e: unknown) => e,
    );
    expect((parsed as WorkbookError).problems).toEqual([
      'SC - 2025 Pillar Summary, row 12: Well Led is not a score from 1 to 5.',
      'SC - 2025 Pillar Summary, row 12: Ensure Smart Foundations is not a score from 1 to 5.',
    ]);
  }, 60_000);
});
