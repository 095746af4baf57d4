/**
 * First start in embedded mode with the demo data: NHS England's published 2025 results are imported
 * through the import feature, so the views show real data at once; starting again changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IcsResults, ImportList, ResultCycleList, TrustResults } from '@wgll/contracts';
import { seedPublishedResults } from '../../src/database/seed/published-results.js';
import { ImportsService } from '../../src/modules/imports/imports.service.js';
import { signIn } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DEMO_PASSWORD = 'wgll-demo-2026';
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ mode: 'embedded', config: { seedDemo: true, seedPublishedResults: true } });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('published results at first start', () => {
  it('are the 2025 file’s 285 provider and 42 ICB rows, shown to the demo ICS lead and trust lead', async () => {
    const ics = await signIn(t, 'ics@demo.wgll.example', DEMO_PASSWORD);
    const cycles = (await ics.get('/api/results/cycles')).body as ResultCycleList;
    const dma = cycles.items.find((c) => c.name === '2025/26')!;
    expect(dma).toMatchObject({
      source: 'published',
      organisationResults: 285,
      systemResults: 42,
      referenceDate: '2025-04-01',
      publication: {
        publicationDate: '2026-03-30',
        fileName: 'NHSE_DMA_2025_Data_Report_published_2026-03-30.xlsx',
      },
    });
    const q = `cycle=${dma.id}&at=${dma.referenceDate}`;
    const view = (await ics.get(`/api/ics/QKK/results?${q}`)).body as IcsResults;
    expect(view.rows.length).toBeGreaterThanOrEqual(5);
    expect(view.rows.map((r) => r.odsCode)).toContain('RJ1');
    expect(view.system?.measures['well-led']).toBe(2.8);
    // The ICB's primary care survey, apart from its own return (QKK: Well Led 5, Ensuring Smart
    // Foundations 3⅓, published at full precision).
    const [wellLed, foundations] = view.primaryCare!.measures;
    expect(wellLed).toEqual({ measure: 'well-led', inSurvey: true, score: 5 });
    expect(foundations?.score).toBeCloseTo(10 / 3, 10);

    const trust = await signIn(t, 'trust-lead@demo.wgll.example', DEMO_PASSWORD);
    const results = (await trust.get(`/api/organisations/RJZ/results?${q}`)).body as TrustResults;
    expect(results.scores?.measures['well-led']).toBe(2.3);
    expect(results.measures[0]?.national.count).toBe(134);
    expect(results.peers.map((p) => p.odsCode).sort()).toEqual(['RJ1', 'RJ2']);
  });

  it('are not imported twice', async () => {
    const again = await seedPublishedResults(t.dataSource, t.running.app.get(ImportsService));
    expect(again).toMatchObject({ created: false, state: 'applied', providerRows: 285, icbRows: 42 });
    const admin = await signIn(t, 'admin@demo.wgll.example', DEMO_PASSWORD);
    expect(((await admin.get('/api/imports')).body as ImportList).items).toHaveLength(1);
    // Published rows only: the demo world's sealed returns add scores of their own.
    const [count] = await t.dataSource.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM result_score WHERE source = 'published'",
    );
    expect(count?.n).toBe(327);
    const [primaryCare] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM primary_care_score',
    );
    expect(primaryCare?.n).toBe(42);
  });
});
