import ExcelJS from 'exceljs';

/** One provider × care setting row of a DMA-shaped workbook: seven measure scores, then the comparable overall pair. */
export interface FixtureProvider {
  region: string;
  ics: string;
  provider: string;
  careSetting: 'Acute' | 'Community' | 'Mental Health' | 'Ambulance';
  /** Well Led … Healthy Populations, in the DMA's column order. */
  scores: number[];
  comparable?: [current: number, previous: number];
}

export interface FixtureIcb {
  region: string;
  ics: string;
  scores: number[];
  comparable?: [current: number, previous: number];
}

const MEASURES = [
  'Well Led',
  'Ensure Smart Foundations',
  'Safe Practice',
  'Support Workforce',
  'Empower People',
  'Improve Care',
  'Healthy Populations',
];

/**
 * A workbook shaped like NHS England's DMA data file (an introduction, then each table below a title
 * block, starting in column C), so the importer reads it as it reads the real file.
 */
export async function dmaWorkbook(providers: FixtureProvider[], icbs: FixtureIcb[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const intro = book.addWorksheet('Introduction');
  intro.getCell('C6').value = 'Digital Maturity Assessment 2025';
  intro.getCell('C7').value = 'Test Data Report';
  intro.getCell('C8').value = 'Publication date: ';
  intro.getCell('D8').value = '1 April 2026';
  const table = (name: string, title: string, headings: string[], rows: (string | number)[][]) => {
    const sheet = book.addWorksheet(name);
    sheet.getCell('C2').value = title;
    sheet.getCell('C9').value = 'England';
    sheet.getRow(11).values = [null, null, ...headings];
    rows.forEach((row, i) => (sheet.getRow(12 + i).values = [null, null, ...row]));
    sheet.getCell(`C${12 + rows.length + 2}`).value = 'Source: test fixture';
  };
  const withComparable = <T extends { comparable?: [number, number] }>(rows: T[]) =>
    rows.filter((r): r is T & { comparable: [number, number] } => r.comparable !== undefined);
  table(
    'SC - 2025 Pillar Summary',
    '2025 DMA: Secondary Care Provider Response Data',
    ['Region', 'ICS', 'Provider', 'Care Setting', ...MEASURES],
    providers.map((p) => [p.region, p.ics, p.provider, p.careSetting, ...p.scores]),
  );
  table(
    'SC - 24 vs 25 Overall DMA',
    '2024 and 2025 DMA: Secondary Care Provider Response Data',
    ['Region', 'ICS', 'Provider', 'Care Setting', '2025 Average', '2024 Average'],
    withComparable(providers).map((p) => [p.region, p.ics, p.provider, p.careSetting, ...p.comparable]),
  );
  table(
    'ICB - 2025 Pillar Summary',
    '2025 DMA: ICB Response Data',
    ['Region', 'ICS', ...MEASURES],
    icbs.map((i) => [i.region, i.ics, ...i.scores]),
  );
  table(
    'ICB -24 vs 25 Overall DMA ',
    '2024 and 2025 DMA: ICB Response Data',
    ['Region', 'ICS', '2025 Average', '2024 Average'],
    withComparable(icbs).map((i) => [i.region, i.ics, ...i.comparable]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
