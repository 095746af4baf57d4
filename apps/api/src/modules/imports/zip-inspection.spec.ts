import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { bombSheet, buildZip } from './zip-fixtures.js';
import { unpackXlsx, XLSX_LIMITS, ZipRefusedError } from './zip-inspection.js';

const DMA_2025 = resolve(
  import.meta.dirname,
  '../../../data/dma/NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx',
);
const MB = 1024 * 1024;

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof ZipRefusedError ? error.problem : `other: ${String(error)}`),
  );

describe('unpacking an .xlsx within limits', () => {
  it('unpacks the published 2025 file, well inside every limit', async () => {
    const file = readFileSync(DMA_2025);
    const entries = await unpackXlsx(file);
    const total = entries.reduce((sum, e) => sum + e.data.length, 0);
    expect(entries).toHaveLength(50);
    expect(total).toBe(492_308);
    expect(total * 50).toBeLessThan(XLSX_LIMITS.maxTotalBytes);
    expect(entries.find((e) => e.name === 'xl/workbook.xml')!.data.length).toBe(3411);
  }, 30_000);

  it('refuses a bomb by its declared sizes before inflating anything', async () => {
    // 200 MB of one repeated row deflates to about 200 KB.
    const bomb = await buildZip([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', content: bombSheet(200 * MB) },
    ]);
    expect(bomb.length).toBeLessThan(1 * MB);
    expect(await refusal(unpackXlsx(bomb))).toBe(
      'It would unpack to more than 50 MB: a DMA data file unpacks to a few MB.',
    );
  }, 60_000);

  it('refuses an entry compressed far more than a real workbook, even under the total limit', async () => {
    const bomb = await buildZip([{ name: 'xl/sharedStrings.xml', content: bombSheet(20 * MB) }]);
    expect(await refusal(unpackXlsx(bomb))).toMatch(
      /^Part of it \(xl\/sharedStrings.xml\) is compressed \d+ to 1, far more than a real workbook.$/,
    );
  }, 60_000);

  it('stops inflating an entry that lies about its size, as soon as it passes what it declared', async () => {
    const liar = await buildZip([
      { name: 'xl/worksheets/sheet1.xml', content: bombSheet(200 * MB), declaredSize: 1000 },
    ]);
    expect(await refusal(unpackXlsx(liar))).toBe(
      'The file is damaged: xl/worksheets/sheet1.xml holds more than its stated size.',
    );
    // Declaring more than it holds is refused too (a stored entry: yauzl sees it in the directory).
    const short = await buildZip([
      { name: 'xl/workbook.xml', content: Buffer.from('<workbook/>'), declaredSize: 5000, stored: true },
    ]);
    expect(await refusal(unpackXlsx(short))).toMatch(/damaged/);
  }, 60_000);

  it('refuses too many entries, from the central directory’s count alone', async () => {
    const many = await buildZip(
      Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_, i) => ({
        name: `xl/part${i}.xml`,
        content: Buffer.from('<x/>'),
        stored: true,
      })),
    );
    expect(await refusal(unpackXlsx(many))).toBe(
      'It holds 2001 parts, more than the 2000 a workbook may have.',
    );
  }, 30_000);

  it('refuses what is not a zip, and a name twice', async () => {
    expect(await refusal(unpackXlsx(Buffer.from('%PDF-1.4 not a zip')))).toBe(
      'The file is not an Excel workbook (.xlsx).',
    );
    const twice = await buildZip([
      { name: 'xl/workbook.xml', content: Buffer.from('<a/>') },
      { name: 'xl/workbook.xml', content: Buffer.from('<b/>') },
    ]);
    expect(await refusal(unpackXlsx(twice))).toBe('The file is damaged: it holds xl/workbook.xml twice.');
  });
});
