import type { ReadableReturn } from '@wgll/contracts';
import ExcelJS from 'exceljs';

const CARE_SETTINGS: Record<string, string> = {
  acute: 'Acute',
  community: 'Community',
  'mental-health': 'Mental health',
  ambulance: 'Ambulance',
};

const STATES: Record<ReadableReturn['state'], string> = {
  draft: 'Draft',
  'awaiting-approval': 'Awaiting board approval',
  approved: 'Approved by the board',
  submitted: 'Submitted',
};

const STATUS: Record<ReadableReturn['measures'][number]['domains'][number]['status'], string> = {
  scored: 'Scored',
  'not-applicable': 'Not applicable',
  unanswered: 'Not answered',
};

const CONFIDENCE = { low: 'Low', medium: 'Medium', high: 'High' } as const;

/** A score as the platform shows it: one decimal place; empty when there is none. */
const score = (value: number | null): number | string => (value === null ? '' : Math.round(value * 10) / 10);

/** "Guy's and St Thomas' (RJ1), acute, 2025/26". */
export function returnTitle(r: Pick<ReadableReturn, 'owner' | 'careSetting' | 'cycle' | 'level'>): string {
  const setting = r.careSetting ? CARE_SETTINGS[r.careSetting] : 'System (ICB)';
  return `${r.owner.name || r.owner.code} (${r.owner.code}), ${setting}, ${r.cycle.name}`;
}

function evidenceText(e: ReadableReturn['evidence'][number]): string {
  return e.kind === 'link' ? `${e.title} (${e.url ?? ''})` : `${e.title} (file: ${e.fileName ?? ''})`;
}

function addSheet(book: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[]) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ ...c, style: { alignment: { vertical: 'top', wrapText: true } } }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** A row with empty text left as an empty cell. */
function add(sheet: ExcelJS.Worksheet, values: (string | number | null)[]): void {
  sheet.addRow(values.map((value) => (value === '' ? null : value)));
}

/**
 * The return as a workbook: its measures, every domain with the elements met in words, each element
 * met on a row of its own, the evidence, and an "About this data" sheet saying what it is.
 */
export async function returnWorkbook(r: ReadableReturn): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'WGLL digital maturity platform';
  book.created = new Date(r.producedAt);

  const domains = addSheet(book, 'Domains', [
    { header: 'Measure', width: 24 },
    { header: 'Domain', width: 36 },
    { header: 'Status', width: 14 },
    { header: 'Level', width: 8 },
    { header: 'Elements met', width: 70 },
    { header: 'Comment', width: 50 },
    { header: 'Confidence', width: 12 },
    { header: 'Evidence', width: 50 },
  ]);
  const elements = addSheet(book, 'Elements met', [
    { header: 'Measure', width: 24 },
    { header: 'Domain', width: 36 },
    { header: 'Element level', width: 14 },
    { header: 'Element', width: 90 },
  ]);
  for (const m of r.measures) {
    for (const d of m.domains) {
      add(domains, [
        m.name,
        d.title,
        STATUS[d.status],
        d.level ?? '',
        d.met.length > 0
          ? d.met.map((e) => `Level ${e.level}: ${e.text}`).join('\n')
          : d.noneMet
            ? 'None of these is met yet'
            : '',
        d.comment,
        d.confidence ? CONFIDENCE[d.confidence] : '',
        d.evidence.map(evidenceText).join('\n'),
      ]);
      for (const e of d.met) add(elements, [m.name, d.title, e.level, e.text]);
    }
  }

  const measures = addSheet(book, 'Measures', [
    { header: 'Measure', width: 30 },
    { header: 'Score', width: 10 },
    { header: 'Domains', width: 10 },
  ]);
  for (const m of r.measures) add(measures, [m.name, score(m.score), m.domains.length]);
  add(measures, ['Overall', score(r.overall), '']);
  measures.getColumn(2).numFmt = '0.0';

  const evidence = addSheet(book, 'Evidence', [
    { header: 'Title', width: 40 },
    { header: 'Kind', width: 8 },
    { header: 'Link', width: 50 },
    { header: 'File name', width: 30 },
    { header: 'Cited by', width: 50 },
  ]);
  for (const e of r.evidence) {
    const citedBy = r.measures.flatMap((m) =>
      m.domains.filter((d) => d.evidence.some((x) => x.id === e.id)).map((d) => d.title),
    );
    add(evidence, [
      e.title,
      e.kind === 'link' ? 'Link' : 'File',
      e.url ?? '',
      e.fileName ?? '',
      citedBy.join('\n'),
    ]);
  }

  const about = addSheet(book, 'About this data', [
    { header: 'About this data', width: 28 },
    { header: '', width: 100 },
  ]);
  const approvals = r.approvals.map(
    (a) => `${a.approver}, board meeting ${a.meetingDate}, minute ${a.minuteReference}`,
  );
  const aboutRows: [string, string | number][] = [
    ['Return', returnTitle(r)],
    ['Revision', r.revision],
    ['State', r.seal ? `Sealed revision ${r.seal.revision} (submitted)` : STATES[r.state]],
    [
      'Source',
      r.seal
        ? `The sealed copy of revision ${r.seal.revision}, sealed ${r.seal.sealedAt} (submitted by ${r.seal.submittedBy}). Its canonical JSON, for verification, has SHA-256 ${r.seal.sha256}; this workbook is for reading and is not what the hash is computed from.`
        : 'The return’s answers on this platform as they are at the date produced (not a sealed copy: they may still change).',
    ],
    ['Framework', `${r.framework.title} (${r.framework.frameworkId}, version ${r.framework.version})`],
    ['Date produced', r.producedAt],
    ['Board approvals', approvals.length > 0 ? approvals.join('\n') : 'None recorded for this revision'],
    [
      'Level',
      'Each domain scores 1 to 5: the highest level whose elements are all met, with every lower level’s elements met too. Level 1 is where every domain starts.',
    ],
    [
      'Measure score',
      'The mean of its domains’ levels (not applicable domains left out), shown to one decimal place.',
    ],
    ['Overall', 'The mean of the seven measure scores; empty until every measure is complete.'],
    ['Elements met', 'The statements ticked as met, with the level each belongs to.'],
    ['Confidence', 'How sure the person answering was of the answer: low, medium or high.'],
    ['Evidence', 'Links and files cited by each answer; files are held on the platform.'],
  ];
  for (const row of aboutRows) add(about, row);
  about.getColumn(1).font = { bold: true };

  return Buffer.from(await book.xlsx.writeBuffer());
}
