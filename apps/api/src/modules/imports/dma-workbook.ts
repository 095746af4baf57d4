import type { CareSetting, ImportSheetCount, MeasureId } from '@wgll/contracts';
import type ExcelJS from 'exceljs';
import type { PrimaryCareMeasure } from '../result-store/primary-care-scores.repository.js';
import {
  NotWorkbookError,
  readSheetsInWorker,
  type SheetGrid,
  WorkerRefusedError,
} from './read-in-worker.js';
import { unpackXlsx, ZipRefusedError } from './zip-inspection.js';

/** The DMA 2025 column headings of the seven measures (shared/data/reference/wgll_dma_pillars.csv). */
export const DMA_MEASURE_COLUMNS: Record<MeasureId, string> = {
  'well-led': 'Well Led',
  'smart-foundations': 'Ensure Smart Foundations',
  'safe-practice': 'Safe Practice',
  'support-people': 'Support Workforce',
  'empower-citizens': 'Empower People',
  'improve-care': 'Improve Care',
  'healthy-populations': 'Healthy Populations',
};

/**
 * The column headings of the ICBs' primary care sheet ("2025 Pillar Summary (ICB PC)"): NHS England's
 * survey of each ICB about general practice scores five of the seven measures, under its own names.
 */
export const DMA_PRIMARY_CARE_COLUMNS: Record<PrimaryCareMeasure, string> = {
  'well-led': 'Well Led',
  'smart-foundations': 'Ensuring Smart Foundations',
  'support-people': 'Support People',
  'empower-citizens': 'Empower People',
  'improve-care': 'Improve Care',
};

const CARE_SETTING_LABELS: Record<string, CareSetting> = {
  acute: 'acute',
  community: 'community',
  'mental health': 'mental-health',
  ambulance: 'ambulance',
};

interface RowBase {
  /** The sheet's name and the row number in it, for messages. */
  sheet: string;
  row: number;
  region: string;
  ics: string;
}
export interface ProviderMeasuresRow extends RowBase {
  provider: string;
  careSetting: CareSetting;
  measures: Partial<Record<MeasureId, number>>;
}
export interface IcbMeasuresRow extends RowBase {
  measures: Partial<Record<MeasureId, number>>;
}
export interface ProviderComparableRow extends RowBase {
  provider: string;
  careSetting: CareSetting;
  current: number | null;
  previous: number | null;
}
export interface IcbComparableRow extends RowBase {
  current: number | null;
  previous: number | null;
}

/** What the importer keeps of the file: its four tables, as read. */
export interface ParsedWorkbook {
  title: string;
  publicationDate: string | null;
  /** The years of the comparable overall columns, e.g. 2025 and 2024. */
  comparableYears: { current: number; previous: number } | null;
  sheets: ImportSheetCount[];
  providers: ProviderMeasuresRow[];
  icbs: IcbMeasuresRow[];
  providerComparable: ProviderComparableRow[];
  icbComparable: IcbComparableRow[];
  /**
   * Each ICB's primary care survey (five measures), when the file has that sheet. Absent from imports
   * read before the sheet was read.
   */
  primaryCare?: IcbMeasuresRow[];
}

/** The file cannot be read as a DMA data file; `problems` say what is missing, in plain English. */
export class WorkbookError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

/** A cell's text: rich text joined, hyperlinks by their text, numbers as written. */
function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return text(value.result);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    // Errors and other objects carry no text worth reading.
    return '';
  }
  return String(value).trim();
}

/** A score from 1 to 5, null for an empty cell; an error (#N/A) or a formula with no saved result is invalid. */
function score(value: ExcelJS.CellValue): number | null | 'invalid' {
  if (typeof value === 'object' && value !== null) {
    if ('error' in value) return 'invalid';
    if ('formula' in value || 'sharedFormula' in value)
      return value.result === undefined ? 'invalid' : score(value.result);
  }
  if (value === null || value === undefined || text(value) === '') return null;
  const n = typeof value === 'number' ? value : Number(text(value));
  return Number.isFinite(n) && n >= 1 && n <= 5 ? n : 'invalid';
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** "30 March 2026" (or an Excel date) → 2026-03-30. */
function isoDate(value: ExcelJS.CellValue): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const match = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/i.exec(text(value));
  const month = match ? MONTHS.indexOf(match[2]!.toLowerCase()) + 1 : 0;
  return match && month > 0
    ? `${match[3]}-${String(month).padStart(2, '0')}-${match[1]!.padStart(2, '0')}`
    : null;
}

type Kind = ImportSheetCount['what'];

/** A worksheet's values, as read in the worker: what the rules below look at. */
class Sheet {
  private readonly values = new Map<number, Map<number, ExcelJS.CellValue>>();
  readonly name: string;
  readonly rowCount: number;
  constructor(grid: SheetGrid) {
    this.name = grid.name;
    this.rowCount = grid.rowCount;
    for (const [row, cells] of grid.rows) this.values.set(row, new Map(cells));
  }
  /** The numbers of the rows holding values, in order. */
  rowNumbers(): number[] {
    return [...this.values.keys()];
  }
  /** A row's cells holding values: [column, value], in order. */
  cells(row: number): Array<[number, ExcelJS.CellValue]> {
    return [...(this.values.get(row)?.entries() ?? [])];
  }
  value(row: number, column: number): ExcelJS.CellValue {
    return this.values.get(row)?.get(column) ?? null;
  }
}

interface Table {
  sheet: Sheet;
  headerRow: number;
  columns: Map<string, number>;
  kind: Kind;
}

/** Finds the header row below a sheet's title block (a row naming Region and ICS) and what the table holds. */
function findTable(sheet: Sheet): Table | null {
  for (let r = 1; r <= Math.min(sheet.rowCount, 40); r++) {
    const columns = new Map<string, number>();
    for (const [col, value] of sheet.cells(r)) {
      const heading = text(value).toLowerCase();
      if (heading && !columns.has(heading)) columns.set(heading, col);
    }
    if (!columns.has('region') || !columns.has('ics')) continue;
    const provider = columns.has('provider') && columns.has('care setting');
    const allMeasures = Object.values(DMA_MEASURE_COLUMNS).every((m) => columns.has(m.toLowerCase()));
    const averages = [...columns.keys()].filter((h) => /^\d{4} average$/.test(h)).length === 2;
    const primaryCare =
      !provider && Object.values(DMA_PRIMARY_CARE_COLUMNS).every((m) => columns.has(m.toLowerCase()));
    const kind: Kind | null = allMeasures
      ? provider
        ? 'provider-measures'
        : 'icb-measures'
      : averages
        ? provider
          ? 'provider-comparable-overall'
          : 'icb-comparable-overall'
        : primaryCare
          ? 'icb-primary-care-measures'
          : null;
    if (kind) return { sheet, headerRow: r, columns, kind };
  }
  return null;
}

const WHAT: Record<Kind, string> = {
  'provider-measures':
    'the secondary care providers’ measure scores (Region, ICS, Provider, Care Setting and the seven measures)',
  'icb-measures': 'the ICBs’ measure scores (Region, ICS and the seven measures)',
  'provider-comparable-overall':
    'the providers’ overall scores on comparable domains (Region, ICS, Provider, Care Setting, two "Average" columns)',
  'icb-comparable-overall':
    'the ICBs’ overall scores on comparable domains (Region, ICS, two "Average" columns)',
  'icb-primary-care-measures':
    'the ICBs’ primary care scores (Region, ICS and the five measures of the primary care survey)',
};

/** Tables a file may leave out: an earlier or later data file may have no primary care sheet. */
const OPTIONAL: ReadonlySet<Kind> = new Set(['icb-primary-care-measures']);

/** Said of a workbook the worker could not read within its time and memory. */
export const TOO_COMPLEX = 'The file is too large or too complex to read.';

/**
 * Reads NHS England's DMA data file: finds each table's header row below its title block and reads
 * rows until the first blank one. Scores must be numbers from 1 to 5 (blank: no score).
 *
 * The file is unpacked within limits first (zip-inspection.ts), then read into cell values in a
 * worker thread with a memory and time limit (read-in-worker.ts): a hostile file is refused with a
 * WorkbookError and never holds up the server.
 */
export async function readDmaWorkbook(buffer: Buffer): Promise<ParsedWorkbook> {
  let grids: SheetGrid[];
  try {
    grids = await readSheetsInWorker(await unpackXlsx(buffer));
  } catch (error) {
    if (error instanceof ZipRefusedError) throw new WorkbookError([error.problem]);
    if (error instanceof NotWorkbookError)
      throw new WorkbookError(['The file is not an Excel workbook (.xlsx).']);
    if (error instanceof WorkerRefusedError) throw new WorkbookError([TOO_COMPLEX]);
    throw error;
  }
  const worksheets = grids.map((grid) => new Sheet(grid));
  const tables = new Map<Kind, Table>();
  for (const sheet of worksheets) {
    const table = findTable(sheet);
    if (table && !tables.has(table.kind)) tables.set(table.kind, table);
  }
  const missing = (Object.keys(WHAT) as Kind[]).filter((k) => !tables.has(k) && !OPTIONAL.has(k));
  if (missing.length > 0) {
    throw new WorkbookError(missing.map((k) => `No sheet holds ${WHAT[k]}.`));
  }

  const problems: string[] = [];
  const parsed: ParsedWorkbook = {
    ...introduction(worksheets[0]),
    comparableYears: null,
    sheets: [],
    providers: [],
    icbs: [],
    providerComparable: [],
    icbComparable: [],
    primaryCare: [],
  };
  for (const table of tables.values()) {
    const rows = readRows(table, problems);
    parsed.sheets.push({ sheet: table.sheet.name, what: table.kind, rows: rows.length });
    for (const row of rows) {
      if (table.kind === 'provider-measures') parsed.providers.push(row as ProviderMeasuresRow);
      else if (table.kind === 'icb-measures') parsed.icbs.push(row as IcbMeasuresRow);
      else if (table.kind === 'provider-comparable-overall')
        parsed.providerComparable.push(row as ProviderComparableRow);
      else if (table.kind === 'icb-primary-care-measures') parsed.primaryCare!.push(row as IcbMeasuresRow);
      else parsed.icbComparable.push(row as IcbComparableRow);
    }
    if (table.kind === 'provider-comparable-overall') {
      const years = [...table.columns.keys()]
        .map((h) => /^(\d{4}) average$/.exec(h)?.[1])
        .filter((y): y is string => !!y)
        .map(Number)
        .sort((a, b) => b - a);
      parsed.comparableYears = { current: years[0]!, previous: years[1]! };
    }
  }
  for (const sheet of parsed.sheets) {
    if (sheet.rows === 0) problems.push(`${sheet.sheet}: the table has no rows.`);
  }
  problems.push(...duplicates(parsed));
  if (problems.length > 0) throw new WorkbookError(problems.slice(0, 20));
  parsed.sheets.sort((a, b) => Object.keys(WHAT).indexOf(a.what) - Object.keys(WHAT).indexOf(b.what));
  return parsed;
}

/** The same provider and care setting, or the same ICB, twice in one table. */
function duplicates(parsed: ParsedWorkbook): string[] {
  const provider = (r: RowBase) => {
    const row = r as ProviderMeasuresRow;
    return `${row.provider}|${row.careSetting}`;
  };
  const icb = (r: RowBase) => r.ics;
  const tables: Array<[RowBase[], (row: RowBase) => string]> = [
    [parsed.providers, provider],
    [parsed.providerComparable, provider],
    [parsed.icbs, icb],
    [parsed.icbComparable, icb],
    [parsed.primaryCare ?? [], icb],
  ];
  const problems: string[] = [];
  for (const [rows, key] of tables) {
    const seen = new Map<string, number>();
    for (const row of rows) {
      const first = seen.get(key(row).toUpperCase());
      if (first === undefined) seen.set(key(row).toUpperCase(), row.row);
      else problems.push(`${row.sheet}, row ${row.row}: the same as row ${first}.`);
    }
  }
  return problems;
}

function introduction(sheet: Sheet | undefined): { title: string; publicationDate: string | null } {
  let title = '';
  let publicationDate: string | null = null;
  for (const number of sheet?.rowNumbers() ?? []) {
    const cells = sheet!.cells(number).map(([, value]) => value);
    const first = text(cells[0] ?? null);
    if (!title && /digital maturity assessment/i.test(first)) {
      const next = sheet!.cells(number + 1).map(([, value]) => text(value));
      title = [first, next[0] ?? ''].filter(Boolean).join(' ');
    }
    if (/^publication date/i.test(first)) publicationDate = isoDate(cells[1] ?? null);
  }
  return {
    title: title || 'Digital Maturity Assessment data file',
    publicationDate,
  };
}

type AnyRow = ProviderMeasuresRow | IcbMeasuresRow | ProviderComparableRow | IcbComparableRow;

function readRows(table: Table, problems: string[]): AnyRow[] {
  const { sheet, headerRow, columns, kind } = table;
  const col = (heading: string) => columns.get(heading.toLowerCase())!;
  const averages = [...columns.entries()]
    .filter(([h]) => /^\d{4} average$/.test(h))
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([, c]) => c);
  const rows: AnyRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const region = text(sheet.value(r, col('region')));
    const ics = text(sheet.value(r, col('ics')));
    if (!region && !ics) break;
    const where = `${sheet.name}, row ${r}:`;
    const base: RowBase = { sheet: sheet.name, row: r, region, ics };
    if (!ics) problems.push(`${where} no ICS.`);
    const provider = kind.startsWith('provider') ? text(sheet.value(r, col('provider'))) : '';
    const settingLabel = kind.startsWith('provider') ? text(sheet.value(r, col('care setting'))) : '';
    const careSetting = CARE_SETTING_LABELS[settingLabel.toLowerCase()] as CareSetting;
    if (kind.startsWith('provider') && !provider) problems.push(`${where} no provider name.`);
    if (kind.startsWith('provider') && !careSetting)
      problems.push(`${where} unknown care setting "${settingLabel}".`);
    const read = (c: number, label: string): number | null => {
      const value = score(sheet.value(r, c));
      if (value === 'invalid') {
        problems.push(`${where} ${label} is not a score from 1 to 5.`);
        return null;
      }
      return value;
    };
    if (kind === 'provider-measures' || kind === 'icb-measures' || kind === 'icb-primary-care-measures') {
      const measures: Partial<Record<MeasureId, number>> = {};
      const headings = kind === 'icb-primary-care-measures' ? DMA_PRIMARY_CARE_COLUMNS : DMA_MEASURE_COLUMNS;
      for (const [measure, heading] of Object.entries(headings) as [MeasureId, string][]) {
        const value = read(col(heading), heading);
        if (value !== null) measures[measure] = value;
      }
      rows.push(
        kind === 'provider-measures' ? { ...base, provider, careSetting, measures } : { ...base, measures },
      );
    } else {
      const current = read(averages[0]!, 'the current year’s average');
      const previous = read(averages[1]!, 'the previous year’s average');
      rows.push(
        kind === 'provider-comparable-overall'
          ? { ...base, provider, careSetting, current, previous }
          : { ...base, current, previous },
      );
    }
  }
  return rows;
}
