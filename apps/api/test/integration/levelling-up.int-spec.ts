/**
 * Levelling up (issue 19): the ICS lead's domain-level heatmap and common gaps from its members'
 * sealed returns, and a region's named lists (below the threshold, declining since the last
 * comparable cycle), on NHS England's published 2025 results (imported at start) and on two later
 * cycles of sealed returns on one framework version (after a cycle on another version, the year
 * before). Figures are worked out by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiError,
  AreaResults,
  Cycle,
  IcsDomainLevels,
  IcsResults,
  RegionWatchLists,
  ResultCycleList,
  TrustResults,
  WatchListMeasure,
} from '@wgll/contracts';
import { MEASURE_IDS, type FrameworkVersion } from '@wgll/framework';
import { anonymousClient, type Client, clientWith } from './support/auth.js';
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

let t: TestApp;
let admin: Client;
let icsLead: Client;
let regionViewer: Client;
let org: FrameworkVersion;
/** Two cycles of sealed returns on one framework version, a year apart. */
let first: Cycle;
let second: Cycle;
let published: { id: string; referenceDate: string };

type Answer = string[] | 'n/a';

/** Starts a trust's return in the cycle, answers each domain, and (unless `draft`) seals it. */
async function returnOf(
  cycle: Cycle,
  code: string,
  met: (domainId: string) => Answer,
  { draft = false, careSetting = 'acute', framework = org } = {},
): Promise<void> {
  const lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: code }]);
  const board = await clientWith(t, [{ role: 'board-approver', scopeCode: code }]);
  const { created } = await startReturns(lead, code, cycle.id, { careSettings: [careSetting] });
  const id = created[0]!.id;
  for (const d of framework.domains) {
    const m = met(d.id);
    const body = m === 'n/a' ? answer([], { notApplicable: true }) : answer(m, { noneMet: m.length === 0 });
    const res = await lead.put(`/api/returns/${id}/answers/${d.id}`, body);
    expect(res.status).toBe(200);
  }
  if (draft) return;
  expect((await lead.post(`/api/returns/${id}/ready`)).status).toBe(200);
  const approval = { meetingDate: isoDay(-1), minuteReference: 'B/19' };
  expect((await board.post(`/api/returns/${id}/approvals`, approval)).status).toBe(201);
  expect((await lead.post(`/api/returns/${id}/submit`)).status).toBe(200);
}

// Three years (the one before YEAR, YEAR and the one after) no other file uses, nor another run on
// the same database (each run takes a block of three): another cycle between these would be the
// cycle before.
const YEAR = 3001 + Math.floor(Math.random() * 2000) * 3;

beforeAll(async () => {
  t = await startTestApp({ config: { seedPublishedResults: true } });
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  icsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
  regionViewer = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y56' }]);
  org = smallFramework('organisation');
  const sys = smallFramework('system');
  await uploadFrameworks(admin, org, sys);
  // The year before, on another question bank: Guy's and St Thomas' (RJ1) sealed a return at level 4
  // and Barts Health (R1H) at 2; RJ2 and RJZ none. The cycle before the first, never comparable with it.
  const other = smallFramework('organisation');
  await uploadFrameworks(admin, other);
  const zeroth = await createCycle(admin, other, sys, { referenceDate: `${YEAR - 1}-04-01` });
  await returnOf(zeroth, 'RJ1', (d) => upTo(d, 4), { framework: other });
  await returnOf(zeroth, 'R1H', (d) => upTo(d, 2), { framework: other });
  first = await createCycle(admin, org, sys, { referenceDate: `${YEAR}-04-01` });
  second = await createCycle(admin, org, sys, { referenceDate: `${YEAR + 1}-04-01` });
  const cycles = (await admin.get('/api/results/cycles')).body as ResultCycleList;
  published = cycles.items.find((c) => c.name === '2025/26')!;

  // The first cycle: Guy's and St Thomas' (RJ1) at level 2 everywhere; Lewisham and Greenwich (RJ2),
  // King's College (RJZ) and Barts Health (R1H, North East London QMF) at 3.
  await returnOf(first, 'RJ1', (d) => upTo(d, 2));
  await returnOf(first, 'RJ2', (d) => upTo(d, 3));
  await returnOf(first, 'RJZ', (d) => upTo(d, 3));
  await returnOf(first, 'R1H', (d) => upTo(d, 3));

  // The second cycle. RJ1: well led not applicable; safe practice meets level 4 but one level-3
  // element short (gated at 2); level 3 elsewhere. RJ2: level 2 everywhere, one level-3 element of
  // smart foundations met. RJZ: level 4. R1H: nothing met (level 1). Oxleas (RPG): a draft at 5.
  await returnOf(second, 'RJ1', (d) =>
    d === 'well-led-d'
      ? 'n/a'
      : d === 'safe-practice-d'
        ? upTo(d, 4).filter((e) => e !== `${d}-l3-e2`)
        : upTo(d, 3),
  );
  await returnOf(second, 'RJ2', (d) =>
    d === 'smart-foundations-d' ? [...upTo(d, 2), `${d}-l3-e1`] : upTo(d, 2),
  );
  await returnOf(second, 'RJZ', (d) => upTo(d, 4));
  await returnOf(second, 'R1H', () => []);
  await returnOf(second, 'RPG', (d) => upTo(d, 5), { draft: true, careSetting: 'mental-health' });
}, 400_000);

afterAll(async () => {
  await t?.close();
});

const cellsOf = (body: IcsDomainLevels, code: string) => {
  const column = body.organisations.findIndex((o) => o.code === code);
  expect(column).toBeGreaterThanOrEqual(0);
  return Object.fromEntries(body.domains.map((d) => [d.domainId, d.cells[column]]));
};

describe('GET /api/ics/:code/domain-levels', () => {
  let body: IcsDomainLevels;
  beforeAll(async () => {
    const res = await icsLead.get(`/api/ics/QKK/domain-levels?cycle=${second.id}&careSetting=acute`);
    expect(res.status).toBe(200);
    body = res.body as IcsDomainLevels;
  });

  it("shows each member's gated domain levels from its sealed return", () => {
    expect(body).toMatchObject({
      ics: { code: 'QKK' },
      cycle: { id: second.id, referenceDate: `${YEAR + 1}-04-01` },
      careSetting: 'acute',
      measure: null,
      sealed: 3,
      gapsWithheld: false,
    });
    expect(body.domains.map((d) => d.domainId)).toEqual(MEASURE_IDS.map((m) => `${m}-d`));
    const level = (level: number) => ({ kind: 'level', level });
    expect(cellsOf(body, 'RJ1')).toEqual({
      'well-led-d': { kind: 'not-applicable' },
      'smart-foundations-d': level(3),
      'safe-practice-d': level(2),
      'support-people-d': level(3),
      'empower-citizens-d': level(3),
      'improve-care-d': level(3),
      'healthy-populations-d': level(3),
    });
    expect(Object.values(cellsOf(body, 'RJ2'))).toEqual(MEASURE_IDS.map(() => level(2)));
    expect(Object.values(cellsOf(body, 'RJZ'))).toEqual(MEASURE_IDS.map(() => level(4)));
    // Every other acute member has no sealed return in the cycle; no other ICS's organisation shows.
    for (const o of body.organisations.filter((o) => !['RJ1', 'RJ2', 'RJZ'].includes(o.code))) {
      expect(o.sealed).toBe(false);
      expect(Object.values(cellsOf(body, o.code))).toEqual(MEASURE_IDS.map(() => ({ kind: 'no-return' })));
    }
    expect(body.organisations.some((o) => o.code === 'R1H')).toBe(false);
  });

  it('names the common gaps: met by 1 of 3, a gap of the other 2 within their next level', () => {
    // Safe practice level 3 element 2: RJ1 (level 2) and RJ2 (level 2) lack it, RJZ meets it. Every
    // other element is a gap of at most one organisation (RJ1's well led is not applicable).
    expect(body.commonGaps).toEqual([
      expect.objectContaining({
        domainId: 'safe-practice-d',
        elementId: 'safe-practice-d-l3-e2',
        level: 3,
        unmet: 2,
        met: 1,
        of: 3,
      }),
    ]);
  });

  it('filters the domains and the gaps by measure', async () => {
    const res = await icsLead.get(
      `/api/ics/QKK/domain-levels?cycle=${second.id}&careSetting=acute&measure=well-led`,
    );
    expect(res.status).toBe(200);
    const filtered = res.body as IcsDomainLevels;
    expect(filtered.measure).toBe('well-led');
    expect(filtered.domains.map((d) => d.domainId)).toEqual(['well-led-d']);
    expect(filtered.commonGaps).toEqual([]);
  });

  it('never shows a draft: a care setting with only a draft has no sealed return', async () => {
    const res = await icsLead.get(`/api/ics/QKK/domain-levels?cycle=${second.id}&careSetting=mental-health`);
    expect(res.status).toBe(200);
    const mh = res.body as IcsDomainLevels;
    expect(mh.sealed).toBe(0);
    expect(mh.organisations.find((o) => o.code === 'RPG')).toMatchObject({ sealed: false });
    expect(mh.domains).toEqual([]);
    expect(mh).toMatchObject({ commonGaps: [], gapsWithheld: true });
  });

  it('gives counts only from fewer than 3 organisations', async () => {
    const res = await admin.get(`/api/ics/QMF/domain-levels?cycle=${second.id}&careSetting=acute`);
    expect(res.status).toBe(200);
    const qmf = res.body as IcsDomainLevels;
    expect(qmf).toMatchObject({ sealed: 1, commonGaps: [], gapsWithheld: true });
    expect(Object.values(cellsOf(qmf, 'R1H'))).toEqual(MEASURE_IDS.map(() => ({ kind: 'level', level: 1 })));
  });

  it("says where the cycle's results come from: published results have no domain levels", async () => {
    const res = await icsLead.get(`/api/ics/QKK/domain-levels?cycle=${published.id}`);
    expect(res.status).toBe(200);
    expect(res.body as IcsDomainLevels).toMatchObject({ resultsSource: 'published', sealed: 0, domains: [] });
  });

  it("is for the ICS's lead, its region and national administrators; refused to others", async () => {
    const path = `/api/ics/QKK/domain-levels?cycle=${second.id}`;
    expect((await regionViewer.get(path)).status).toBe(200);
    expect((await admin.get(path)).status).toBe(200);
    const other = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QMF' }]);
    expect((await other.get(path)).status).toBe(403);
    for (const role of ['trust-lead', 'trust-contributor', 'board-approver'] as const) {
      const trust = await clientWith(t, [{ role, scopeCode: 'RJ1' }]);
      expect((await trust.get(path)).status).toBe(403);
    }
    expect((await (await anonymousClient(t)).get(path)).status).toBe(401);
  });

  it('answers 400 with field messages for bad input, 404 for an unknown ICS or cycle', async () => {
    const bad = await admin.get('/api/ics/QKK/domain-levels?measure=speed&careSetting=space');
    expect(bad.status).toBe(400);
    expect((bad.body as ApiError).code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.body)).toContain('measure must be one of');
    expect(JSON.stringify(bad.body)).toContain('careSetting must be one of');
    const unknown = await admin.get('/api/ics/QKK/domain-levels?cycle=00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect((await admin.get(`/api/ics/QZZ/domain-levels?cycle=${second.id}`)).status).toBe(404);
  });
});

const listOf = (body: RegionWatchLists, key: WatchListMeasure['key']) =>
  body.measures.find((m) => m.key === key)!;
const codes = (rows: { organisation: { code: string } }[]) => rows.map((r) => r.organisation.code);

describe('GET /api/regions/:code/watch-lists on sealed returns', () => {
  let body: RegionWatchLists;
  beforeAll(async () => {
    const res = await regionViewer.get(
      `/api/regions/Y56/watch-lists?cycle=${second.id}&careSetting=acute&threshold=2.5`,
    );
    expect(res.status).toBe(200);
    body = res.body as RegionWatchLists;
  });

  it('lists the organisations below the threshold, lowest first', () => {
    expect(body).toMatchObject({ source: 'sealed', careSetting: 'acute', threshold: 2.5, organisations: 4 });
    // Overall: R1H 1, RJ2 2, RJ1 17/6 (six measures, well led not applicable), RJZ 4.
    expect(listOf(body, 'overall').below).toEqual({
      of: 4,
      organisations: [
        expect.objectContaining({ organisation: expect.objectContaining({ code: 'R1H' }), score: 1 }),
        expect.objectContaining({ organisation: expect.objectContaining({ code: 'RJ2' }), score: 2 }),
      ],
    });
    expect(listOf(body, 'overall').below.organisations[0]!.ics.code).toBe('QMF');
    // Safe practice: R1H 1, then RJ1 and RJ2 at 2 (by name).
    expect(codes(listOf(body, 'safe-practice').below.organisations)).toEqual(['R1H', 'RJ1', 'RJ2']);
    // Well led: RJ1 has no score (not applicable).
    expect(listOf(body, 'well-led').below.of).toBe(3);
  });

  it('lists the organisations declining since the cycle before, like for like', () => {
    // Overall: RJ1 2 → 17/6 and RJZ 3 → 4 rise; R1H 3 → 1 and RJ2 3 → 2 fall.
    const overall = listOf(body, 'overall').declining;
    expect(overall).toMatchObject({ comparable: 4, notComparable: 0 });
    expect(overall.organisations.map((o) => [o.organisation.code, o.previous, o.current, o.change])).toEqual([
      ['R1H', 3, 1, -2],
      ['RJ2', 3, 2, -1],
    ]);
    expect(overall.organisations[0]!.previousCycleName).toBe(first.name);
    // Well led: RJ1's is not applicable now, so it is not compared.
    const wellLed = listOf(body, 'well-led').declining;
    expect(wellLed.comparable).toBe(3);
    expect(codes(wellLed.organisations)).toEqual(['R1H', 'RJ2']);
  });

  it('never compares across instruments: the first cycle against the year before, on another question bank', async () => {
    const res = await regionViewer.get(`/api/regions/Y56/watch-lists?cycle=${first.id}&careSetting=acute`);
    expect(res.status).toBe(200);
    const earlier = res.body as RegionWatchLists;
    // RJ1 and R1H have a figure in the year before, on another question bank: not comparable, so RJ1
    // (4 then, 2 now) is not declining. RJ2 and RJZ have none: neither comparable nor not.
    expect(earlier.measures.map((m) => [m.key, m.declining.organisations, m.declining.comparable])).toEqual(
      [...MEASURE_IDS, 'overall'].map((key) => [key, [], 0]),
    );
    expect(earlier.measures.map((m) => m.declining.notComparable)).toEqual(
      [...MEASURE_IDS, 'overall'].map(() => 2),
    );
  });

  it('is for the region and national administrators; refused to others', async () => {
    const path = `/api/regions/Y56/watch-lists?cycle=${second.id}`;
    expect((await admin.get(path)).status).toBe(200);
    const other = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y61' }]);
    expect((await other.get(path)).status).toBe(403);
    expect((await icsLead.get(path)).status).toBe(403);
    const lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
    expect((await lead.get(path)).status).toBe(403);
    expect((await (await anonymousClient(t)).get(path)).status).toBe(401);
  });

  it('answers 400 with a field message for a bad threshold, 404 for an unknown region', async () => {
    const res = await admin.get(`/api/regions/Y56/watch-lists?cycle=${second.id}&threshold=7`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('threshold must be a number from 1 to 5');
    expect((await admin.get(`/api/regions/Y99/watch-lists?cycle=${second.id}`)).status).toBe(404);
  });
});

describe('GET /api/regions/:code/watch-lists on the published 2025 results', () => {
  it("names the region's organisations below the threshold, as its ICSs' results show them", async () => {
    const q = `cycle=${published.id}&careSetting=acute`;
    const res = await regionViewer.get(`/api/regions/Y56/watch-lists?${q}&threshold=2.5`);
    expect(res.status).toBe(200);
    const body = res.body as RegionWatchLists;
    expect(body.source).toBe('published');
    // Every acute organisation of the region's ICSs with its published well-led score, worked out here.
    const region = (await admin.get(`/api/regions/Y56/results?${q}`)).body as AreaResults;
    const rows = [];
    for (const g of region.groups) {
      const ics = (await admin.get(`/api/ics/${g.code}/results?${q}&at=${published.referenceDate}`))
        .body as IcsResults;
      rows.push(...ics.rows.filter((r) => r.measures['well-led'] !== null));
    }
    const expected = rows
      .filter((r) => r.measures['well-led']! < 2.5)
      .sort((a, b) => a.measures['well-led']! - b.measures['well-led']! || a.name.localeCompare(b.name));
    const wellLed = listOf(body, 'well-led').below;
    expect(wellLed.of).toBe(rows.length);
    expect(wellLed.of).toBe(region.belowThreshold['well-led'].of);
    expect(wellLed.organisations.length).toBe(region.belowThreshold['well-led'].count);
    expect(codes(wellLed.organisations)).toEqual(expected.map((r) => r.odsCode));
    expect(wellLed.organisations.map((o) => o.score)).toEqual(expected.map((r) => r.measures['well-led']));
  });

  it("lists those declining on NHS England's comparable overall, each as its own results say", async () => {
    const res = await regionViewer.get(
      `/api/regions/Y56/watch-lists?cycle=${published.id}&careSetting=acute`,
    );
    const overall = listOf(res.body as RegionWatchLists, 'overall').declining;
    // As many compared, and as many declining, as the region's results count moving on it.
    const region = (await admin.get(`/api/regions/Y56/results?cycle=${published.id}&careSetting=acute`))
      .body as AreaResults;
    const movement = region.movement!.area;
    expect(movement.suppressed).toBe(false);
    expect(overall).toMatchObject({ comparable: movement.count, notComparable: 0 });
    expect(overall.organisations).toHaveLength(movement.declined!);
    expect(overall.label).toContain('domains asked in both years');
    // No measure has an earlier published figure: nothing to compare.
    expect(listOf(res.body as RegionWatchLists, 'well-led').declining.comparable).toBe(0);
    for (const o of overall.organisations) expect(o.current).toBeLessThan(o.previous);
    const firstDown = overall.organisations[0];
    if (firstDown) {
      const trust = (
        await admin.get(
          `/api/organisations/${firstDown.organisation.code}/results?cycle=${published.id}&careSetting=acute`,
        )
      ).body as TrustResults;
      expect(trust.comparableOverall).toMatchObject({
        current: firstDown.current,
        previous: firstDown.previous,
      });
    }
  });
});
