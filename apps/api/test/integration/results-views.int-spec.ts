/**
 * The results views on a small published fixture whose aggregates are worked out by hand below,
 * who sees what (named peers only in the trust's own ICS, suppression below 5, drafts never), and a
 * sealed return's scores appearing in the views of a cycle without published results.
 */
import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiError,
  AreaResults,
  Cycle,
  IcsCompletion,
  IcsResults,
  ImportDetail,
  RegionCompletion,
  ResultCycleList,
  TrustResults,
} from '@wgll/contracts';
import { type Client, clientWith } from './support/auth.js';
import { dmaWorkbook, type FixtureProvider } from './support/dma-workbook.js';
import {
  answer,
  createCycle,
  getReturn,
  isoDay,
  returnsWorld,
  type ReturnsWorld,
  startReturns,
  upTo,
} from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const LONDON = 'LONDON';
const SEL = 'NHS SOUTH EAST LONDON INTEGRATED CARE BOARD'; // QKK
const NCL = 'NHS NORTH CENTRAL LONDON INTEGRATED CARE BOARD'; // QMJ
const NWL = 'NHS NORTH WEST LONDON INTEGRATED CARE BOARD'; // QRV
const BLMK = 'NHS BEDFORDSHIRE, LUTON AND MILTON KEYNES INTEGRATED CARE BOARD'; // QHG

/** Seven measures: Well Led = w, Empower People = 1, the rest 3. */
const scores = (w: number) => [w, 3, 3, 3, 1, 3, 3];

/**
 * Acute Well Led across England: 1, 2, 2.5, 3, 4, 5 (six providers).
 *   median (2.5 + 3) / 2 = 2.75; lower quartile at position 1.25: 2 + 0.25 × 0.5 = 2.125;
 *   upper quartile at position 3.75: 3 + 0.75 × 1 = 3.75.
 * South East London acute: RJ1 2, RJZ 3, RJ2 4 → median 3. North Central London: RAL 1, RRV 5 → median 3.
 * London acute below 2.5: RJ1 and RAL → 2 of 5; below 3.5: RJ1, RJZ, RAL → 3 of 5.
 * Comparable overall (2025 vs 2024), London acute: RJ1 +0.5, RJZ 0, RJ2 −0.5, RAL +0.5, RRV +0.5
 *   → improved 3, declined 1, unchanged 1, mean change 1 / 5 = 0.2.
 * One ambulance provider in England (RRU): its national distribution has fewer than 5 → suppressed.
 * Community: exactly 5 in England (shown); mental health: exactly 4 (suppressed).
 */
const PROVIDERS: FixtureProvider[] = [
  {
    region: LONDON,
    ics: SEL,
    provider: "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST",
    careSetting: 'Acute',
    scores: scores(2),
    comparable: [2.5, 2],
  },
  {
    region: LONDON,
    ics: SEL,
    provider: "KING'S COLLEGE HOSPITAL NHS FOUNDATION TRUST",
    careSetting: 'Acute',
    scores: scores(3),
    comparable: [3, 3],
  },
  {
    region: LONDON,
    ics: SEL,
    provider: 'LEWISHAM AND GREENWICH NHS TRUST',
    careSetting: 'Acute',
    scores: scores(4),
    comparable: [3, 3.5],
  },
  {
    region: LONDON,
    ics: SEL,
    provider: 'LEWISHAM AND GREENWICH NHS TRUST',
    careSetting: 'Community',
    scores: scores(2),
  },
  {
    region: LONDON,
    ics: SEL,
    provider: 'SOUTH LONDON AND MAUDSLEY NHS FOUNDATION TRUST',
    careSetting: 'Mental Health',
    scores: scores(3.5),
  },
  {
    region: LONDON,
    ics: NCL,
    provider: 'ROYAL FREE LONDON NHS FOUNDATION TRUST',
    careSetting: 'Acute',
    scores: scores(1),
    comparable: [1.5, 1],
  },
  {
    region: LONDON,
    ics: NCL,
    provider: 'UNIVERSITY COLLEGE LONDON HOSPITALS NHS FOUNDATION TRUST',
    careSetting: 'Acute',
    scores: scores(5),
    comparable: [4.5, 4],
  },
  {
    region: LONDON,
    ics: NWL,
    provider: 'LONDON AMBULANCE SERVICE NHS TRUST',
    careSetting: 'Ambulance',
    scores: scores(2),
  },
  {
    region: 'EAST OF ENGLAND',
    ics: BLMK,
    provider: 'BEDFORDSHIRE HOSPITALS NHS FOUNDATION TRUST',
    careSetting: 'Acute',
    scores: scores(2.5),
    comparable: [2.5, 2.5],
  },
  ...[
    [
      'NHS CAMBRIDGESHIRE AND PETERBOROUGH INTEGRATED CARE BOARD',
      'CAMBRIDGESHIRE COMMUNITY SERVICES NHS TRUST',
    ],
    ['NHS HERTFORDSHIRE AND WEST ESSEX INTEGRATED CARE BOARD', 'HERTFORDSHIRE COMMUNITY NHS TRUST'],
    ['NHS NORFOLK AND WAVENEY INTEGRATED CARE BOARD', 'NORFOLK COMMUNITY HEALTH AND CARE NHS TRUST'],
  ].map(([ics, provider]) => ({
    region: 'EAST OF ENGLAND',
    ics: ics!,
    provider: provider!,
    careSetting: 'Community' as const,
    scores: scores(3),
  })),
  {
    region: 'MIDLANDS',
    ics: 'NHS BIRMINGHAM AND SOLIHULL INTEGRATED CARE BOARD',
    provider: 'BIRMINGHAM COMMUNITY HEALTHCARE NHS FOUNDATION TRUST',
    careSetting: 'Community',
    scores: scores(3),
  },
  ...[
    [
      'EAST OF ENGLAND',
      'NHS HERTFORDSHIRE AND WEST ESSEX INTEGRATED CARE BOARD',
      'HERTFORDSHIRE PARTNERSHIP UNIVERSITY NHS FOUNDATION TRUST',
    ],
    [
      'EAST OF ENGLAND',
      'NHS NORFOLK AND WAVENEY INTEGRATED CARE BOARD',
      'NORFOLK AND SUFFOLK NHS FOUNDATION TRUST',
    ],
    [
      'MIDLANDS',
      'NHS BIRMINGHAM AND SOLIHULL INTEGRATED CARE BOARD',
      'BIRMINGHAM AND SOLIHULL MENTAL HEALTH NHS FOUNDATION TRUST',
    ],
  ].map(([region, ics, provider]) => ({
    region: region!,
    ics: ics!,
    provider: provider!,
    careSetting: 'Mental Health' as const,
    scores: scores(3),
  })),
];
const ICBS = [
  { region: LONDON, ics: SEL, scores: [2, 4, 2, 2, 3, 2, 2], comparable: [2.8, 2.6] as [number, number] },
  { region: LONDON, ics: NCL, scores: [3, 3, 3, 3, 3, 3, 3] },
  { region: 'EAST OF ENGLAND', ics: BLMK, scores: [1.5, 3, 3, 3, 3, 3, 3] },
];

/** A share below the threshold as shown, and as withheld from fewer than 3 organisations. */
const shareOf = (count: number, of: number) => ({
  count,
  of,
  share: count / of,
  suppressed: false,
  reason: null,
});
const tooFewShare = (of: number) => ({ count: null, of, share: null, suppressed: true, reason: 'too-few' });
/** A movement withheld from fewer than 3 organisations: only how many. */
const tooFewMovement = (count: number) => ({
  count,
  suppressed: true,
  reason: 'too-few',
  ...Object.fromEntries(
    ['improved', 'declined', 'unchanged', 'meanChange', 'previousMean', 'currentMean'].map((k) => [k, null]),
  ),
});

let t: TestApp;
let admin: Client;
let cycle: Cycle;
let q: string;

beforeAll(async () => {
  t = await startTestApp();
  const world = await returnsWorld(t);
  admin = world.admin;
  // Open, so a trust can also have a draft in it; the hierarchy of 1 April 2025 (42 ICBs).
  cycle = await createCycle(admin, world.org, world.sys, { referenceDate: '2025-04-01' });
  const res = await admin.agent
    .post('/api/imports/dma')
    .set('x-csrf-token', admin.csrf)
    .field('cycleId', cycle.id)
    .attach('file', await dmaWorkbook(PROVIDERS, ICBS), 'fixture.xlsx');
  expect(res.body as ImportDetail).toMatchObject({ state: 'applied', providerRows: 16, icbRows: 3 });
  q = `cycle=${cycle.id}&at=${cycle.referenceDate}`;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const as = (role: Parameters<typeof clientWith>[1][number]) => clientWith(t, [role]);

describe('a trust’s results', () => {
  it('compares each measure with its ICS and England in the same care setting, by quarter', async () => {
    const lead = await as({ role: 'trust-lead', scopeCode: 'RJ1' });
    const res = await lead.get(`/api/organisations/RJ1/results?${q}`);
    expect(res.status).toBe(200);
    const body = res.body as TrustResults;
    expect(body).toMatchObject({
      organisation: { odsCode: 'RJ1' },
      ics: { odsCode: 'QKK' },
      region: { odsCode: 'Y56' },
      careSettings: ['acute'],
      careSetting: 'acute',
      scores: { overall: (2 + 3 * 5 + 1) / 7 },
      comparableOverall: { current: 2.5, previous: 2, previousCycleName: '2024/25' },
    });
    expect(body.basis).toMatchObject({
      source: 'published',
      careSetting: 'acute',
      publication: { publicationDate: '2026-04-01' },
    });
    expect(body.basis).toMatchObject({ count: 6 });
    expect(body.basis.aggregation).toContain('6 acute providers in England');
    const wellLed = body.measures.find((m) => m.measure === 'well-led')!;
    expect(wellLed).toEqual({
      measure: 'well-led',
      score: 2,
      ics: {
        count: 3,
        suppressed: false,
        reason: null,
        min: 2,
        lowerQuartile: 2.5,
        median: 3,
        upperQuartile: 3.5,
        max: 4,
        mean: 3,
      },
      national: {
        count: 6,
        suppressed: false,
        reason: null,
        min: 1,
        lowerQuartile: 2.125,
        median: 2.75,
        upperQuartile: 3.75,
        max: 5,
        mean: 17.5 / 6,
      },
      position: 'lowest-quarter',
    });
    // Every provider scored 1 on Empower People: each is at the median, in no quarter.
    expect(body.measures.find((m) => m.measure === 'empower-citizens')?.position).toBe('at-median');
    // Named peers: the other acute providers of its own ICS, and nobody else.
    expect(body.peers.map((p) => p.odsCode)).toEqual(['RJZ', 'RJ2']);
    expect(body.peers[1]).toMatchObject({
      name: 'LEWISHAM AND GREENWICH NHS TRUST',
      careSetting: 'acute',
      measures: { 'well-led': 4 },
    });
    expect(JSON.stringify(body)).not.toMatch(/ROYAL FREE|BEDFORDSHIRE|"RAL"|"RC9"/);
  });

  it('suppresses an England distribution of fewer than 5 organisations, and gives no position against it', async () => {
    const lead = await as({ role: 'trust-lead', scopeCode: 'RRU' });
    const body = (await lead.get(`/api/organisations/RRU/results?${q}`)).body as TrustResults;
    expect(body.careSetting).toBe('ambulance');
    expect(body.ics?.odsCode).toBe('QRV');
    for (const m of body.measures) {
      expect(m.national).toEqual({
        count: 1,
        suppressed: true,
        reason: 'anonymity',
        min: null,
        lowerQuartile: null,
        median: null,
        upperQuartile: null,
        max: null,
        mean: null,
      });
      expect(m.position).toBeNull();
      // The only ambulance provider in its ICS: its own score is never shown as the ICS median.
      expect(m.ics).toMatchObject({ count: 1, suppressed: true, reason: 'too-few', median: null, min: null });
    }
    expect(body.peers).toEqual([]);
  });

  it('shows exactly 4 mental health providers in England suppressed', async () => {
    const lead = await as({ role: 'trust-lead', scopeCode: 'RV5' });
    const body = (await lead.get(`/api/organisations/RV5/results?${q}`)).body as TrustResults;
    expect(body.careSetting).toBe('mental-health');
    expect(body.measures[0]).toMatchObject({
      national: { count: 4, suppressed: true, reason: 'anonymity', median: null },
      position: null,
    });
  });

  it('shows another care setting on request, and no scores for one it has no result for', async () => {
    const lead = await as({ role: 'trust-lead', scopeCode: 'RJ2' });
    const body = (await lead.get(`/api/organisations/RJ2/results?${q}&careSetting=community`))
      .body as TrustResults;
    expect(body).toMatchObject({ careSettings: ['acute', 'community'], careSetting: 'community', peers: [] });
    // Exactly 5 community providers in England: shown.
    expect(body.measures[0]?.national).toMatchObject({
      count: 5,
      suppressed: false,
      reason: null,
      median: 3,
    });
    expect(body.measures[0]?.position).toBe('lowest-quarter');
    // Its ICS has no other community provider: too few to compare, never its own score as the median.
    for (const m of body.measures) {
      expect(m.ics).toMatchObject({
        count: 1,
        suppressed: true,
        reason: 'too-few',
        median: null,
        mean: null,
      });
    }
    const none = (await lead.get(`/api/organisations/RJ2/results?${q}&careSetting=ambulance`))
      .body as TrustResults;
    expect(none).toMatchObject({ careSetting: 'ambulance', scores: null, peers: [] });
    expect(none.measures[0]).toMatchObject({ score: null, position: null });
    const bad = await lead.get(`/api/organisations/RJ2/results?${q}&careSetting=dental`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ field: 'careSetting' }] });
  });

  it('is refused to other trusts, and to their ICS and region views', async () => {
    const lead = await as({ role: 'trust-lead', scopeCode: 'RJ1' });
    for (const path of [
      `/api/organisations/RJZ/results?${q}`,
      `/api/ics/QKK/results?${q}`,
      `/api/regions/Y56/results?${q}`,
      `/api/national/results?${q}`,
    ]) {
      expect((await lead.get(path)).status).toBe(403);
    }
  });

  it('follows the cycle’s hierarchy whatever date the guard was given', async () => {
    // RC9 was in BLMK (QHG) on 1 April 2025; its lead of the 2026 ICB (S1Y5D) may not see it for 2025.
    const newIcsLead = await as({ role: 'ics-lead', scopeCode: 'S1Y5D' });
    expect(
      (await newIcsLead.get(`/api/organisations/RC9/results?cycle=${cycle.id}&at=2026-06-30`)).status,
    ).toBe(403);
    const oldIcsLead = await as({ role: 'ics-lead', scopeCode: 'QHG' });
    expect((await oldIcsLead.get(`/api/organisations/RC9/results?${q}`)).status).toBe(200);
    // Without `at`, the guard too places RC9 on the cycle's reference date, not today (in S1Y5D).
    expect((await oldIcsLead.get(`/api/organisations/RC9/results?cycle=${cycle.id}`)).status).toBe(200);
    expect((await newIcsLead.get(`/api/organisations/RC9/results?cycle=${cycle.id}`)).status).toBe(403);
    // Without a cycle, the default one (the newest with results), on its own reference date.
    const { items } = (await oldIcsLead.get('/api/results/cycles')).body as ResultCycleList;
    const shown = items.find((item) => item.organisationResults + item.systemResults > 0)!;
    for (const client of [oldIcsLead, newIcsLead]) {
      const byDefault = await client.get('/api/organisations/RC9/results');
      const named = await client.get(
        `/api/organisations/RC9/results?cycle=${shown.id}&at=${shown.referenceDate}`,
      );
      expect([byDefault.status, byDefault.body]).toEqual([named.status, named.body]);
    }
    // The ICS routes too: S1Y5D exists from April 2026, so a date then lets its lead past the guard;
    // on the cycle's date it did not exist yet.
    for (const path of ['results', 'completion']) {
      const res = await newIcsLead.get(`/api/ics/S1Y5D/${path}?cycle=${cycle.id}&at=2026-06-30`);
      expect([res.status, (res.body as ApiError).code]).toEqual([404, 'ICS_NOT_FOUND']);
    }
  });

  it('says which cycle it does not know, whether or not a date comes with it', async () => {
    const lead = await as({ role: 'trust-lead', scopeCode: 'RJ1' });
    for (const at of ['', `&at=${cycle.referenceDate}`]) {
      const bad = await lead.get(`/api/organisations/RJ1/results?cycle=nonsense${at}`);
      expect([bad.status, bad.body]).toMatchObject([400, { errors: [{ field: 'cycle' }] }]);
      const unknown = await lead.get(`/api/organisations/RJ1/results?cycle=${randomUUID()}${at}`);
      expect([unknown.status, (unknown.body as ApiError).code]).toEqual([404, 'CYCLE_NOT_FOUND']);
    }
  });
});

describe('the ICS view', () => {
  it('names every organisation and care setting, with the ICB’s own return beside them and the spread per care setting', async () => {
    const icsLead = await as({ role: 'ics-lead', scopeCode: 'QKK' });
    const body = (await icsLead.get(`/api/ics/QKK/results?${q}`)).body as IcsResults;
    expect(body.rows.map((r) => `${r.odsCode} ${r.careSetting}`)).toEqual([
      'RJ1 acute',
      'RJZ acute',
      'RJ2 acute',
      'RJ2 community',
      'RV5 mental-health',
    ]);
    expect(body.careSettings).toEqual(['acute', 'community', 'mental-health']);
    expect(body.system).toMatchObject({
      odsCode: 'QKK',
      level: 'system',
      measures: { 'smart-foundations': 4 },
      overall: 17 / 7,
    });
    expect(body.spread.map((s) => s.careSetting)).toEqual(['acute', 'community', 'mental-health']);
    expect(body.spread[0]!.measures['well-led']).toMatchObject({
      count: 3,
      min: 2,
      median: 3,
      max: 4,
      suppressed: false,
      reason: null,
    });
    // One community and one mental health provider: counted, but too few for a spread.
    for (const spread of body.spread.slice(1)) {
      expect(spread.measures['well-led']).toMatchObject({
        count: 1,
        suppressed: true,
        reason: 'too-few',
        min: null,
        median: null,
        max: null,
      });
    }
    // RRU is assessed in North West London, not here.
    expect(body.rows.some((r) => r.odsCode === 'RRU')).toBe(false);

    const acute = (await icsLead.get(`/api/ics/QKK/results?${q}&careSetting=acute`)).body as IcsResults;
    expect(acute.rows).toHaveLength(3);
    expect(acute.spread.map((s) => s.careSetting)).toEqual(['acute']);
    expect((await icsLead.get(`/api/ics/QMJ/results?${q}`)).status).toBe(403);
    expect((await icsLead.get(`/api/organisations/RAL/results?${q}`)).status).toBe(403);
    expect((await icsLead.get(`/api/organisations/RJ1/results?${q}`)).status).toBe(200);
  });

  it('shows the state of each return, never a draft’s content or scores', async () => {
    const lead = await as({ role: 'trust-lead', scopeCode: 'RJ1' });
    const { created } = await startReturns(lead, 'RJ1', cycle.id);
    const draft = await getReturn(lead, created[0]!.id);
    const icsLead = await as({ role: 'ics-lead', scopeCode: 'QKK' });
    const completion = (await icsLead.get(`/api/ics/QKK/completion?${q}`)).body as IcsCompletion;
    expect(completion.cycle.id).toBe(cycle.id);
    const rj1 = completion.rows.find((r) => r.odsCode === 'RJ1')!;
    expect(rj1).toEqual({
      odsCode: 'RJ1',
      name: "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST",
      careSetting: 'acute',
      level: 'organisation',
      state: 'draft',
      revision: 1,
    });
    expect(completion.rows[0]).toMatchObject({ odsCode: 'QKK', level: 'system', state: 'not-started' });
    expect(completion.counts.draft).toBe(1);
    expect(completion.counts['not-started']).toBe(completion.rows.length - 1);
    // The draft itself stays private to the trust.
    expect((await icsLead.get(`/api/returns/${draft.id}`)).status).toBe(403);
    const region = await as({ role: 'regional-viewer', scopeCode: 'Y56' });
    const byIcs = (await region.get(`/api/regions/Y56/completion?${q}`)).body as RegionCompletion;
    expect(byIcs.groups.find((g) => g.code === 'QKK')?.counts.draft).toBe(1);
    expect(byIcs.groups.map((g) => g.code).sort()).toEqual(['QKK', 'QMF', 'QMJ', 'QRV', 'QWE']);
  });
});

describe('the region and national views', () => {
  it('gives each ICS’s distribution, the share below the threshold and the movement on comparable scores', async () => {
    const viewer = await as({ role: 'regional-viewer', scopeCode: 'Y56' });
    const body = (await viewer.get(`/api/regions/Y56/results?${q}`)).body as AreaResults;
    expect(body).toMatchObject({
      area: { type: 'region', code: 'Y56', name: 'London' },
      basis: 'providers',
      careSetting: 'acute',
      threshold: 2.5,
    });
    // North Central London has two acute providers: too few for a median (counted, not compared).
    expect(
      body.groups.map((g) => [
        g.code,
        g.measures['well-led'].median,
        g.measures['well-led'].count,
        g.measures['well-led'].reason,
      ]),
    ).toEqual([
      ['QMJ', null, 2, 'too-few'],
      ['QKK', 3, 3, null],
    ]);
    expect(body.distribution['well-led']).toMatchObject({ count: 5, min: 1, median: 3, max: 5 });
    expect(body.belowThreshold['well-led']).toEqual(shareOf(2, 5));
    expect(body.movement?.area).toEqual({
      count: 5,
      suppressed: false,
      reason: null,
      improved: 3,
      declined: 1,
      unchanged: 1,
      meanChange: 0.2,
      previousMean: 2.7,
      currentMean: 2.9,
    });
    expect(body.movement?.groups.find((g) => g.code === 'QKK')).toMatchObject({
      improved: 1,
      declined: 1,
      unchanged: 1,
    });
    // North Central London's two: neither their share below the threshold (RAL below, RRV not) nor
    // their movement is a comparison; only how many.
    const ncl = body.groups.find((g) => g.code === 'QMJ')!;
    expect(ncl.belowThreshold['well-led']).toEqual(tooFewShare(2));
    expect(body.movement?.groups.find((g) => g.code === 'QMJ')).toEqual({
      code: 'QMJ',
      name: 'NHS North Central London Integrated Care Board',
      ...tooFewMovement(2),
    });
    expect(body.figureBasis.aggregation).toContain(
      'A share or a movement from fewer than 3 organisations is not shown.',
    );

    const higher = (await viewer.get(`/api/regions/Y56/results?${q}&threshold=3.5`)).body as AreaResults;
    expect(higher.belowThreshold['well-led']).toMatchObject({ count: 3, of: 5, share: 0.6 });
    expect(higher.groups.find((g) => g.code === 'QKK')?.belowThreshold['well-led']).toEqual(shareOf(2, 3));

    const icb = (await viewer.get(`/api/regions/Y56/results?${q}&basis=icb`)).body as AreaResults;
    expect(icb.careSetting).toBeNull();
    // Each ICB's own score is shown as itself, not as a median of one.
    expect(
      icb.groups.map((g) => [g.code, g.measures['well-led'].median, g.measures['well-led'].suppressed]),
    ).toEqual([
      ['QMJ', 3, false],
      ['QKK', 2, false],
    ]);
    // Likewise its share below the threshold: the ICB's own score, below 2.5 or not.
    expect(icb.groups.map((g) => [g.code, g.belowThreshold['well-led']])).toEqual([
      ['QMJ', shareOf(0, 1)],
      ['QKK', shareOf(1, 1)],
    ]);
    // London's two ICBs together are too few to compare.
    expect(icb.belowThreshold['well-led']).toMatchObject({ count: null, of: 2, reason: 'too-few' });

    const bad = await viewer.get(`/api/regions/Y56/results?${q}&threshold=7`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [{ field: 'threshold' }] });
    expect((await viewer.get(`/api/regions/Y61/results?${q}`)).status).toBe(403);
    expect((await viewer.get(`/api/national/results?${q}`)).status).toBe(403);
  });

  it('gives administrators every region with the same distributions', async () => {
    const body = (await admin.get(`/api/national/results?${q}`)).body as AreaResults;
    expect(body.area).toEqual({ type: 'national', code: null, name: 'England' });
    expect(
      body.groups.map((g) => [g.name, g.measures['well-led'].count, g.measures['well-led'].median]),
    ).toEqual([
      ['East of England', 1, null],
      ['London', 5, 3],
    ]);
    expect(body.groups[0]!.measures['well-led']).toMatchObject({ suppressed: true, reason: 'too-few' });
    // East of England's one acute provider: its share below the threshold and its movement are its own.
    expect(body.groups[0]!.belowThreshold['well-led']).toEqual(tooFewShare(1));
    expect(body.movement?.groups[0]).toEqual({ code: 'Y61', name: 'East of England', ...tooFewMovement(1) });
    expect(body.movement?.area).toMatchObject({ count: 6, suppressed: false, improved: 3 });
    expect(body.distribution['well-led']).toMatchObject({
      count: 6,
      median: 2.75,
      lowerQuartile: 2.125,
      upperQuartile: 3.75,
    });
    const icb = (await admin.get(`/api/national/results?${q}&basis=icb`)).body as AreaResults;
    expect(icb.distribution['well-led']).toMatchObject({ count: 3, median: 2, min: 1.5, max: 3 });
  });
});

describe('sealed returns', () => {
  /** Starts RJ1's return in the cycle, answers every domain at `level`, approves and submits it. */
  async function seal(world: ReturnsWorld, cycleId: string, level: number): Promise<string> {
    const { created } = await startReturns(world.lead, 'RJ1', cycleId);
    const id = created[0]!.id;
    for (const domain of world.org.domains) {
      const res = await world.lead.put(
        `/api/returns/${id}/answers/${domain.id}`,
        answer(upTo(domain.id, level)),
      );
      expect(res.status).toBe(200);
    }
    expect((await world.lead.post(`/api/returns/${id}/ready`)).status).toBe(200);
    const approval = { meetingDate: isoDay(-1), minuteReference: 'B/1' };
    expect((await world.board.post(`/api/returns/${id}/approvals`, approval)).status).toBe(201);
    expect((await world.lead.post(`/api/returns/${id}/submit`)).status).toBe(200);
    return id;
  }

  it('are scored once at sealing, read by the views like published results, and compared year on year', async () => {
    const world = await returnsWorld(t);
    // Reference dates no other test uses, so "the cycle before" is the first one here.
    const earlier = await createCycle(world.admin, world.org, world.sys, { referenceDate: '2027-04-01' });
    const later = await createCycle(world.admin, world.org, world.sys, { referenceDate: '2028-04-01' });
    const viewQ = `cycle=${later.id}&at=${later.referenceDate}`;
    // A draft elsewhere in the ICS is not a result.
    const other = await as({ role: 'trust-lead', scopeCode: 'RJZ' });
    await startReturns(other, 'RJZ', later.id);
    const empty = (await world.lead.get(`/api/organisations/RJ1/results?${viewQ}`)).body as TrustResults;
    expect(empty.scores).toBeNull();

    await seal(world, earlier.id, 2);
    const id = await seal(world, later.id, 3);

    const cycles = (await world.lead.get('/api/results/cycles')).body as ResultCycleList;
    expect(cycles.items.find((c) => c.id === later.id)).toMatchObject({
      source: 'sealed',
      organisationResults: 1,
      // Only the care settings with results in the cycle: the pages offer these for it.
      careSettings: ['acute'],
    });
    expect(cycles.items.find((c) => c.id === earlier.id)?.careSettings).toEqual(['acute']);
    expect(cycles.items.find((c) => c.id === cycle.id)?.careSettings).toEqual([
      'acute',
      'community',
      'mental-health',
      'ambulance',
    ]);
    // A cycle without results offers none.
    const none = cycles.items.find((c) => c.organisationResults === 0);
    if (none) expect(none.careSettings).toEqual([]);
    const body = (await world.lead.get(`/api/organisations/RJ1/results?${viewQ}`)).body as TrustResults;
    expect(body.basis.source).toBe('sealed');
    expect(body.scores?.measures['well-led']).toBe(3);
    expect(body.scores?.overall).toBe(3);
    expect(body.comparableOverall).toEqual({ current: 3, previous: 2, previousCycleName: earlier.name });
    expect(body.returnId).toBe(id);
    expect(body.domains).toHaveLength(7);
    expect(body.domains![0]).toMatchObject({
      level: 3,
      nextLevelNeeds: [expect.any(String), expect.any(String)],
    });
    // The ICS lead sees the scores, not the return's answers (it may not read the return itself).
    const icsLead = await as({ role: 'ics-lead', scopeCode: 'QKK' });
    const seenByIcs = (await icsLead.get(`/api/organisations/RJ1/results?${viewQ}`)).body as TrustResults;
    expect(seenByIcs).toMatchObject({ domains: null, returnId: null, scores: { overall: 3 } });
    const regional = await as({ role: 'regional-viewer', scopeCode: 'Y56' });
    const seenByRegion = (await regional.get(`/api/organisations/RJ1/results?${viewQ}`)).body as TrustResults;
    expect(seenByRegion).toMatchObject({ domains: null, returnId: null, scores: { overall: 3 } });
    // Those who may read the return see its domains, also after someone who may not (the cached view
    // is not changed in place).
    const approver = await as({ role: 'board-approver', scopeCode: 'RJ1' });
    const seenByBoard = (await approver.get(`/api/organisations/RJ1/results?${viewQ}`)).body as TrustResults;
    expect(seenByBoard.returnId).toBe(id);
    expect(seenByBoard.domains).toHaveLength(7);
    const ics = (await world.admin.get(`/api/ics/QKK/results?${viewQ}`)).body as IcsResults;
    expect(ics.rows.map((r) => [r.odsCode, r.source])).toEqual([['RJ1', 'sealed']]);
    const region = (await world.admin.get(`/api/regions/Y56/results?${viewQ}`)).body as AreaResults;
    // One organisation's movement is its own: counted, not compared (its own page shows it above).
    expect(region.movement?.area).toMatchObject({ count: 1, suppressed: true, improved: null });
  });
});
