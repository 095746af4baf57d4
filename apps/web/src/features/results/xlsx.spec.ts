import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';

import { columnMeaning } from './table-about';
import { tableWorkbook } from './xlsx';

describe('a table as a workbook', () => {
  it('keeps the rows, shades the cells asked for, and says what the data is', async () => {
    const bytes = await tableWorkbook(
      'organisations’ scores',
      {
        header: ['Organisation', 'Well led'],
        rows: [
          ['=HYPERLINK("x")', 3.4],
          ['Second', ''],
        ],
        fills: [[undefined, '#9ecae1'], []],
        about: { title: 'Scores', figures: 'Cycle 2025/26 · Acute', cycle: '2025/26', source: 'NHS England' },
      },
      new Date('2026-09-01T10:00:00Z'),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Organisations’ scores');
    // Text that looks like a formula stays text; an empty value is an empty cell.
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell('B2').value).toBe(3.4);
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.getCell('B2').fill).toMatchObject({ fgColor: { argb: 'FF9ECAE1' } });
    expect(sheet.getCell('A2').fill).toBeUndefined();
    const about = new Map<unknown, unknown>();
    book
      .getWorksheet('About this data')!
      .eachRow((row) => about.set(row.getCell(1).value, row.getCell(2).value));
    expect(about.get('Source')).toBe('NHS England');
    expect(about.get('Cycle')).toBe('2025/26');
    expect(about.get('Column: Well led')).toBe(columnMeaning('Well led'));
    expect(String(about.get('Figures not shown'))).toContain('k ≥ 5');
    expect(about.has('1.0 to 1.4')).toBe(true);
  });

  it('explains the columns of every kind of results table', () => {
    expect(columnMeaning('Well led median')).toBe('The median of the scores in the measure');
    expect(columnMeaning('Improve care below')).toMatch(/below the threshold/);
    expect(columnMeaning('National median')).toMatch(/England/);
    expect(columnMeaning('Something else')).toBeUndefined();
  });
});
