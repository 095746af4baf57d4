/**
 * Progress over the years for an ICS and a region, on NHS England's published 2025 results (imported
 * at start): the median of the member organisations' scores per cycle; an ICS formed by the April 2026
 * mergers (NHS West and North London, Z9B2Z, from QMJ and QRV) on today's boundaries and as it was then;
 * the ICB's own return kept apart; the too-few rule; who may see them; bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiError,
  AreaResults,
  AreaTrends,
  IcsDetail,
  IcsResults,
  ResultCycleList,
} from '@wgll/contracts';
import { type Client, clientWith } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SUCCESSOR = 'Z9B2Z';
const PREDECESSORS = ['QMJ', 'QRV'];

let t: TestApp;
let admin: Client;
let icsLead: Client;
let published: { id: string; referenceDate: string };

/** The median, worked out here (not with the code under test). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const at2025 = (p: { cycle: { name: string } }) => p.cycle.name === '2025/26';

beforeAll(async () => {
  t = await startTestApp({ config: { seedPublishedResults: true } });
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  icsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: SUCCESSOR }]);
  const cycles = (await admin.get('/api/results/cycles')).body as ResultCycleList;
  published = cycles.items.find((c) => c.name === '2025/26')!;
}, 240_000);

afterAll(async () => {
  await t?.close();
});

describe('an ICS formed by a merger', () => {
  it("on today's boundaries: 2025's median is that of its current members' published scores", async () => {
    const res = await icsLead.get(`/api/ics/${SUCCESSOR}/trends?careSetting=acute`);
    expect(res.status).toBe(200);
    const body = res.body as AreaTrends;
    expect(body).toMatchObject({
      area: { type: 'ics', odsCode: SUCCESSOR },
      boundaries: 'today',
      careSetting: 'acute',
    });
    expect(body.predecessors.map((p) => p.odsCode).sort()).toEqual(PREDECESSORS);
    expect(body.boundariesLabel).toMatch(/^On today's boundaries: every cycle is worked out from the \d+ /);

    // Its members today, and their published 2025 scores (read through each predecessor's results).
    const detail = (await admin.get(`/api/ics/${SUCCESSOR}`)).body as IcsDetail;
    const members = new Set(detail.organisations.map((o) => o.odsCode));
    const rows = [];
    for (const code of PREDECESSORS) {
      const results = (
        await admin.get(
          `/api/ics/${code}/results?cycle=${published.id}&careSetting=acute&at=${published.referenceDate}`,
        )
      ).body as IcsResults;
      rows.push(...results.rows.filter((r) => members.has(r.odsCode)));
    }
    const scores = rows.map((r) => r.measures['well-led']).filter((v): v is number => v !== null);
    expect(scores.length).toBeGreaterThanOrEqual(3);
    const point = body.points.find(at2025)!;
    expect(point.measures['well-led']).toMatchObject({ count: scores.length, suppressed: false });
    expect(point.measures['well-led'].median).toBeCloseTo(median(scores), 6);
    expect(point.areas.map((a) => a.odsCode).sort()).toEqual(PREDECESSORS);
    // The chart's series carries the same median.
    const series = body.measures.find((m) => m.key === 'well-led')!.points.find(at2025)!;
    expect(series.value).toBeCloseTo(median(scores), 6);
  });

  it('as it was then: names its predecessors, whose members make the 2025 figures', async () => {
    const body = (await icsLead.get(`/api/ics/${SUCCESSOR}/trends?careSetting=acute&boundaries=then`))
      .body as AreaTrends;
    expect(body.boundaries).toBe('then');
    expect(body.boundariesLabel).toMatch(/^As it was then: /);
    for (const code of PREDECESSORS) expect(body.boundariesLabel).toContain(`(${code})`);
    const point = body.points.find(at2025)!;
    expect(point.areas.map((a) => a.odsCode).sort()).toEqual(PREDECESSORS);
    // The predecessors' members in 2025, all of them.
    let count = 0;
    for (const code of PREDECESSORS) {
      const results = (
        await admin.get(
          `/api/ics/${code}/results?cycle=${published.id}&careSetting=acute&at=${published.referenceDate}`,
        )
      ).body as IcsResults;
      count += results.rows.filter((r) => r.measures['well-led'] !== null).length;
    }
    expect(point.measures['well-led'].count).toBe(count);
  });

  it("keeps the ICB's own return apart: no single figure before the merger, each predecessor's own", async () => {
    const body = (await icsLead.get(`/api/ics/${SUCCESSOR}/trends`)).body as AreaTrends;
    const point = body.system!.find(at2025)!;
    expect(point.measures).toBeNull();
    expect(point.note).toMatch(/^There is no single .* figure for 2025\/26: it was formed on 1 April 2026/);
    expect(point.predecessors.map((p) => p.odsCode).sort()).toEqual(PREDECESSORS);
    const qrv = (await admin.get(`/api/ics/QRV/results?cycle=${published.id}&at=${published.referenceDate}`))
      .body as IcsResults;
    expect(point.predecessors.find((p) => p.odsCode === 'QRV')!.measures).toEqual(qrv.system!.measures);
  });
});

describe('the too-few rule', () => {
  it('gives no median from fewer than 3 organisations, only the count and why', async () => {
    // A care setting in which the ICS has one or two organisations (found in the data, not assumed).
    const all = (await admin.get(`/api/ics/${SUCCESSOR}/trends`)).body as AreaTrends;
    let found: AreaTrends['points'][number] | undefined;
    for (const setting of all.careSettings) {
      const body = (await admin.get(`/api/ics/${SUCCESSOR}/trends?careSetting=${setting}`))
        .body as AreaTrends;
      found = body.points.find((p) => at2025(p) && p.measures['well-led'].count < 3);
      if (found) {
        expect(body.measures.find((m) => m.key === 'well-led')!.points.find(at2025)!.value).toBeNull();
        break;
      }
    }
    expect(found).toBeDefined();
    expect(found!.measures['well-led']).toMatchObject({ suppressed: true, reason: 'too-few', median: null });
    expect(found!.measures['well-led'].count).toBeGreaterThan(0);
  });
});

describe('a region’s trends', () => {
  it('give the median of its organisations per cycle, as its results do', async () => {
    const viewer = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y56' }]);
    const res = await viewer.get('/api/regions/Y56/trends?careSetting=acute');
    expect(res.status).toBe(200);
    const body = res.body as AreaTrends;
    expect(body).toMatchObject({ area: { type: 'region', odsCode: 'Y56' }, boundaries: null, system: null });
    const results = (await viewer.get(`/api/regions/Y56/results?cycle=${published.id}&careSetting=acute`))
      .body as AreaResults;
    const point = body.points.find(at2025)!;
    expect(point.measures['well-led']).toEqual(results.distribution['well-led']);
    expect(point.measures['well-led'].median).toEqual(expect.any(Number));
    expect(body.cycles.map((c) => c.name)).toContain('2025/26');
  });
});

describe('access and input', () => {
  it('follows the ICS and region results rules', async () => {
    const other = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
    expect((await other.get(`/api/ics/${SUCCESSOR}/trends`)).status).toBe(403);
    expect((await other.get('/api/regions/Y61/trends')).status).toBe(403);
    expect((await admin.get('/api/regions/Y61/trends')).status).toBe(200);
  });

  it('answers 400 with field messages and 404 for an unknown ICS or region', async () => {
    const bad = await icsLead.get(`/api/ics/${SUCCESSOR}/trends?boundaries=yesterday&careSetting=dental`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('boundaries must be today or then');
    expect(JSON.stringify(bad.body)).toContain('careSetting must be one of');
    const missing = await admin.get('/api/ics/ZZZ99/trends');
    expect(missing.status).toBe(404);
    expect((missing.body as ApiError).code).toBe('ICS_NOT_FOUND');
    expect(((await admin.get('/api/regions/Y99/trends')).body as ApiError).code).toBe('REGION_NOT_FOUND');
  });
});
