import type { Distribution } from '@wgll/contracts';
import { formatScore } from '@wgll/scoring';
import Papa from 'papaparse';

import { withheldText } from './results-labels';

export type CsvValue = string | number | null | undefined;

/**
 * Formulas typed into a spreadsheet start with = + - @ (or a tab or return); such text gets a quote
 * in front so a spreadsheet shows it rather than runs it. Numbers are left as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A table's data as a CSV file, with a byte order mark so spreadsheets read it as UTF-8. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  const data = rows.map((row) => row.map((value) => (value === null || value === undefined ? '' : value)));
  return `\uFEFF${Papa.unparse({ fields: header, data }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}`;
}

/**
 * A score for a CSV cell: as shown on the page (one decimal place), empty when missing, or why it is
 * hidden when it comes from a withheld distribution.
 */
export function csvScore(
  value: number | null,
  from?: Pick<Distribution, 'suppressed' | 'reason' | 'count'>,
): CsvValue {
  if (from?.suppressed) return withheldText(from);
  return value === null ? '' : Number(formatScore(value));
}

/** `2025/26` → `2025-26`, for file names. */
export function fileSafe(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
