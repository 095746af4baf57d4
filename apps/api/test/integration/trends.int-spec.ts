/**
 * Progress over the years: a trust's trends across NHS England's published 2025 results (imported at
 * start) and two sealed cycles on two versions of a small framework whose second version has every
 * kind of lineage; England's medians; who may see them; bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, NationalTrends, TrustTrends } from '@wgll/contracts';
import type { FrameworkDomain, FrameworkVersion } from '@wgll/framework';
import { syntheticDomain } from '@wgll/framework/testing';
import { type Client, clientWith } from './support/auth.js';
import {
  answer,
  createCycle,
  isoDay,
  smallFramework,
  startReturns,
  upTo,
  uploadFrameworks,
} from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Imperial College Healthcare (acute, North West London): no other test seals a return for it. */
const TRUST = 'RYJ';

let t: TestApp;
let admin: Client;
let lead: Client;
let board: Client;
let v1: FrameworkVersion;
let v2: FrameworkVersion;
let first: { id: string; name: string };
let second: { id: string; name: string };

const domain = (id: string, measure: FrameworkDomain['measure'], lineage: FrameworkDomain['lineage']) => ({
  ...syntheticDomain(id, measure, [2, 2, 2, 2]),
  lineage,
});

/** Starts the trust's return in the cycle, answers every domain at `level`, approves and submits it. */
async function seal(cycleId: string, framework: FrameworkVersion, level: number): Promise<void> {
  const { created } = await startReturns(lead, TRUST, cycleId);
  const id = created[0]!.id;
  for (const d of framework.domains) {
    const res = await lead.put(`/api/returns/${id}/answers/${d.id}`, answer(upTo(d.id, level)));
    expect(res.status).toBe(200);
  }
  expect((await lead.post(`/api/returns/${id}/ready`)).status).toBe(200);
  const approval = { meetingDate: isoDay(-1), minuteReference: 'B/7' };
  expect((await board.post(`/api/returns/${id}/approvals`, approval)).status).toBe(201);
  expect((await lead.post(`/api/returns/${id}/submit`)).status).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp({ config: { seedPublishedResults: true } });
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: TRUST }]);
  board = await clientWith(t, [{ role: 'board-approver', scopeCode: TRUST }]);
  v1 = smallFramework('organisation');
  v1.domains.push(
    domain('improve-care-extra', 'improve-care', { id: 'improve-care-extra', relation: 'new' }),
  );
  const old = (measure: string) => `${measure}-d`;
  v2 = smallFramework('organisation', {
    frameworkId: v1.frameworkId,
    version: '2',
    domains: [
      domain(old('well-led'), 'well-led', { id: old('well-led'), relation: 'same' }),
      domain('smart-foundations-r', 'smart-foundations', {
        id: old('smart-foundations'),
        relation: 'reworded',
        note: 'Plainer words.',
      }),
      domain(old('safe-practice'), 'safe-practice', {
        id: old('safe-practice'),
        relation: 'changed',
        note: 'Level 2 now needs the standards met.',
      }),
      ...['a', 'b'].map((part) =>
        domain(`support-people-${part}`, 'support-people', {
          id: `support-people-${part}`,
          relation: 'split',
          from: [old('support-people')],
          note: 'In two parts.',
        }),
      ),
      domain(old('empower-citizens'), 'empower-citizens', { id: old('empower-citizens'), relation: 'same' }),
      domain('improve-care-merged', 'improve-care', {
        id: 'improve-care-merged',
        relation: 'merged',
        from: [old('improve-care'), 'improve-care-extra'],
        note: 'One domain now.',
      }),
      domain('healthy-populations-new', 'healthy-populations', {
        id: 'healthy-populations-new',
        relation: 'new',
      }),
    ],
  });
  v2.previousVersion = {
    version: '1',
    retired: [{ lineageId: old('healthy-populations'), reason: 'Replaced by a new domain.' }],
  };
  const sys = smallFramework('system');
  await uploadFrameworks(admin, v1, v2, sys);
  // Two years in a row that no other test (nor an earlier run on the same database) uses, so nothing
  // sits between these cycles.
  const year = 2100 + 2 * Math.floor(Math.random() * 400);
  first = await createCycle(admin, v1, sys, { referenceDate: `${year}-04-01` });
  second = await createCycle(admin, v2, sys, { referenceDate: `${year + 1}-04-01` });
  await seal(first.id, v1, 2);
  await seal(second.id, v2, 3);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

const series = (body: TrustTrends, key: string) => body.measures.find((m) => m.key === key)!.points;
/** The points of the cycles seeded at start (test files share the database and add cycles of their own). */
const seeded = <P extends { cycle: { name: string } }>(points: P[]) =>
  points.filter((p) => p.cycle.name === '2024/25' || p.cycle.name === '2025/26');

describe('a trust’s trends', () => {
  it('run from the published 2025 results through both sealed cycles, with a break at each change of instrument', async () => {
    const res = await lead.get(`/api/organisations/${TRUST}/trends?careSetting=acute`);
    expect(res.status).toBe(200);
    const body = res.body as TrustTrends;
    expect(body.organisation.odsCode).toBe(TRUST);
    expect(body.careSetting).toBe('acute');
    const wellLed = series(body, 'well-led');
    const published = wellLed.find((p) => p.cycle.name === '2025/26')!;
    expect(published).toMatchObject({ value: 4.3, instrument: { kind: 'published' } });
    const mine = wellLed.filter((p) => p.cycle.id === first.id || p.cycle.id === second.id);
    expect(mine.map((p) => [p.cycle.id, p.value])).toEqual([
      [first.id, 2],
      [second.id, 3],
    ]);
    // On a fresh database the point before is the published one (an earlier run may leave others).
    const before = wellLed[wellLed.indexOf(mine[0]!) - 1]!;
    expect(mine[0]!.break).not.toBeNull();
    if (before.cycle.name === '2025/26')
      expect(mine[0]!.break!.reason).toBe(
        `A different instrument: NHS England's published national assessment in 2025/26, our question bank ` +
          `(${v1.title}, version 1) in ${first.name}. They ask different questions, so the scores are not compared.`,
      );
    expect(mine[1]!.break!.reason).toBe(
      `The question bank changed from version 1 (${first.name}) to version 2 (${second.name}): its domains ` +
        `and levels differ, so the scores are not compared.`,
    );
    // Improve care in version 1 is the mean of its two domains, both at level 2.
    expect(series(body, 'improve-care').find((p) => p.cycle.id === first.id)!.value).toBe(2);
    expect(series(body, 'overall').find((p) => p.cycle.id === second.id)!.value).toBe(3);
    // NHS England's comparable overall, 2024/25 and 2025/26, a series of its own.
    // Published to 4 decimal places: 3.369 in 2024/25, 3.2738 in 2025/26.
    // (Other test files import the same workbook into cycles of their own: only the seeded ones here.)
    expect(
      seeded(series(body, 'comparable-overall')).map((p) => [p.cycle.name, p.value?.toFixed(4), p.break]),
    ).toEqual([
      ['2024/25', '3.3690', null],
      ['2025/26', '3.2738', null],
    ]);
    // Across two versions, no number: the label says why.
    expect(body.change).toMatchObject({
      previous: { id: first.id },
      current: { id: second.id },
      comparable: false,
      overall: null,
      measures: { 'well-led': null },
    });
    expect(body.change!.label).toMatch(/^The question bank changed from version 1/);
  });

  it('join domains through lineage: same and reworded join; changed, split and merged break; new starts', async () => {
    const body = (await lead.get(`/api/organisations/${TRUST}/trends`)).body as TrustTrends;
    // This test's framework only (earlier runs on the same database leave other frameworks' series).
    const ours = body.domains.filter((d) =>
      d.points.some((p) => p.cycle.id === first.id || p.cycle.id === second.id),
    );
    const byLineage = new Map(ours.map((d) => [d.lineageId, d]));
    const values = (id: string) =>
      byLineage
        .get(id)!
        .points.map((p) => [p.cycle.id === first.id ? 1 : 2, p.value, p.break?.reason ?? null]);
    expect(values('well-led-d')).toEqual([
      [1, 2, null],
      [2, 3, null],
    ]);
    expect(byLineage.get('smart-foundations-d')).toMatchObject({
      domainId: 'smart-foundations-r',
      title: 'Domain smart-foundations-r',
      relation: 'reworded',
    });
    expect(values('smart-foundations-d')).toEqual([
      [1, 2, null],
      [2, 3, null],
    ]);
    expect(values('safe-practice-d')[1]![2]).toBe(
      'The levels of this domain changed meaning in version 2: Level 2 now needs the standards met. ' +
        'The levels before and after are not compared.',
    );
    for (const part of ['support-people-a', 'support-people-b']) {
      expect(byLineage.get(part)!.points).toHaveLength(1);
      expect(byLineage.get(part)!.points[0]!.break).toEqual({
        reason:
          'Split from "Domain support-people-d" of version 1: In two parts. The levels before and after are not compared.',
        from: ['Domain support-people-d'],
      });
    }
    expect(byLineage.get('support-people-d')).toMatchObject({ ended: 'Split in version 2' });
    expect(byLineage.get('improve-care-merged')!.points[0]!.break!.from).toEqual([
      'Domain improve-care-d',
      'Domain improve-care-extra',
    ]);
    expect(byLineage.get('improve-care-extra')!.ended).toBe('Merged in version 2');
    expect(byLineage.get('healthy-populations-new')).toMatchObject({
      relation: 'new',
      points: [{ value: 3, break: null }],
    });
    expect(byLineage.get('healthy-populations-d')!.ended).toBe(
      'Retired in version 2: Replaced by a new domain.',
    );
  });

  it('for a trust with the published 2025 results only (Guy’s and St Thomas’, acute)', async () => {
    const trustLead = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
    const body = (await trustLead.get('/api/organisations/RJ1/trends?careSetting=acute')).body as TrustTrends;
    expect(series(body, 'well-led').find((p) => p.cycle.name === '2025/26')!.value).toBe(2.5);
    expect(seeded(series(body, 'comparable-overall')).map((p) => p.cycle.name)).toEqual([
      '2024/25',
      '2025/26',
    ]);
    expect(body.cycles.map((c) => c.name)).toEqual(expect.arrayContaining(['2024/25', '2025/26']));
  });
});

describe('England’s trends', () => {
  it('give the median per measure per cycle with the count, withheld below 5 organisations', async () => {
    const res = await lead.get('/api/national/trends?careSetting=acute');
    expect(res.status).toBe(200);
    const body = res.body as NationalTrends;
    const published = body.points.find((p) => p.cycle.name === '2025/26')!;
    expect(published.measures['well-led']).toMatchObject({ count: 134, suppressed: false });
    expect(published.measures['well-led'].median).toEqual(expect.any(Number));
    const sealed = body.points.find((p) => p.cycle.id === first.id)!;
    expect(sealed.measures['well-led']).toMatchObject({
      count: 1,
      suppressed: true,
      reason: 'anonymity',
      median: null,
    });
    expect(sealed.break?.reason).toMatch(/^A different instrument|^The question bank changed/);
  });
});

describe('access and input', () => {
  it('follows the trust results rule, and England’s needs a role that sees a trust', async () => {
    const otherIcs = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
    expect((await otherIcs.get(`/api/organisations/${TRUST}/trends`)).status).toBe(403);
    const nwl = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QRV' }]);
    expect((await nwl.get(`/api/organisations/${TRUST}/trends?at=2025-06-30`)).status).toBe(200);
    const nobody = await clientWith(t, []);
    expect((await nobody.get('/api/national/trends')).status).toBe(403);
    expect((await otherIcs.get('/api/national/trends')).status).toBe(200);
  });

  it('shows each cycle only to whoever may see the trust’s results of that cycle (its hierarchy then)', async () => {
    // Imperial (RYJ) was in North West London (QRV) until March 2026 and is in Z9B2Z since.
    const successorLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'Z9B2Z' }]);
    const predecessorLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QRV' }]);
    const every = (
      (await admin.get(`/api/organisations/${TRUST}/trends?careSetting=acute`)).body as TrustTrends
    ).cycles;
    for (const [client, at] of [
      [successorLead, ''],
      [predecessorLead, '&at=2025-06-30'],
    ] as const) {
      const res = await client.get(`/api/organisations/${TRUST}/trends?careSetting=acute${at}`);
      expect(res.status).toBe(200);
      const shown = new Set((res.body as TrustTrends).cycles.map((c) => c.id));
      for (const cycle of every) {
        if (cycle.id === null) continue; // 2024/25: a figure carried by the 2025/26 file, not a cycle
        const results = await client.get(
          `/api/organisations/${TRUST}/results?cycle=${cycle.id}&careSetting=acute`,
        );
        expect([cycle.name, shown.has(cycle.id)]).toEqual([cycle.name, results.status === 200]);
      }
    }
    const names = async (client: Client, at: string) =>
      (
        (await client.get(`/api/organisations/${TRUST}/trends?careSetting=acute${at}`)).body as TrustTrends
      ).cycles.map((c) => c.id);
    expect(await names(successorLead, '')).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(await names(successorLead, '')).not.toContain(every.find((c) => c.name === '2025/26')!.id);
    expect(await names(predecessorLead, '&at=2025-06-30')).not.toContain(first.id);
  });

  it('answers 400 with a field message for a bad care setting and 404 for an unknown organisation', async () => {
    const bad = await lead.get(`/api/organisations/${TRUST}/trends?careSetting=dental`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('careSetting must be one of acute, community');
    expect((await admin.get('/api/national/trends?careSetting=1')).status).toBe(400);
    const missing = await admin.get('/api/organisations/ZZZ99/trends');
    expect(missing.status).toBe(404);
    expect((missing.body as ApiError).code).toBe('ORGANISATION_NOT_FOUND');
  });
});
