import ExcelJS from 'exceljs';

import { formatDateTime } from '../../lib/dates';
import type { CsvValue } from './csv';
import { heatShades } from './heat-shades';
import { columnMeaning, SCORE_RULES, SUPPRESSION_RULES, type TableAbout } from './table-about';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The dark text the page puts on every shade (contrast 5.9:1 or more on each). */
const TEXT_ON_SHADE = 'FF212B32';

export interface SheetTable {
  header: string[];
  rows: CsvValue[][];
  /** A background colour (`#rrggbb`) per cell, in the rows' shape; none where undefined. */
  fills?: (string | undefined)[][] | undefined;
  about: TableAbout;
}

const argb = (colour: string) => `FF${colour.replace('#', '').toUpperCase()}`;

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  const clean = title.replace(/[:\\/?*[\]]/g, ' ').trim();
  return (clean.charAt(0).toUpperCase() + clean.slice(1)).slice(0, 31) || 'Data';
}

/**
 * A table as a workbook: its rows on the first sheet (shaded where the page shades them), then an
 * "About this data" sheet saying the source, cycle, date produced, what each figure means and what
 * is not shown and why.
 */
export async function tableWorkbook(name: string, table: SheetTable, now = new Date()): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'WGLL digital maturity platform';
  book.created = now;

  const sheet = book.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  table.rows.forEach((values, rowIndex) => {
    const row = sheet.addRow(values.map((value) => (value === '' || value === undefined ? null : value)));
    table.fills?.[rowIndex]?.forEach((colour, column) => {
      if (!colour) return;
      const cell = row.getCell(column + 1);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour) } };
      cell.font = { color: { argb: TEXT_ON_SHADE } };
    });
  });
  table.header.forEach((heading, index) => {
    const longest = Math.max(heading.length, ...table.rows.map((row) => String(row[index] ?? '').length));
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(10, longest + 2));
  });

  const about = book.addWorksheet('About this data');
  about.columns = [
    { header: 'About this data', width: 28 },
    { header: '', width: 100, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  about.getRow(1).font = { bold: true };
  const add = (label: string, text: string) => {
    about.addRow([label, text]).getCell(1).font = { bold: true };
  };
  add('Table', table.about.title);
  add('Source', table.about.source);
  add('Cycle', table.about.cycle);
  add('Date produced', formatDateTime(now.toISOString()));
  add('The figures', table.about.figures);
  add('Scores', SCORE_RULES);
  add('Figures not shown', SUPPRESSION_RULES);
  for (const heading of table.header) {
    const meaning = columnMeaning(heading);
    if (meaning) add(`Column: ${heading}`, meaning);
  }
  if (table.fills) {
    add('Shading', 'Darker for higher scores; the number is always in the cell, the shade only repeats it.');
    for (const shade of heatShades) {
      const row = about.addRow([`${shade.from.toFixed(1)} to ${shade.to.toFixed(1)}`, shade.colour]);
      row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(shade.colour) } };
      row.getCell(1).font = { color: { argb: TEXT_ON_SHADE } };
    }
  }
  return book.xlsx.writeBuffer();
}

/** Builds the table's workbook and hands it to the browser as a download. */
export async function downloadTableWorkbook(
  fileName: string,
  name: string,
  table: SheetTable,
): Promise<void> {
  const bytes = await tableWorkbook(name, table);
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${fileName}.xlsx`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; the address is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
