import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RegionSummary } from '@wgll/contracts';
import { DataSource } from 'typeorm';
import { type Client, clientWith } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Always the embedded database (the risky one: PGlite is a single session); also the external
// PostgreSQL when DATABASE_URL is set, so both modes are held to the same rule.
const modes: Array<'embedded' | 'default'> = [
  'embedded',
  ...(process.env.DATABASE_URL ? (['default'] as const) : []),
];

describe.each(modes)('transaction isolation (%s database)', (mode) => {
  let t: TestApp;
  let dataSource: DataSource;
  let reader: Client;

  beforeAll(async () => {
    t = await startTestApp({ mode });
    dataSource = t.running.app.get(DataSource);
    reader = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y56' }]);
  }, 120_000);

  afterAll(async () => {
    await dataSource?.query(`DELETE FROM region WHERE ods_code LIKE 'YT%'`);
    await t?.close();
  });

  it('a rolled-back transaction leaves nothing, while another request writes and reads', async () => {
    const insert = (code: string) =>
      `INSERT INTO region (ods_code, name, ons_code) VALUES ('${code}', 'Test region ${code}', 'E40999999')`;

    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(insert('YT1'));

    // While that transaction is open: another unit of work writes and commits, and an HTTP
    // request reads. In embedded mode they wait for the connection; externally they run at once.
    const otherWrite = dataSource.transaction((manager) => manager.query(insert('YT2')));
    const otherRead = reader.get('/api/regions');
    await new Promise((resolve) => setTimeout(resolve, 200));

    await runner.rollbackTransaction();
    await runner.release();
    await otherWrite;
    const read = await otherRead;

    expect(read.status).toBe(200);
    expect((read.body as RegionSummary[]).map((r) => r.odsCode)).not.toContain('YT1');
    const rows = await dataSource.query<Array<{ ods_code: string }>>(
      `SELECT ods_code FROM region WHERE ods_code LIKE 'YT%' ORDER BY 1`,
    );
    expect(rows.map((r) => r.ods_code)).toEqual(['YT2']);
  }, 30_000);

  it('a failed transaction rolls back all of its writes', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO region (ods_code, name, ons_code) VALUES ('YT3', 'x', 'E40999999')`);
        await manager.query(
          `INSERT INTO region (ods_code, name, ons_code) VALUES ('YT3', 'duplicate', 'E40999999')`,
        );
      }),
    ).rejects.toThrow(/duplicate key/);
    const rows = await dataSource.query<unknown[]>(`SELECT 1 FROM region WHERE ods_code = 'YT3'`);
    expect(rows).toHaveLength(0);
  });
});
