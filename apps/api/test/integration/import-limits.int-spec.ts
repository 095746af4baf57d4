/**
 * Bounded imports: a zip bomb dressed as the DMA data file is refused with a 400 on the `file`
 * field, nothing is stored, and the server keeps answering other requests meanwhile.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, Cycle } from '@wgll/contracts';
import { DMA_2025_FILE } from '../../src/database/seed/published-results.js';
import { bombSheet, buildZip, type FixtureEntry } from '../../src/modules/imports/zip-fixtures.js';
import { unpackXlsx } from '../../src/modules/imports/zip-inspection.js';
import { type Client, clientWith } from './support/auth.js';
import { publishedRoundCycles } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: Client;
let cycle: Cycle;
const MB = 1024 * 1024;

/** The real 2025 file with its first pillar sheet replaced by `sheet` (lying about its size or not). */
async function dmaBomb(sheet: Partial<FixtureEntry>): Promise<Buffer> {
  const entries = await unpackXlsx(readFileSync(DMA_2025_FILE));
  return buildZip(
    entries.map(({ name, data }) =>
      name === 'xl/worksheets/sheet2.xml'
        ? { name, content: bombSheet(300 * MB), ...sheet }
        : { name, content: Buffer.from(data) },
    ),
  );
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  cycle = await (await publishedRoundCycles(admin))();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

function upload(content: Buffer) {
  return admin.agent
    .post('/api/imports/dma')
    .set('x-csrf-token', admin.csrf)
    .field('cycleId', cycle.id)
    .attach('file', content, 'NHSE_DMA_2025_Data_Report.xlsx');
}

const imports = async () =>
  Number(
    (
      await t.dataSource.query<Array<{ n: string }>>(
        'SELECT count(*) AS n FROM result_import WHERE cycle_id = $1',
        [cycle.id],
      )
    )[0]!.n,
  );

describe('a zip bomb uploaded as the DMA data file', () => {
  it('is refused with a 400 on the file while the server answers other requests', async () => {
    const bomb = await dmaBomb({});
    expect(bomb.length).toBeLessThan(2 * MB); // 300 MB unpacked
    // Refused from the zip's directory alone, before anything is inflated or parsed (the message
    // below says so); the server's responsiveness meanwhile is measured by npm run bench:import.
    const [refused, health] = await Promise.all([upload(bomb), t.http.get('/api/health')]);
    expect(refused.status).toBe(400);
    const body = refused.body as ApiError;
    expect(body.code).toBe('IMPORT_FILE_INVALID');
    expect(body.errors).toEqual([
      {
        field: 'file',
        messages: ['It would unpack to more than 50 MB: a DMA data file unpacks to a few MB.'],
      },
    ]);
    expect(health.status).toBe(200);
    expect(await imports()).toBe(0);
  });

  it('is refused when it lies about its size, as soon as it inflates past what it declared', async () => {
    const res = await upload(await dmaBomb({ declaredSize: 134_879 }));
    expect(res.status).toBe(400);
    expect((res.body as ApiError).errors).toEqual([
      {
        field: 'file',
        messages: ['The file is damaged: xl/worksheets/sheet2.xml holds more than its stated size.'],
      },
    ]);
    expect(await imports()).toBe(0);
    // The real file still imports after the refusals.
    expect((await upload(readFileSync(DMA_2025_FILE))).status).toBe(201);
  });
});
