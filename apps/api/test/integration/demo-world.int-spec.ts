/**
 * The demo world (SEED_DEMO): a fresh embedded database gets the current cycle under way across
 * South East and North East London, built through the product's services. Checks the states, that
 * every sealed demo return verifies, that the ICS and region views show it, and that starting again
 * on the same data folder changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AreaResults,
  IcsPlans,
  ImprovementPlan,
  IcsCompletion,
  IcsDomainLevels,
  IcsResults,
  PeerLearning,
  PeerSharing,
  RegionCompletion,
  RegionTargets,
  ResultCycleList,
  ReturnDetail,
  ReturnList,
  SealVerification,
  TrustResults,
  TrustTrends,
  WaitingForYou,
} from '@wgll/contracts';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { DEMO_PASSWORD } from '../../src/database/seed/demo-accounts.js';
import { seedDemoWorld } from '../../src/database/seed/demo-world/demo-world.js';
import { signIn } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const dataDir = mkdtempSync(join(tmpdir(), 'wgll-demo-world-'));
let t: TestApp;

/** The app on the embedded database in `dataDir`, with the demo data (as `npm start` runs it). */
async function start(folder = dataDir): Promise<TestApp> {
  const config = {
    ...loadConfig({ LOG_LEVEL: 'warn' }),
    databaseUrl: undefined,
    databaseMigrationUrl: undefined,
    dataDir: folder,
    webDistDir: join(folder, 'no-web'),
    seedDemo: true,
    seedPublishedResults: true,
  };
  config.auth = { ...config.auth, rateLimitPerMinute: 10_000 };
  const running = await createApp(config);
  await running.app.getHttpAdapter().getInstance().ready();
  return {
    running,
    dataSource: running.app.get(DataSource),
    http: supertest(running.app.getHttpServer()),
    close: () => running.close(),
  };
}

/** What a start could change: rows of every table the demo writes, and the audit log. */
async function footprint(app: TestApp) {
  const [row] = await app.dataSource.query<Record<string, number>[]>(
    `SELECT (SELECT count(*) FROM app_user)::int AS users, (SELECT count(*) FROM role_assignment)::int AS roles,
            (SELECT count(*) FROM assessment_return)::int AS returns, (SELECT count(*) FROM domain_answer)::int AS answers,
            (SELECT count(*) FROM evidence)::int AS evidence, (SELECT count(*) FROM return_assignment)::int AS assignments,
            (SELECT count(*) FROM return_approval)::int AS approvals, (SELECT count(*) FROM return_seal)::int AS seals,
            (SELECT count(*) FROM result_score)::int AS scores, (SELECT count(*) FROM audit_event)::int AS audit,
            (SELECT count(*) FROM cycle)::int AS cycles, (SELECT count(*) FROM demo_marker)::int AS markers,
            (SELECT max(updated_at) FROM domain_answer)::text AS "lastAnswer"`,
  );
  return row!;
}

/** What the demo generated, without ids or times: owners, states, answers, evidence, approvals. */
async function content(app: TestApp) {
  return app.dataSource.query<unknown[]>(
    `SELECT coalesce(r.organisation_code, r.ics_code) AS owner, r.care_setting, r.state, r.revision,
            (SELECT json_agg(json_build_object('d', a.domain_id, 'met', a.met, 'na', a.not_applicable,
                     'c', a.comment, 'conf', a.confidence, 'v', a.version, 'ev', cardinality(a.evidence_ids),
                     'by', (SELECT email FROM app_user u WHERE u.id = a.updated_by)) ORDER BY a.domain_id)
             FROM domain_answer a WHERE a.return_id = r.id) AS answers,
            (SELECT json_agg(json_build_object('t', e.title, 'u', e.url, 'f', e.sha256) ORDER BY e.title)
             FROM evidence e WHERE e.return_id = r.id) AS evidence,
            (SELECT json_agg(json_build_object('rev', p.revision, 'on', p.meeting_date, 'ref', p.minute_reference)
                     ORDER BY p.revision) FROM return_approval p WHERE p.return_id = r.id) AS approvals
     FROM assessment_return r ORDER BY 1, 2`,
  );
}

beforeAll(async () => {
  t = await start();
}, 600_000);
afterAll(async () => {
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo world at first start', () => {
  it('has returns in every state, each marked as demonstration data', async () => {
    const rows = await t.dataSource.query<{ state: string; revision: number; n: number }[]>(
      `SELECT r.state, r.revision, count(*)::int AS n FROM assessment_return r
       JOIN demo_marker m ON m.kind = 'return' AND m.ref = r.id::text
       GROUP BY r.state, r.revision ORDER BY r.state, r.revision`,
    );
    expect(rows).toEqual([
      { state: 'approved', revision: 1, n: 1 },
      { state: 'awaiting-approval', revision: 1, n: 1 },
      // Two drafts, and two the board sent back (drafts again).
      { state: 'draft', revision: 1, n: 4 },
      { state: 'submitted', revision: 1, n: 9 },
      // Reopened by a national administrator, corrected and sealed again.
      { state: 'submitted', revision: 2, n: 2 },
    ]);
    const [unmarked] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM assessment_return r WHERE NOT EXISTS
         (SELECT 1 FROM demo_marker m WHERE m.kind = 'return' AND m.ref = r.id::text)`,
    );
    expect(unmarked?.n).toBe(0);
  });

  it('lets a demo trust lead read their return: answers, evidence, assignments, approvals, history', async () => {
    const lead = await signIn(t, 'lead.rj2@demo.wgll.example', DEMO_PASSWORD);
    const list = (await lead.get('/api/organisations/RJ2/returns').expect(200)).body as ReturnList;
    expect(list.items).toHaveLength(2);
    const acute = list.items.find((r) => r.careSetting === 'acute');
    expect(acute).toMatchObject({ demo: true, state: 'submitted', revision: 2 });
    const detail = (await lead.get(`/api/returns/${acute!.id}`).expect(200)).body as ReturnDetail;
    expect(detail.demo).toBe(true);
    expect(detail.progress.answered).toBe(detail.progress.total);
    expect(detail.answers.every((a) => a.comment.length > 0 && a.updatedBy !== null)).toBe(true);
    expect(detail.answers.some((a) => a.evidenceIds.length > 0)).toBe(true);
    expect(detail.evidence.map((e) => e.kind)).toContain('link');
    expect(detail.assignments.length).toBeGreaterThan(0);
    expect(detail.approvals[0]).toMatchObject({
      minuteReference: expect.stringMatching(/^Trust board minute/),
    });
    expect(detail.seals.map((s) => s.revision)).toEqual([1, 2]);
    const history = (await lead.get(`/api/returns/${detail.id}/history?pageSize=100`).expect(200)).body as {
      items: { action: string }[];
    };
    expect(history.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['return.created', 'return.answer-saved', 'return.approved', 'return.reopened']),
    );
    // A file among the evidence of some return, downloadable as a PDF.
    const files = await t.dataSource.query<{ return_id: string; id: string }[]>(
      "SELECT return_id, id FROM evidence WHERE kind = 'file' LIMIT 1",
    );
    expect(files).toHaveLength(1);
    const admin = await signIn(t, 'admin@demo.wgll.example', DEMO_PASSWORD);
    const file = await admin
      .get(`/api/returns/${files[0]!.return_id}/evidence/${files[0]!.id}/file`)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('seals every sealed demo return so that it verifies', async () => {
    const admin = await signIn(t, 'admin@demo.wgll.example', DEMO_PASSWORD);
    const seals = await t.dataSource.query<{ return_id: string; revision: number }[]>(
      'SELECT return_id, revision FROM return_seal ORDER BY return_id, revision',
    );
    expect(seals).toHaveLength(13);
    for (const seal of seals) {
      const check = (
        await admin.get(`/api/returns/${seal.return_id}/seals/${seal.revision}/verification`).expect(200)
      ).body as SealVerification;
      expect(check.verified).toBe(true);
    }
  });

  it('shows the ICS lead the sealed returns, the ICB’s own and the completion of the cycle', async () => {
    const ics = await signIn(t, 'ics@demo.wgll.example', DEMO_PASSWORD);
    const cycles = (await ics.get('/api/results/cycles').expect(200)).body as ResultCycleList;
    const current = cycles.items.find((c) => c.current)!;
    expect(current).toMatchObject({ demo: true, source: 'sealed', organisationResults: 9, systemResults: 2 });
    expect(cycles.items.find((c) => c.name === '2025/26')).toMatchObject({
      demo: false,
      source: 'published',
    });
    const q = `cycle=${current.id}&at=${current.referenceDate}`;

    const view = (await ics.get(`/api/ics/QKK/results?${q}`).expect(200)).body as IcsResults;
    expect(view.cycle.demo).toBe(true);
    expect(view.rows.map((r) => `${r.odsCode} ${r.careSetting}`).sort()).toEqual([
      'RJ1 acute',
      'RJ2 acute',
      'RJ2 community',
      'RPG mental-health',
    ]);
    expect(view.system?.measures['well-led']).toEqual(expect.any(Number));

    const completion = (await ics.get(`/api/ics/QKK/completion?${q}`).expect(200)).body as IcsCompletion;
    // Most returns sealed, so the heatmap shows something in every care setting; a draft and a
    // return the board sent back (a draft again). North East London shows the other states.
    expect(completion.counts).toEqual({
      'not-started': 1,
      draft: 2,
      'awaiting-approval': 0,
      approved: 0,
      submitted: 5,
    });
    // The printed accounts' trust is left for you to start; Guy's and St Thomas' is sealed.
    expect(completion.rows.find((r) => r.odsCode === 'RJZ')?.state).toBe('not-started');
    expect(completion.rows.find((r) => r.odsCode === 'RJ1')).toMatchObject({
      state: 'submitted',
      revision: 1,
    });
    expect(completion.rows.find((r) => r.odsCode === 'RJ2' && r.careSetting === 'acute')).toMatchObject({
      state: 'submitted',
      revision: 2,
    });
  });

  it('gives the ICS lead a domain heatmap with sealed returns in every care setting', async () => {
    const ics = await signIn(t, 'ics@demo.wgll.example', DEMO_PASSWORD);
    const levels = async (code: string, careSetting: string) =>
      (await ics.get(`/api/ics/${code}/domain-levels?careSetting=${careSetting}`).expect(200))
        .body as IcsDomainLevels;
    // South East London's three acute trusts: all sealed but King's, left for the person trying.
    const acute = await levels('QKK', 'acute');
    expect(acute.organisations.map((o) => [o.code, o.sealed]).sort()).toEqual([
      ['RJ1', true],
      ['RJ2', true],
      ['RJZ', false],
    ]);
    expect(acute.domains.length).toBeGreaterThan(0);
    for (const careSetting of ['community', 'mental-health'])
      expect((await levels('QKK', careSetting)).sealed).toBeGreaterThanOrEqual(1);
    // North East London's three acute trusts are all sealed: enough for common gaps.
    const qmf = await signIn(t, 'ics.qmf@demo.wgll.example', DEMO_PASSWORD);
    const neAcute = (await qmf.get('/api/ics/QMF/domain-levels?careSetting=acute').expect(200))
      .body as IcsDomainLevels;
    expect(neAcute).toMatchObject({ sealed: 3, gapsWithheld: false });
  });

  it('has returns the board sent back with its reason, waiting for their trust leads', async () => {
    const declines = await t.dataSource.query<{ owner: string; care_setting: string; state: string }[]>(
      `SELECT r.organisation_code AS owner, r.care_setting, r.state FROM return_decline d
       JOIN assessment_return r ON r.id = d.return_id ORDER BY 1`,
    );
    expect(declines).toEqual([
      { owner: 'RQX', care_setting: 'community', state: 'draft' },
      { owner: 'RV5', care_setting: 'mental-health', state: 'draft' },
    ]);
    const lead = await signIn(t, 'lead.rv5@demo.wgll.example', DEMO_PASSWORD);
    const waiting = (await lead.get('/api/me/waiting').expect(200)).body as WaitingForYou;
    expect(waiting.sentBack).toEqual([
      expect.objectContaining({
        owner: expect.objectContaining({ code: 'RV5' }),
        careSetting: 'mental-health',
        state: 'draft',
        reason: expect.stringContaining('evidence'),
      }),
    ]);
    const detail = (await lead.get(`/api/returns/${waiting.sentBack[0]!.returnId}`).expect(200))
      .body as ReturnDetail;
    expect(detail.sentBack).toMatchObject({ reason: waiting.sentBack[0]!.reason });
  });

  it('names the demo peers that opted in beside Guy’s and St Thomas’ gaps', async () => {
    const lead = await signIn(t, 'lead.rj1@demo.wgll.example', DEMO_PASSWORD);
    const list = (await lead.get('/api/organisations/RJ1/returns').expect(200)).body as ReturnList;
    const id = list.items.find((r) => r.careSetting === 'acute')!.id;
    const sharing = (await lead.get('/api/organisations/RJ1/sharing').expect(200)).body as PeerSharing;
    expect(sharing.named).toBe(false);
    const detail = (await lead.get(`/api/returns/${id}`).expect(200)).body as ReturnDetail;
    const domains = detail.answers.map((a) => ({ id: a.domainId }));
    const named = new Set<string>();
    for (const d of domains) {
      const peers = (await lead.get(`/api/returns/${id}/peers?domain=${d.id}`).expect(200))
        .body as PeerLearning;
      for (const e of peers.elements) for (const p of e.named) named.add(p.organisation.odsCode);
      if (named.size > 0) break;
    }
    expect([...named].every((code) => ['R1H', 'RF4'].includes(code))).toBe(true);
    expect(named.size).toBeGreaterThan(0);
  });

  it('shows the region both ICSs to compare, and their completion', async () => {
    const region = await signIn(t, 'region@demo.wgll.example', DEMO_PASSWORD);
    const cycles = (await region.get('/api/results/cycles').expect(200)).body as ResultCycleList;
    const current = cycles.items.find((c) => c.current)!;
    const area = (await region.get(`/api/regions/Y56/results?cycle=${current.id}`).expect(200))
      .body as AreaResults;
    expect(area.groups.map((g) => g.code).sort()).toEqual(['QKK', 'QMF']);
    const icb = (await region.get(`/api/regions/Y56/results?cycle=${current.id}&basis=icb`).expect(200))
      .body as AreaResults;
    expect(
      icb.groups
        .filter((g) => g.measures['well-led'].count > 0)
        .map((g) => g.code)
        .sort(),
    ).toEqual(['QKK', 'QMF']);
    const completion = (await region.get(`/api/regions/Y56/completion?cycle=${current.id}`).expect(200))
      .body as RegionCompletion;
    const qmf = completion.groups.find((g) => g.code === 'QMF')!;
    expect(qmf).toMatchObject({
      expected: 10,
      counts: { 'not-started': 0, draft: 2, 'awaiting-approval': 1, approved: 1, submitted: 6 },
    });
  });

  it('answers that follow each trust’s published 2025 scores', async () => {
    const admin = await signIn(t, 'admin@demo.wgll.example', DEMO_PASSWORD);
    const cycles = ((await admin.get('/api/results/cycles').expect(200)).body as ResultCycleList).items;
    const current = cycles.find((c) => c.current)!;
    const published = cycles.find((c) => c.name === '2025/26')!;
    for (const code of ['RJ1', 'RF4', 'R1H']) {
      const now = (
        await admin
          .get(`/api/organisations/${code}/results?cycle=${current.id}&careSetting=acute`)
          .expect(200)
      ).body as TrustResults;
      const then = (
        await admin
          .get(`/api/organisations/${code}/results?cycle=${published.id}&careSetting=acute`)
          .expect(200)
      ).body as TrustResults;
      expect(Math.abs(now.scores!.overall! - then.scores!.overall!)).toBeLessThan(0.6);
    }
  });

  it('shows Guy’s and St Thomas’ progress: the published 2025 results, a break, the sealed 2026/27 return', async () => {
    const admin = await signIn(t, 'admin@demo.wgll.example', DEMO_PASSWORD);
    const cycles = ((await admin.get('/api/results/cycles').expect(200)).body as ResultCycleList).items;
    const current = cycles.find((c) => c.current)!;
    const trends = (await admin.get('/api/organisations/RJ1/trends?careSetting=acute').expect(200))
      .body as TrustTrends;
    const wellLed = trends.measures.find((m) => m.key === 'well-led')!.points;
    expect(wellLed.map((p) => [p.cycle.name, p.instrument.kind, p.value !== null, p.break !== null])).toEqual(
      [
        ['2025/26', 'published', true, false],
        [current.name, 'question-bank', true, true],
      ],
    );
    expect(trends.domains.length).toBeGreaterThan(0);
  });

  it('gives Guy’s and St Thomas’ an improvement plan: targets from its gaps, owned actions in mixed states, approved', async () => {
    const lead = await signIn(t, 'lead.rj1@demo.wgll.example', DEMO_PASSWORD);
    const list = (await lead.get('/api/organisations/RJ1/returns').expect(200)).body as ReturnList;
    const sealed = list.items.find((r) => r.careSetting === 'acute' && r.state === 'submitted')!;
    const plan = (await lead.get(`/api/returns/${sealed.id}/plan`).expect(200)).body as ImprovementPlan;
    expect(plan.targetDate).toMatch(/^\d{4}-04-01$/);
    expect(plan.targets.length).toBeGreaterThanOrEqual(6);
    expect(plan.targets.length).toBeLessThanOrEqual(10);
    for (const target of plan.targets)
      expect(target.level).toBe((plan.scores.today.domains[target.domainId] ?? 0) + 1);
    // Every element of the gap has its action: none is left to propose, and the targets are reached.
    expect(plan.proposals).toEqual([]);
    for (const target of plan.targets)
      expect(plan.scores.projected.domains[target.domainId]).toBe(target.level);
    expect(plan.scores.projected.overall!).toBeGreaterThan(plan.scores.today.overall!);
    const states = plan.actions.map((a) => a.state);
    for (const s of ['done', 'in-progress', 'blocked', 'not-started'] as const) expect(states).toContain(s);
    expect(plan.actions.find((a) => a.state === 'blocked')?.blockedReason).toEqual(expect.any(String));
    const today = new Date().toISOString().slice(0, 10);
    expect(
      plan.actions.filter((a) => a.state !== 'done' && a.dueDate! < today).length,
    ).toBeGreaterThanOrEqual(1);
    const owners = new Set(plan.actions.map((a) => a.owner?.displayName));
    expect(owners.size).toBe(3);
    expect(plan.approvals).toHaveLength(1);
    // The done actions' elements are not ticked in the sealed return: the plan says so.
    expect(plan.doneNotTicked.length).toBeGreaterThanOrEqual(2);

    // The ICS lead sees it rolled up, without the free text.
    const ics = await signIn(t, 'ics@demo.wgll.example', DEMO_PASSWORD);
    const rollup = (await ics.get('/api/ics/QKK/plans').expect(200)).body as IcsPlans;
    const rj1 = rollup.organisations.find((o) => o.organisation.code === 'RJ1')!;
    expect(rj1).toMatchObject({ approved: true, targetDate: plan.targetDate });
    expect(rj1.actions).toMatchObject({ total: plan.actions.length, blocked: 1 });
    // Three members have sealed returns (four returns): enough for common gaps.
    expect(rollup.organisations.map((o) => `${o.organisation.code} ${o.careSetting}`).sort()).toEqual([
      'RJ1 acute',
      'RJ2 acute',
      'RJ2 community',
      'RPG mental-health',
    ]);
    expect(rollup.commonGaps.length).toBeGreaterThan(0);
    expect(JSON.stringify(rollup)).not.toContain(
      plan.actions.find((a) => a.state === 'blocked')!.blockedReason,
    );
  });

  it('sets national targets whose progress the region sees: EPR from sealed returns, a score from both', async () => {
    const region = await signIn(t, 'region@demo.wgll.example', DEMO_PASSWORD);
    const body = (await region.get('/api/regions/Y56/targets').expect(200)).body as RegionTargets;
    expect(body.targets.map((p) => p.target.name)).toEqual([
      'Electronic patient record in 95% of trusts by 31 March 2027',
      'Smart foundations at 3 or above in 80% of trusts by 31 March 2028',
    ]);
    const [epr, score] = body.targets.map((p) => p.areas[0]!);
    expect(body.targets[0]!.target).toMatchObject({
      kind: 'domain',
      domainId: 'sf-epr',
      level: 3,
      percent: 95,
    });
    // The published 2025/26 results have no domain levels: no data, said plainly.
    const published = epr!.trend.find((f) => f.cycle.name === '2025/26')!;
    expect(published.counts).toMatchObject({ met: 0, notYet: 0 });
    expect(published.note).toContain('published');
    // This cycle's sealed demo returns give data; the rest of London has none yet.
    expect(epr!.now?.cycle.name).not.toBe('2025/26');
    expect(epr!.now!.counts.met + epr!.now!.counts.notYet).toBeGreaterThan(0);
    expect(epr!.now!.counts.noData).toBeGreaterThan(0);
    expect(epr!.organisations!.length).toBe(epr!.now!.counts.notYet + epr!.now!.counts.noData);
    // The score target reads the published results too.
    const scored = score!.trend.find((f) => f.cycle.name === '2025/26')!.counts;
    expect(scored.met + scored.notYet).toBeGreaterThan(20);
  });

  it('gives demo people the demo password and their roles', async () => {
    for (const email of [
      'lead.rj1@demo.wgll.example',
      'board.rf4@demo.wgll.example',
      'ics.qmf@demo.wgll.example',
    ])
      await signIn(t, email, DEMO_PASSWORD);
    const [users] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user u JOIN demo_marker m ON m.kind = 'user' AND m.ref = u.id::text`,
    );
    expect(users?.n).toBe(46);
  });
});

describe('starting again', () => {
  it('changes nothing: no new rows, no new audit entries', async () => {
    const before = await footprint(t);
    expect(await seedDemoWorld(t.running.app, { log: () => undefined } as never)).toMatchObject({
      created: false,
    });
    await t.close();
    t = await start();
    expect(await footprint(t)).toEqual(before);
  }, 600_000);
});

describe('another fresh start', () => {
  it('generates the same demo world', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wgll-demo-world-again-'));
    const again = await start(folder);
    try {
      const first = await content(t);
      expect(first).toHaveLength(17);
      expect(await content(again)).toEqual(first);
    } finally {
      await again.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 600_000);
});

describe('without SEED_DEMO', () => {
  it('there is no demo world: no demo people, no returns, nothing marked', async () => {
    const plain = await startTestApp({ mode: 'embedded', config: { seedDemo: false } });
    try {
      const [row] = await plain.dataSource.query<{ markers: number; returns: number; users: number }[]>(
        `SELECT (SELECT count(*) FROM demo_marker)::int AS markers,
                (SELECT count(*) FROM assessment_return)::int AS returns,
                (SELECT count(*) FROM app_user WHERE email LIKE '%@demo.wgll.example')::int AS users`,
      );
      expect(row).toEqual({ markers: 0, returns: 0, users: 0 });
    } finally {
      await plain.close();
    }
  }, 600_000);
});
