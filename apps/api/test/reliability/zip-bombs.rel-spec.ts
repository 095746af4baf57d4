/**
 * Hostile files for the DMA import, built here: bombs with honest and lying sizes, too many entries,
 * many medium entries, a damaged zip, repeated names. Each must be refused with a 400 on `file`,
 * store nothing, and leave the server answering other requests while it is being refused.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, Cycle } from '@wgll/contracts';
import { DMA_2025_FILE } from '../../src/database/seed/published-results.js';
import { bombSheet, buildZip, type FixtureEntry } from '../../src/modules/imports/zip-fixtures.js';
import { unpackXlsx } from '../../src/modules/imports/zip-inspection.js';
import { type Client, clientWith } from '../integration/support/auth.js';
import { publishedRoundCycles } from '../integration/support/returns.js';
import { startTestApp, type TestApp } from '../integration/support/test-app.js';

const MB = 1024 * 1024;
let t: TestApp;
let admin: Client;
let cycle: Cycle;
let real: { name: string; data: Uint8Array }[];
const counts: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  cycle = await (await publishedRoundCycles(admin))();
  real = await unpackXlsx(readFileSync(DMA_2025_FILE));
}, 120_000);

afterAll(async () => {
  process.stdout.write(`\nZip bombs:\n${counts.map((c) => `  ${c}`).join('\n')}\n`);
  await t?.close();
});

/** The real file's entries with `sheet2.xml` replaced, and `extra` added. */
function realWith(sheet: Partial<FixtureEntry> | null, extra: FixtureEntry[] = []): Promise<Buffer> {
  return buildZip([
    ...real.map(({ name, data }) =>
      name === 'xl/worksheets/sheet2.xml' && sheet
        ? { name, content: bombSheet(300 * MB), ...sheet }
        : { name, content: Buffer.from(data) },
    ),
    ...extra,
  ]);
}

const cases: [string, () => Promise<Buffer>][] = [
  ['a sheet of 300 MB in a file of about 1 MB', () => realWith({})],
  ['the same, declaring a small size', () => realWith({ declaredSize: 134_879 })],
  ['the same, declaring 4 GB', () => realWith({ declaredSize: 0xffff_fffe })],
  ['a sheet of 1 GB', () => realWith({ content: bombSheet(1024 * MB) })],
  [
    '2,001 entries',
    () =>
      realWith(
        null,
        Array.from({ length: 2_001 }, (_, i) => ({ name: `xl/media/e${i}.bin`, content: Buffer.from('x') })),
      ),
  ],
  [
    '60 entries of 1 MB each (60 MB unpacked, compressed 4 to 1)',
    () =>
      realWith(
        null,
        Array.from({ length: 60 }, (_, i) => ({
          name: `xl/media/m${i}.bin`,
          content: Buffer.from(randomBytes(MB).map((b) => b & 3)),
        })),
      ),
  ],
  [
    'a 20 MB entry compressed far past the ratio',
    () => realWith(null, [{ name: 'xl/media/z.bin', content: Buffer.alloc(20 * MB) }]),
  ],
  ['a name twice', () => realWith(null, [{ name: 'xl/workbook.xml', content: Buffer.from('<workbook/>') }])],
  ['the real file cut in half', () => Promise.resolve(readFileSync(DMA_2025_FILE).subarray(0, 48_000))],
];

describe('hostile zip files as the DMA data file', () => {
  it.each(cases)(
    'refuses %s with a 400 on the file, stores nothing, and keeps answering',
    async (name, build) => {
      const file = await build();
      const before = await t.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM result_import',
      );
      const rss = process.memoryUsage().rss;
      let finished = false;
      const upload = admin.agent
        .post('/api/imports/dma')
        .set('x-csrf-token', admin.csrf)
        .field('cycleId', cycle.id)
        .attach('file', file, 'NHSE_DMA_2025_Data_Report.xlsx')
        .then((res) => {
          finished = true;
          return res;
        });
      // Other users' requests are answered while the file is being refused.
      let answered = 0;
      const probes = (async () => {
        do {
          const health = await t.http.get('/api/health');
          expect(health.status).toBe(200);
          answered += 1;
        } while (!finished);
      })();
      const [res] = await Promise.all([upload, probes]);
      expect(res.status).toBe(400);
      expect((res.body as ApiError).code).toBe('IMPORT_FILE_INVALID');
      expect((res.body as ApiError).errors?.[0]?.field).toBe('file');
      const after = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM result_import');
      expect(after[0]!.n).toBe(before[0]!.n);
      counts.push(
        `${name} (${(file.length / MB).toFixed(1)} MB): 400 "${(res.body as ApiError).errors?.[0]?.messages[0]}"; ` +
          `${answered} health checks answered meanwhile; memory +${Math.max(0, Math.round((process.memoryUsage().rss - rss) / MB))} MB`,
      );
    },
    180_000,
  );

  it('still imports the real file afterwards', async () => {
    const res = await admin.agent
      .post('/api/imports/dma')
      .set('x-csrf-token', admin.csrf)
      .field('cycleId', cycle.id)
      .attach('file', readFileSync(DMA_2025_FILE), 'NHSE_DMA_2025_Data_Report.xlsx');
    expect(res.status).toBe(201);
  }, 120_000);
});
