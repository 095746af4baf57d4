import { parse } from 'csv-parse/sync';

export class ReferenceDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Reference data is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export type CsvRow = Record<string, string>;

/**
 * Parses a CSV file with a header row into rows keyed by column, trimming cells.
 * Fails, naming the file, when a required column is missing or a row has the wrong number of cells.
 */
export function parseCsv(text: string, file: string, requiredColumns: readonly string[]): CsvRow[] {
  let rows: CsvRow[];
  try {
    const parsed = parse<CsvRow>(text, { columns: true, skip_empty_lines: true, bom: true });
    rows = parsed.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k.trim(), v.trim()])));
  } catch (error) {
    throw new ReferenceDataError([`${file}: ${(error as Error).message}`]);
  }
  const header = rows.length > 0 ? Object.keys(rows[0]!) : headerOf(text);
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new ReferenceDataError([`${file}: missing column(s) ${missing.join(', ')}`]);
  }
  return rows;
}

function headerOf(text: string): string[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return firstLine.split(',').map((c) => c.trim());
}

/** "QHG;QUE;QM7 (Hertfordshire part)" → codes with the part of the ICB each refers to. */
export function parseCodeList(value: string): Array<{ code: string; part: string | null }> {
  return value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
    .map((item) => {
      const m = /^([A-Z0-9]+)\s*(?:\((.+)\))?$/.exec(item);
      if (!m) throw new ReferenceDataError([`cannot read the ODS code list item "${item}"`]);
      return { code: m[1]!, part: m[2]?.trim() ?? null };
    });
}
