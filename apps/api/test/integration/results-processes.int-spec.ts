/**
 * Two API processes on one PostgreSQL database: a return sealed through one is in the other's
 * results views at once (LISTEN/NOTIFY), not after the other's cached copy expires (30 s), also
 * after the listening connection was cut and came back.
 * Needs DATABASE_URL (two processes cannot share the embedded database); skipped, not passed, without.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IcsResults } from '@wgll/contracts';
import { RESULTS_CHANNEL, RESULTS_LISTENER_NAME } from '../../src/modules/result-store/results-changes.js';
import { type Client, clientWith } from './support/auth.js';
import {
  answer,
  createCycle,
  isoDay,
  returnsWorld,
  type ReturnsWorld,
  startReturns,
  upTo,
} from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

(process.env.DATABASE_URL ? describe : describe.skip)('results across API processes', () => {
  let first: TestApp;
  let second: TestApp;
  let world: ReturnsWorld;
  /** A national administrator signed in to the second process. */
  let viewer: Client;

  beforeAll(async () => {
    // One secret, as every process of a deployment has (AUTH_SECRET). Here it is also needed because
    // both apps run in one Node process, where passport's strategy is registered globally.
    const auth = { secret: randomBytes(48).toString('base64') };
    first = await startTestApp({ auth });
    second = await startTestApp({ auth });
    world = await returnsWorld(first);
    viewer = await clientWith(second, [{ role: 'national-administrator' }]);
  }, 180_000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  /** Starts RJ1's return in the cycle through the first process, answers, approves and submits it. */
  async function sealThroughFirst(cycleId: string): Promise<void> {
    const { created } = await startReturns(world.lead, 'RJ1', cycleId);
    const id = created[0]!.id;
    for (const domain of world.org.domains) {
      const res = await world.lead.put(`/api/returns/${id}/answers/${domain.id}`, answer(upTo(domain.id, 3)));
      expect(res.status).toBe(200);
    }
    expect((await world.lead.post(`/api/returns/${id}/ready`)).status).toBe(200);
    const approval = { meetingDate: isoDay(-1), minuteReference: 'B/1' };
    expect((await world.board.post(`/api/returns/${id}/approvals`, approval)).status).toBe(201);
    expect((await world.lead.post(`/api/returns/${id}/submit`)).status).toBe(200);
  }

  /** South East London's results in the cycle, read through the second process. */
  async function icsRowsThroughSecond(cycleId: string): Promise<string[][]> {
    const res = await viewer.get(`/api/ics/QKK/results?cycle=${cycleId}`);
    expect(res.status).toBe(200);
    return (res.body as IcsResults).rows.map((r) => [r.odsCode, r.source]);
  }

  /** Reads until the sealed row shows, for at most a second; what was read last. */
  async function pollSecond(cycleId: string): Promise<string[][]> {
    const until = Date.now() + 1000;
    let rows = await icsRowsThroughSecond(cycleId);
    while (rows.length === 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      rows = await icsRowsThroughSecond(cycleId);
    }
    return rows;
  }

  /** The backends listening for results changes on this database, by pid. */
  async function listeners(): Promise<number[]> {
    const rows = await first.dataSource.query<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1 AND query = $2 AND state = 'idle'`,
      [RESULTS_LISTENER_NAME, `LISTEN ${RESULTS_CHANNEL}`],
    );
    return rows.map((r) => r.pid);
  }

  it('a return sealed through one process is in the ICS view of the other within a second', async () => {
    const cycle = await createCycle(world.admin, world.org, world.sys);
    // The second process now holds the cycle with no results (kept for 30 s unless told).
    expect(await icsRowsThroughSecond(cycle.id)).toEqual([]);
    expect(await icsRowsThroughSecond(cycle.id)).toEqual([]);

    await sealThroughFirst(cycle.id);

    expect(await pollSecond(cycle.id)).toEqual([['RJ1', 'sealed']]);
  });

  it('each process listens again after its listening connection is cut', async () => {
    const before = await listeners();
    expect(before).toHaveLength(2);
    await first.dataSource.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
    // Both reconnect (after a second): two listening backends, neither of them a cut one.
    const until = Date.now() + 15_000;
    let after = await listeners();
    while (!(after.length === 2 && after.every((pid) => !before.includes(pid))) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await listeners();
    }
    expect(after).toHaveLength(2);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);

    const cycle = await createCycle(world.admin, world.org, world.sys);
    expect(await icsRowsThroughSecond(cycle.id)).toEqual([]);
    await sealThroughFirst(cycle.id);
    expect(await pollSecond(cycle.id)).toEqual([['RJ1', 'sealed']]);
  });
});
