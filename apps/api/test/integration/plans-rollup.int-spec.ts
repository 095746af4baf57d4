/**
 * Improvement plans rolled up to an ICS and a region (issue 17): in a cycle of its own, trusts of
 * South East London (QKK) seal their returns and have plans; one leaves its return a draft (never
 * shown); one North East London (QMF) trust seals too (an ICS with fewer than three organisations
 * shows counts only). Checks the summaries, the common gaps, the organisations not reaching the
 * threshold, that no free text leaves the trust, and who may see it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, Cycle, IcsPlans, RegionPlans } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
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

/** Words that only the trust may read: they must never appear in a roll-up. */
const SECRET = 'PRIVATE-TRUST-NOTE';

let t: TestApp;
let admin: Client;
let org: FrameworkVersion;
let cycle: Cycle;
const returns = new Map<string, { id: string; lead: Client; board: Client }>();

/** Starts a trust's return (acute unless said) in the cycle, answers each domain, and (unless `draft`) seals it. */
async function returnOf(
  code: string,
  met: (domainId: string) => string[],
  draft = false,
  careSetting = 'acute',
): Promise<string> {
  const lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: code }]);
  const board = await clientWith(t, [{ role: 'board-approver', scopeCode: code }]);
  const { created } = await startReturns(lead, code, cycle.id, { careSettings: [careSetting] });
  const id = created[0]!.id;
  for (const d of org.domains) {
    const res = await lead.put(`/api/returns/${id}/answers/${d.id}`, answer(met(d.id)));
    expect(res.status).toBe(200);
  }
  if (!draft) {
    expect((await lead.post(`/api/returns/${id}/ready`)).status).toBe(200);
    const approval = { meetingDate: isoDay(-1), minuteReference: 'B/7' };
    expect((await board.post(`/api/returns/${id}/approvals`, approval)).status).toBe(201);
    expect((await lead.post(`/api/returns/${id}/submit`)).status).toBe(200);
  }
  returns.set(code, { id, lead, board });
  return id;
}

interface TestAction {
  domainId: string;
  elementIds: string[];
  title: string;
  dueDate: string | null;
  state: 'not-started' | 'in-progress' | 'done' | 'blocked';
}

/** A plan for a return, made through the plans routes by the trust's lead. */
async function givePlan(
  code: string,
  plan: { targetDate: string | null; targets: { domainId: string; level: number }[]; actions: TestAction[] },
): Promise<void> {
  const { id, lead } = returns.get(code)!;
  const saved = await lead.put(`/api/returns/${id}/plan`, {
    baseVersion: 0,
    targetDate: plan.targetDate,
    targets: plan.targets,
    measureTargets: [],
  });
  expect(saved.status).toBe(200);
  for (const a of plan.actions) {
    const res = await lead.post(`/api/returns/${id}/plan/actions`, {
      ...a,
      description: `${SECRET} description`,
      ownerId: null,
      blockedReason: a.state === 'blocked' ? `${SECRET} blocked reason` : null,
      funding: 'revenue',
      expectedBenefit: `${SECRET} benefit`,
      evidenceIds: [],
    });
    expect(res.status).toBe(201);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  org = smallFramework('organisation');
  const sys = smallFramework('system');
  await uploadFrameworks(admin, org, sys);
  cycle = await createCycle(admin, org, sys);

  // QKK: Guy's and St Thomas' and Lewisham and Greenwich at level 2 (L&G meets one level-3 element
  // of well-led), King's College at level 3; Oxleas a draft. QMF: Barts Health at level 2.
  await returnOf('RJ1', (d) => upTo(d, 2));
  await returnOf('RJ2', (d) => (d === 'well-led-d' ? [...upTo(d, 2), `${d}-l3-e1`] : upTo(d, 2)));
  await returnOf('RJZ', (d) => upTo(d, 3));
  await returnOf('RPG', (d) => upTo(d, 4), true, 'mental-health');
  await returnOf('R1H', (d) => upTo(d, 2));

  await givePlan('RJ1', {
    targetDate: isoDay(300),
    targets: [
      { domainId: 'well-led-d', level: 3 },
      { domainId: 'safe-practice-d', level: 3 },
    ],
    actions: [
      {
        domainId: 'well-led-d',
        elementIds: ['well-led-d-l3-e1'],
        title: 'Board digital strategy',
        dueDate: isoDay(-10),
        state: 'in-progress',
      },
      {
        domainId: 'well-led-d',
        elementIds: ['well-led-d-l3-e2'],
        title: 'Clinical safety officer',
        dueDate: isoDay(100),
        state: 'done',
      },
      {
        domainId: 'safe-practice-d',
        elementIds: ['safe-practice-d-l3-e1', 'safe-practice-d-l3-e2'],
        title: 'Cyber standards',
        dueDate: isoDay(200),
        state: 'blocked',
      },
      // Due after the target date: not in the projection.
      {
        domainId: 'improve-care-d',
        elementIds: ['improve-care-d-l3-e1', 'improve-care-d-l3-e2'],
        title: 'Later work',
        dueDate: isoDay(400),
        state: 'not-started',
      },
    ],
  });
  await givePlan('RJ2', {
    targetDate: null,
    targets: [{ domainId: 'safe-practice-d', level: 3 }],
    actions: [
      {
        domainId: 'safe-practice-d',
        elementIds: ['safe-practice-d-l3-e1'],
        title: 'Cyber standards too',
        dueDate: isoDay(50),
        state: 'not-started',
      },
    ],
  });
  // Lewisham and Greenwich's board approves its plan (the return is sealed).
  const rj2 = returns.get('RJ2')!;
  const approved = await rj2.board.post(`/api/returns/${rj2.id}/plan/approvals`, {
    meetingDate: isoDay(-1),
    minuteReference: 'B/8',
  });
  expect(approved.status).toBe(201);
  // A plan on the draft: never shown.
  await givePlan('RPG', {
    targetDate: null,
    targets: [{ domainId: 'well-led-d', level: 5 }],
    actions: [{ domainId: 'well-led-d', elementIds: [], title: 'Draft work', dueDate: null, state: 'done' }],
  });
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('GET /api/ics/:code/plans', () => {
  let body: IcsPlans;
  beforeAll(async () => {
    const ics = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
    const res = await ics.get(`/api/ics/QKK/plans?cycle=${cycle.id}`);
    expect(res.status).toBe(200);
    body = res.body as IcsPlans;
  });

  it("lists each member's sealed return with its plan, never a draft", () => {
    expect(body.ics.code).toBe('QKK');
    expect(body.cycle).toEqual({ id: cycle.id, name: cycle.name });
    expect(body.organisations.map((o) => o.organisation.code).sort()).toEqual(['RJ1', 'RJ2', 'RJZ']);
    expect(JSON.stringify(body)).not.toContain('Draft work');
  });

  it('summarises a plan: targets against today, projection by the target date, actions and outlines', () => {
    const rj1 = body.organisations.find((o) => o.organisation.code === 'RJ1')!;
    expect(rj1).toMatchObject({
      careSetting: 'acute',
      returnId: returns.get('RJ1')!.id,
      overallToday: 2,
      targetDate: isoDay(300),
      targets: [
        { domainId: 'well-led-d', current: 2, target: 3 },
        { domainId: 'safe-practice-d', current: 2, target: 3 },
      ],
      actions: { total: 4, done: 1, overdue: 1, blocked: 1 },
      approved: false,
    });
    // Well-led and safe practice reach 3 by the target date; improve care's action is due later.
    expect(rj1.overallProjected).toBeCloseTo(16 / 7, 10);
    expect(rj1.overallTarget).toBeCloseTo(16 / 7, 10);
    expect(rj1.outlines.map((o) => o.title)).toEqual([
      'Board digital strategy',
      'Clinical safety officer',
      'Cyber standards',
      'Later work',
    ]);
    for (const o of rj1.outlines)
      expect(Object.keys(o).sort()).toEqual(['domainId', 'dueDate', 'state', 'title']);
    expect(body.organisations.find((o) => o.organisation.code === 'RJ2')).toMatchObject({
      approved: true,
      overallProjected: 2,
      targets: [{ domainId: 'safe-practice-d', current: 2, target: 3 }],
    });
    const rjz = body.organisations.find((o) => o.organisation.code === 'RJZ')!;
    expect(rjz).toMatchObject({
      overallToday: 3,
      overallProjected: 3,
      targetDate: null,
      targets: [],
      actions: { total: 0, done: 0, overdue: 0, blocked: 0 },
      outlines: [],
    });
  });

  it('names the common gaps: elements most members have yet to meet, who plans them and when', () => {
    const gap = (id: string) => body.commonGaps.find((g) => g.elementId === id);
    expect(gap('safe-practice-d-l3-e1')).toEqual({
      domainId: 'safe-practice-d',
      domainTitle: 'Domain safe-practice-d',
      elementId: 'safe-practice-d-l3-e1',
      elementText: 'Element 1 of level 3.',
      level: 3,
      unmet: 2,
      // King's College (level 3) meets it.
      met: 1,
      of: 3,
      planned: 2,
      earliestDue: isoDay(50),
      latestDue: isoDay(200),
    });
    expect(gap('safe-practice-d-l3-e2')).toMatchObject({ unmet: 2, of: 3, planned: 1 });
    // Met by Lewisham and Greenwich: a gap of Guy's and St Thomas' alone.
    expect(gap('well-led-d-l3-e1')).toBeUndefined();
    // Beyond the next level of every member.
    expect(gap('safe-practice-d-l4-e1')).toBeUndefined();
  });

  it('keeps free text within the trust', () => {
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it('is refused to other ICS leads and to trust roles (403), and signed out (401)', async () => {
    const other = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QMF' }]);
    expect((await other.get(`/api/ics/QKK/plans?cycle=${cycle.id}`)).status).toBe(403);
    for (const role of ['trust-lead', 'trust-contributor', 'board-approver'] as const) {
      const trust = await clientWith(t, [{ role, scopeCode: 'RJ1' }]);
      expect((await trust.get(`/api/ics/QKK/plans?cycle=${cycle.id}`)).status).toBe(403);
    }
    const anonymous = await anonymousClient(t);
    expect((await anonymous.get(`/api/ics/QKK/plans?cycle=${cycle.id}`)).status).toBe(401);
  });

  it('answers 400 for a bad cycle and 404 for an unknown one', async () => {
    const bad = await admin.get('/api/ics/QKK/plans?cycle=last-year');
    expect(bad.status).toBe(400);
    expect((bad.body as ApiError).code).toBe('VALIDATION_FAILED');
    const unknown = await admin.get('/api/ics/QKK/plans?cycle=00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
  });
});

describe('GET /api/regions/:code/plans', () => {
  let body: RegionPlans;
  beforeAll(async () => {
    const region = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y56' }]);
    const res = await region.get(`/api/regions/Y56/plans?cycle=${cycle.id}&threshold=2.3`);
    expect(res.status).toBe(200);
    body = res.body as RegionPlans;
  });

  it('counts plans and actions per ICS, with common gaps only from three organisations', () => {
    expect(body.region.code).toBe('Y56');
    expect(body.threshold).toBe(2.3);
    const qkk = body.groups.find((g) => g.ics.code === 'QKK')!;
    expect(qkk).toMatchObject({
      organisations: 3,
      withPlan: 2,
      actions: { total: 5, done: 1, overdue: 1, blocked: 1 },
    });
    expect(qkk.commonGaps.map((g) => g.elementId)).toContain('safe-practice-d-l3-e1');
    const qmf = body.groups.find((g) => g.ics.code === 'QMF')!;
    expect(qmf).toMatchObject({ organisations: 1, withPlan: 0, commonGaps: [] });
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it('lists the organisations whose projection by their target date stays below the threshold', () => {
    // Guy's and St Thomas' projects 16/7 ≈ 2.29; Lewisham and Greenwich 2 (its one action leaves
    // safe practice an element short of level 3); Barts Health 2, with no plan; King's College 3.
    expect(body.notReaching.map((o) => o.organisation.code)).toEqual(['R1H', 'RJ2', 'RJ1']);
    expect(body.notReaching[2]).toMatchObject({
      ics: { code: 'QKK' },
      careSetting: 'acute',
      overallToday: 2,
      targetDate: isoDay(300),
    });
  });

  it('uses the region results route default threshold', async () => {
    const res = await admin.get(`/api/regions/Y56/plans?cycle=${cycle.id}`);
    expect(res.status).toBe(200);
    expect((res.body as RegionPlans).threshold).toBe(2.5);
  });

  it('is refused to other regions, ICS leads and trust roles (403), and signed out (401)', async () => {
    const other = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y61' }]);
    expect((await other.get(`/api/regions/Y56/plans?cycle=${cycle.id}`)).status).toBe(403);
    const ics = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
    expect((await ics.get(`/api/regions/Y56/plans?cycle=${cycle.id}`)).status).toBe(403);
    const lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
    expect((await lead.get(`/api/regions/Y56/plans?cycle=${cycle.id}`)).status).toBe(403);
    const anonymous = await anonymousClient(t);
    expect((await anonymous.get(`/api/regions/Y56/plans?cycle=${cycle.id}`)).status).toBe(401);
  });

  it('answers 400 with a field message for a bad threshold', async () => {
    const res = await admin.get(`/api/regions/Y56/plans?cycle=${cycle.id}&threshold=7`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('threshold must be a number from 1 to 5');
  });
});

describe('a sealed return reopened', () => {
  it('leaves the roll-up until it is sealed again', async () => {
    const r1h = returns.get('R1H')!;
    await admin
      .post(`/api/returns/${r1h.id}/reopen`, { reason: 'The board found an error in measure 1' })
      .expect(200);
    const res = await admin.get(`/api/regions/Y56/plans?cycle=${cycle.id}&threshold=2.3`);
    expect(res.status).toBe(200);
    const body = res.body as RegionPlans;
    expect(body.groups.find((g) => g.ics.code === 'QMF')).toMatchObject({ organisations: 0, withPlan: 0 });
    expect(body.notReaching.map((o) => o.organisation.code)).toEqual(['RJ2', 'RJ1']);
  });
});
