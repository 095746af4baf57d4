/**
 * Improvement plans (issue 17), end to end on the real database: who may do what, validation, the
 * gap's proposals, projected scores, optimistic versions, merging, the board's approvals (with the
 * return's and on their own) kept as approved, carrying open actions into the next cycle, and the
 * audit trail. Each test makes its own cycles and returns (tests share the database).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ActionConflictError,
  ApiError,
  Approval,
  ApprovedPlan,
  ImprovementPlan,
  PlanAction,
  PlanApprovalRecord,
  PlanConflictError,
  ReturnDetail,
  ReturnHistory,
  SessionInfo,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { syntheticDomain } from '@wgll/framework/testing';
import { anonymousClient, type Client, clientWith, createUser, signIn } from './support/auth.js';
import {
  answer,
  createCycle,
  getReturn,
  isoDay,
  returnsWorld,
  smallFramework,
  startReturns,
  upTo,
  uploadFrameworks,
} from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: Client;
let lead: Client;
let contributor: Client;
let contributor2: Client;
let board: Client;
let icsLead: Client;
let outsider: Client;
let anonymous: Client;
let org: FrameworkVersion;
let sys: FrameworkVersion;
let contributorId: string;
let outsiderId: string;

async function idOf(client: Client): Promise<string> {
  return ((await client.get('/api/auth/session').expect(200)).body as SessionInfo).user!.id;
}

beforeAll(async () => {
  t = await startTestApp();
  ({ admin, lead, contributor, board, org, sys } = await returnsWorld(t));
  contributor2 = await clientWith(t, [{ role: 'trust-contributor', scopeCode: 'RJ1' }]);
  icsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
  const other = await createUser(t, [{ role: 'trust-lead', scopeCode: 'RC9' }]);
  outsider = await signIn(t, other.email);
  outsiderId = other.id;
  anonymous = await anonymousClient(t);
  contributorId = await idOf(contributor);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const d = (i: number): string => org.domains[i]!.id;
const errorOf = (res: { body: unknown }) => res.body as ApiError;
const fieldsOf = (res: { body: unknown }) =>
  (errorOf(res).errors ?? []).map((e) => e.field).sort((a, b) => a.localeCompare(b));

/** A complete RJ1 return in a cycle of its own: the first domain at level 2, every other at level 3. */
async function answeredReturn(referenceDate?: string): Promise<ReturnDetail> {
  const cycle = await createCycle(admin, org, sys, referenceDate ? { referenceDate } : {});
  const { created } = await startReturns(lead, 'RJ1', cycle.id);
  const id = created[0]!.id;
  for (const [i, domain] of org.domains.entries()) {
    await lead
      .put(`/api/returns/${id}/answers/${domain.id}`, answer(upTo(domain.id, i === 0 ? 2 : 3)))
      .expect(200);
  }
  return getReturn(lead, id);
}

async function planOf(client: Client, returnId: string): Promise<ImprovementPlan> {
  const res = await client.get(`/api/returns/${returnId}/plan`);
  expect(res.status).toBe(200);
  return res.body as ImprovementPlan;
}

async function addAction(returnId: string, body: object): Promise<PlanAction> {
  const res = await lead.post(`/api/returns/${returnId}/plan/actions`, body);
  if (res.status !== 201) throw new Error(`add action ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as PlanAction;
}

async function historyOf(returnId: string): Promise<string[]> {
  const res = await lead.get(`/api/returns/${returnId}/history?pageSize=100`).expect(200);
  return (res.body as ReturnHistory).items.map((e) => e.action);
}

describe('who may read and change a plan', () => {
  it('the trust reads it; ICS leads, other trusts and the signed-out do not; only the lead sets targets', async () => {
    const ret = await answeredReturn();
    const path = `/api/returns/${ret.id}/plan`;
    const empty = await planOf(lead, ret.id);
    expect(empty).toMatchObject({
      returnId: ret.id,
      version: 0,
      targetDate: null,
      targets: [],
      proposals: [],
      approvals: [],
      permissions: { edit: true, updateOwn: true, approve: false },
    });
    // Tests share the database: only actions carried from another test's earlier plan could be here.
    expect(empty.actions.filter((x) => x.carriedFrom === null)).toEqual([]);
    expect(empty.scores.today.domains[d(0)]).toBe(2);
    expect((await planOf(contributor, ret.id)).permissions).toEqual({
      edit: false,
      updateOwn: true,
      approve: false,
    });
    expect((await planOf(board, ret.id)).permissions).toEqual({
      edit: false,
      updateOwn: false,
      approve: false,
    });
    expect((await icsLead.get(path)).status).toBe(403);
    expect((await outsider.get(path)).status).toBe(403);
    expect((await anonymous.get(path)).status).toBe(401);

    const targets = {
      baseVersion: 0,
      targetDate: null,
      targets: [{ domainId: d(0), level: 3 }],
      measureTargets: [],
    };
    for (const client of [contributor, board, icsLead, outsider]) {
      expect((await client.put(path, targets)).status).toBe(403);
      expect((await client.post(`${path}/actions`, { domainId: d(0), title: 'No' })).status).toBe(403);
    }
    expect(
      (await lead.post(`${path}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'M1' })).status,
    ).toBe(403);
    // The board approves a draft's plan with the return, not on its own.
    const early = await board.post(`${path}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'M1' });
    expect(early.status).toBe(409);
    expect(errorOf(early).code).toBe('RETURN_STATE');
    expect((await planOf(lead, ret.id)).version).toBe(0);
    await lead.put(path, targets).expect(200);
  });
});

describe('validation', () => {
  it('refuses bad targets and actions with field messages, saving nothing', async () => {
    const ret = await answeredReturn();
    const path = `/api/returns/${ret.id}/plan`;
    const shape = await lead.put(path, {
      baseVersion: 0,
      targetDate: '2027-02-30',
      targets: [{ domainId: 'Not An Id', level: 6 }],
      measureTargets: [{ measure: 'nope', score: 7.123 }],
    });
    expect(shape.status).toBe(400);
    expect(fieldsOf(shape)).toEqual([
      'measureTargets.0.measure',
      'measureTargets.0.score',
      'targetDate',
      'targets.0.domainId',
      'targets.0.level',
    ]);
    const meaning = await lead.put(path, {
      baseVersion: 0,
      targetDate: '2027-09-30',
      targets: [
        { domainId: 'no-such-domain', level: 3 },
        { domainId: d(1), level: 3 },
        { domainId: d(0), level: 4 },
        { domainId: d(0), level: 5 },
      ],
      measureTargets: [],
    });
    expect(meaning.status).toBe(400);
    expect(fieldsOf(meaning)).toEqual(['targets.0.domainId', 'targets.1.level', 'targets.3.domainId']);
    expect(errorOf(meaning).errors!.find((e) => e.field === 'targets.1.level')!.messages[0]).toMatch(
      /at level 3 today/,
    );

    const missing = await lead.post(`${path}/actions`, {});
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing)).toEqual(['domainId', 'title']);
    const wrong = await lead.post(`${path}/actions`, {
      domainId: d(0),
      title: 'Wrong in every way',
      elementIds: ['nope'],
      ownerId: outsiderId,
      state: 'blocked',
      evidenceIds: [randomUUID()],
    });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong)).toEqual(['blockedReason', 'elementIds', 'evidenceIds', 'ownerId']);
    const types = await lead.post(`${path}/actions`, {
      domainId: d(0),
      title: 'x',
      dueDate: '31/03/2027',
      state: 'finished',
      funding: 'lottery',
    });
    expect(fieldsOf(types)).toEqual(['dueDate', 'funding', 'state']);
    const plan = await planOf(lead, ret.id);
    expect(plan.version).toBe(0);
    expect(plan.actions.filter((x) => x.carriedFrom === null)).toEqual([]);
  });
});

describe('a plan from a real gap', () => {
  let ret: ReturnDetail;
  let path: string;
  let a: PlanAction;
  let b: PlanAction;
  let c: PlanAction;

  beforeAll(async () => {
    ret = await answeredReturn();
    path = `/api/returns/${ret.id}/plan`;
  });

  it('proposes one action per unmet element between today and the target, and scores today, projected and target', async () => {
    const res = await lead.put(path, {
      baseVersion: 0,
      targetDate: '2027-09-30',
      targets: [{ domainId: d(0), level: 4 }],
      measureTargets: [{ measure: org.domains[0]!.measure, score: 4 }],
    });
    expect(res.status).toBe(200);
    const plan = res.body as ImprovementPlan;
    expect(plan.version).toBe(1);
    expect(plan.targets).toEqual([{ domainId: d(0), level: 4 }]);
    expect(plan.proposals.map((p) => p.elementId)).toEqual([
      `${d(0)}-l3-e1`,
      `${d(0)}-l3-e2`,
      `${d(0)}-l4-e1`,
      `${d(0)}-l4-e2`,
    ]);
    expect(plan.proposals[0]).toEqual({
      domainId: d(0),
      elementId: `${d(0)}-l3-e1`,
      level: 3,
      title: 'Element 1 of level 3.',
      description: 'Guidance.',
      evidenceHint: 'Evidence.',
    });
    expect(plan.scores.today.domains[d(0)]).toBe(2);
    expect(plan.scores.projected.domains[d(0)]).toBe(2);
    expect(plan.scores.target.domains[d(0)]).toBe(4);
    expect(plan.scores.today.overall).toBeCloseTo(20 / 7, 10);
    expect(plan.scores.target.overall).toBeCloseTo(22 / 7, 10);
    expect(plan.scores.target.measures[org.domains[0]!.measure]).toBe(4);
  });

  it('projects the actions due by the target date (and undated ones), and drops covered proposals', async () => {
    a = await addAction(ret.id, {
      domainId: d(0),
      elementIds: [`${d(0)}-l3-e1`, `${d(0)}-l3-e2`],
      title: 'Reach level 3',
      description: 'Both level 3 elements',
      ownerId: contributorId,
      dueDate: '2027-03-31',
      state: 'not-started',
      funding: 'revenue',
      expectedBenefit: 'Safer care',
    });
    expect(a).toMatchObject({
      version: 1,
      owner: { id: contributorId },
      carriedFrom: null,
      blockedReason: null,
    });
    b = await addAction(ret.id, {
      domainId: d(0),
      elementIds: [`${d(0)}-l4-e1`],
      title: 'L4 one',
      dueDate: '2028-01-31',
    });
    c = await addAction(ret.id, {
      domainId: d(0),
      elementIds: [`${d(0)}-l4-e2`],
      title: 'L4 two',
      dueDate: null,
    });
    let plan = await planOf(lead, ret.id);
    expect(plan.proposals).toEqual([]);
    // B is due after the target date: level 4 is not reached by then.
    expect(plan.scores.projected.domains[d(0)]).toBe(3);
    expect(plan.scores.projected.overall).toBeCloseTo(21 / 7, 10);
    const moved = await lead.patch(`${path}/actions/${b.id}`, { baseVersion: 1, dueDate: '2027-06-30' });
    expect(moved.status).toBe(200);
    b = moved.body as PlanAction;
    expect(b.version).toBe(2);
    plan = await planOf(lead, ret.id);
    expect(plan.scores.projected.domains[d(0)]).toBe(4);
    expect(plan.scores.projected.overall).toBeCloseTo(22 / 7, 10);
    expect(plan.scores.today.domains[d(0)]).toBe(2);
  });

  it('lets a contributor update only the actions they own, and only their state, description, evidence and reason', async () => {
    const own = await contributor.patch(`${path}/actions/${a.id}`, {
      baseVersion: 1,
      state: 'in-progress',
      description: 'Started',
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ state: 'in-progress', description: 'Started', version: 2 });
    expect(
      (await contributor.patch(`${path}/actions/${a.id}`, { baseVersion: 2, title: 'Mine' })).status,
    ).toBe(403);
    expect(
      (await contributor2.patch(`${path}/actions/${a.id}`, { baseVersion: 2, state: 'done' })).status,
    ).toBe(403);
    expect(
      (await contributor.patch(`${path}/actions/${b.id}`, { baseVersion: 2, state: 'done' })).status,
    ).toBe(403);
    expect((await board.patch(`${path}/actions/${a.id}`, { baseVersion: 2, state: 'done' })).status).toBe(
      403,
    );
    expect((await contributor.delete(`${path}/actions/${a.id}?baseVersion=2`)).status).toBe(403);
    const noReason = await contributor.patch(`${path}/actions/${a.id}`, { baseVersion: 2, state: 'blocked' });
    expect(noReason.status).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['blockedReason']);
    // The database holds the same rule, whatever SQL is sent.
    await expect(
      t.dataSource.query(`UPDATE plan_action SET state = 'blocked', blocked_reason = NULL WHERE id = $1`, [
        a.id,
      ]),
    ).rejects.toThrow(/plan_action_blocked_reason/);
    const blocked = await contributor.patch(`${path}/actions/${a.id}`, {
      baseVersion: 2,
      state: 'blocked',
      blockedReason: 'Waiting for funding',
    });
    expect(blocked.body).toMatchObject({
      state: 'blocked',
      blockedReason: 'Waiting for funding',
      version: 3,
    });
    const unblocked = await contributor.patch(`${path}/actions/${a.id}`, {
      baseVersion: 3,
      state: 'in-progress',
    });
    expect(unblocked.body).toMatchObject({ state: 'in-progress', blockedReason: null, version: 4 });
    // Evidence of this return only.
    const link = await contributor
      .post(`/api/returns/${ret.id}/evidence/links`, {
        title: 'Minutes',
        url: 'https://example.nhs.uk/minutes',
      })
      .expect(201);
    const elsewhere = await answeredReturn();
    const foreign = await lead
      .post(`/api/returns/${elsewhere.id}/evidence/links`, {
        title: 'Other',
        url: 'https://example.nhs.uk/other',
      })
      .expect(201);
    const wrongEvidence = await contributor.patch(`${path}/actions/${a.id}`, {
      baseVersion: 4,
      evidenceIds: [(foreign.body as { id: string }).id],
    });
    expect(wrongEvidence.status).toBe(400);
    expect(fieldsOf(wrongEvidence)).toEqual(['evidenceIds']);
    const cited = await contributor.patch(`${path}/actions/${a.id}`, {
      baseVersion: 4,
      evidenceIds: [(link.body as { id: string }).id],
    });
    expect(cited.status).toBe(200);
    a = cited.body as PlanAction;
    expect(a).toMatchObject({ evidenceIds: [(link.body as { id: string }).id], version: 5 });
  });

  it('refuses stale edits with 409 and what is stored now', async () => {
    const stale = await lead.patch(`${path}/actions/${a.id}`, { baseVersion: 1, title: 'Old' });
    expect(stale.status).toBe(409);
    const conflict = stale.body as ActionConflictError;
    expect(conflict.code).toBe('ACTION_CONFLICT');
    expect(conflict.current).toMatchObject({ id: a.id, version: 5, state: 'in-progress' });
    const staleTargets = await lead.put(path, {
      baseVersion: 0,
      targetDate: null,
      targets: [{ domainId: d(0), level: 5 }],
      measureTargets: [],
    });
    expect(staleTargets.status).toBe(409);
    const planConflict = staleTargets.body as PlanConflictError;
    expect(planConflict.code).toBe('PLAN_CONFLICT');
    expect(planConflict.current).toMatchObject({ version: 1, targets: [{ domainId: d(0), level: 4 }] });
    expect((await lead.delete(`${path}/actions/${a.id}?baseVersion=1`)).status).toBe(409);
    expect((await lead.patch(`${path}/actions/${a.id}`, { baseVersion: 5, title: 'Old' })).status).toBe(200);
  });

  it('merges actions of one domain into the first, and refuses actions of different domains', async () => {
    const other = await addAction(ret.id, { domainId: d(1), title: 'Another domain' });
    const across = await lead.post(`${path}/actions/merge`, {
      actions: [
        { id: b.id, baseVersion: 2 },
        { id: other.id, baseVersion: 1 },
      ],
    });
    expect(across.status).toBe(400);
    expect(fieldsOf(across)).toEqual(['actions']);
    const stale = await lead.post(`${path}/actions/merge`, {
      actions: [
        { id: b.id, baseVersion: 1 },
        { id: c.id, baseVersion: 1 },
      ],
    });
    expect(stale.status).toBe(409);
    const merged = await lead.post(`${path}/actions/merge`, {
      actions: [
        { id: b.id, baseVersion: 2 },
        { id: c.id, baseVersion: 1 },
      ],
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      id: b.id,
      elementIds: [`${d(0)}-l4-e1`, `${d(0)}-l4-e2`],
      version: 3,
    });
    expect((await lead.delete(`${path}/actions/${other.id}?baseVersion=1`)).status).toBe(204);
    expect((await lead.delete(`${path}/actions/${other.id}?baseVersion=1`)).status).toBe(404);
    const plan = await planOf(lead, ret.id);
    expect(plan.actions.filter((x) => x.carriedFrom === null).map((x) => x.id)).toEqual([a.id, b.id]);
    expect(plan.proposals).toEqual([]);
  });

  it('records every change in the return’s history', async () => {
    const actions = await historyOf(ret.id);
    for (const action of [
      'plan.targets-saved',
      'plan.action-added',
      'plan.action-updated',
      'plan.actions-merged',
      'plan.action-removed',
    ]) {
      expect(actions).toContain(action);
    }
  });
});

describe('the board’s approval keeps the plan as approved', () => {
  let ret: ReturnDetail;
  let path: string;
  let action: PlanAction;

  beforeAll(async () => {
    ret = await answeredReturn();
    path = `/api/returns/${ret.id}/plan`;
    await lead
      .put(path, {
        baseVersion: 0,
        targetDate: '2027-09-30',
        targets: [{ domainId: d(0), level: 3 }],
        measureTargets: [],
      })
      .expect(200);
    action = await addAction(ret.id, {
      domainId: d(0),
      elementIds: [`${d(0)}-l3-e1`, `${d(0)}-l3-e2`],
      title: 'As approved',
    });
  });

  it('with the return’s approval, in the same step', async () => {
    await lead.post(`/api/returns/${ret.id}/ready`).expect(200);
    const res = await board.post(`/api/returns/${ret.id}/approvals`, {
      meetingDate: isoDay(-1),
      minuteReference: 'Board 2026/1',
    });
    expect(res.status).toBe(201);
    const approval = res.body as Approval;
    const plan = await planOf(lead, ret.id);
    expect(plan.approvals).toHaveLength(1);
    const record = plan.approvals[0]!;
    expect(record).toMatchObject({
      returnApprovalId: approval.id,
      planVersion: 1,
      minuteReference: 'Board 2026/1',
    });
    await lead.patch(`${path}/actions/${action.id}`, { baseVersion: 1, title: 'Changed later' }).expect(200);
    // The return's approval stands: the plan is the living part.
    expect((await getReturn(lead, ret.id)).state).toBe('approved');
    const approved = (await lead.get(`${path}/approvals/${record.id}`).expect(200)).body as ApprovedPlan;
    expect(approved.approval.id).toBe(record.id);
    expect(approved.plan.actions.map((x) => x.title)).toEqual(['As approved']);
    expect(approved.plan.targets).toEqual([{ domainId: d(0), level: 3 }]);
    expect(approved.plan.scores.projected.domains[d(0)]).toBe(3);
    expect((await planOf(lead, ret.id)).actions[0]!.title).toBe('Changed later');
    // Not even the database changes it.
    await expect(
      t.dataSource.query(`UPDATE plan_approval SET minute_reference = 'x' WHERE id = $1`, [record.id]),
    ).rejects.toThrow(/never changes/);
    expect((await icsLead.get(`${path}/approvals/${record.id}`)).status).toBe(403);
    expect((await lead.get(`${path}/approvals/${randomUUID()}`)).status).toBe(404);
  });

  it('on its own once the return is sealed, and the plan stays editable', async () => {
    await lead.post(`/api/returns/${ret.id}/submit`).expect(200);
    expect((await planOf(board, ret.id)).permissions.approve).toBe(true);
    const future = await board.post(`${path}/approvals`, {
      meetingDate: isoDay(30),
      minuteReference: 'Later',
    });
    expect(future.status).toBe(400);
    expect(fieldsOf(future)).toEqual(['meetingDate']);
    const res = await board.post(`${path}/approvals`, {
      meetingDate: isoDay(-1),
      minuteReference: 'Board 2026/2',
    });
    expect(res.status).toBe(201);
    const record = res.body as PlanApprovalRecord;
    expect(record).toMatchObject({ returnApprovalId: null, planVersion: 1 });
    await lead.patch(`${path}/actions/${action.id}`, { baseVersion: 2, state: 'done' }).expect(200);
    await lead
      .put(path, {
        baseVersion: 1,
        targetDate: '2027-12-31',
        targets: [{ domainId: d(0), level: 4 }],
        measureTargets: [],
      })
      .expect(200);
    const approved = (await board.get(`${path}/approvals/${record.id}`).expect(200)).body as ApprovedPlan;
    expect(approved.plan.actions).toMatchObject([{ title: 'Changed later', state: 'not-started' }]);
    expect(approved.plan.targetDate).toBe('2027-09-30');
    const plan = await planOf(lead, ret.id);
    expect(plan.approvals.map((x) => x.id)).toContain(record.id);
    expect(plan.version).toBe(2);
    const history = await historyOf(ret.id);
    expect(history.filter((x) => x === 'plan.approved')).toHaveLength(2);
  });
});

describe('the next cycle', () => {
  it('carries open actions forward once, and flags elements whose action is done but not ticked', async () => {
    const year = 2040 + randomInt(0, 50);
    const first = await answeredReturn(`${year}-04-01`);
    const path1 = `/api/returns/${first.id}/plan`;
    await lead
      .put(path1, {
        baseVersion: 0,
        targetDate: `${year + 1}-03-31`,
        targets: [{ domainId: d(0), level: 4 }],
        measureTargets: [],
      })
      .expect(200);
    const done = await addAction(first.id, {
      domainId: d(0),
      elementIds: [`${d(0)}-l3-e1`, `${d(0)}-l3-e2`],
      title: 'Level 3',
      state: 'done',
    });
    const open = await addAction(first.id, {
      domainId: d(0),
      elementIds: [`${d(0)}-l4-e1`],
      title: 'Level 4 first',
      ownerId: contributorId,
      state: 'in-progress',
    });
    const blocked = await addAction(first.id, {
      domainId: d(0),
      elementIds: [`${d(0)}-l4-e2`],
      title: 'Level 4 second',
      state: 'blocked',
      blockedReason: 'Supplier',
    });
    // In the first return, the done action's elements are flagged too.
    expect(
      (await planOf(lead, first.id)).doneNotTicked
        .filter((x) => x.actionId === done.id)
        .map((x) => x.elementId),
    ).toEqual([`${d(0)}-l3-e1`, `${d(0)}-l3-e2`]);

    const second = await answeredReturn(`${year}-04-02`);
    // Read first by a board approver: reading is enough to carry the actions forward.
    const plan = await planOf(board, second.id);
    expect(plan.version).toBe(0);
    // (Tests share the database: the first plan may itself hold actions carried from an earlier run.)
    const mine = plan.actions.filter((x) => [open.id, blocked.id].includes(x.carriedFrom?.actionId ?? ''));
    expect(mine.map((x) => x.title)).toEqual(['Level 4 first', 'Level 4 second']);
    const carried = mine[0]!;
    expect(carried.carriedFrom).toEqual({ actionId: open.id, cycleName: first.cycle.name });
    expect(carried).toMatchObject({ owner: { id: contributorId }, state: 'in-progress', evidenceIds: [] });
    expect(mine[1]).toMatchObject({ state: 'blocked', blockedReason: 'Supplier' });
    expect(plan.doneNotTicked).toEqual([
      { domainId: d(0), elementId: `${d(0)}-l3-e1`, actionId: done.id },
      { domainId: d(0), elementId: `${d(0)}-l3-e2`, actionId: done.id },
    ]);
    // Ticked, the flag goes.
    const current = (await getReturn(lead, second.id)).answers.find((x) => x.domainId === d(0))!;
    await lead
      .put(
        `/api/returns/${second.id}/answers/${d(0)}`,
        answer([...upTo(d(0), 2), `${d(0)}-l3-e1`], { baseVersion: current.version }),
      )
      .expect(200);
    expect((await planOf(lead, second.id)).doneNotTicked.map((x) => x.elementId)).toEqual([`${d(0)}-l3-e2`]);
    expect((await planOf(lead, second.id)).actions).toHaveLength(plan.actions.length);
    expect(await historyOf(second.id)).toContain('plan.carried-forward');

    // Read by several at once, a third cycle's plan still carries each open action once.
    const third = await answeredReturn(`${year}-04-03`);
    const reads = await Promise.all([0, 1, 2].map(() => lead.get(`/api/returns/${third.id}/plan`)));
    for (const res of reads) expect(res.status).toBe(200);
    const thirdPlan = await planOf(lead, third.id);
    expect(thirdPlan.actions.map((x) => x.carriedFrom?.actionId)).toEqual(plan.actions.map((x) => x.id));
    expect((await historyOf(third.id)).filter((x) => x === 'plan.carried-forward')).toHaveLength(1);
  });
});

describe('a framework that changed between cycles', () => {
  it('moves carried actions to the domain of the same lineage, drops elements gone, and leaves behind actions of domains gone', async () => {
    const year = 2100 + randomInt(0, 50);
    const first = await answeredReturn(`${year}-04-01`);
    const renamed = await addAction(first.id, {
      domainId: d(0),
      elementIds: [`${d(0)}-l3-e1`],
      title: 'On a renamed domain',
    });
    const kept = await addAction(first.id, {
      domainId: d(2),
      elementIds: [`${d(2)}-l4-e1`],
      title: 'Unchanged',
    });
    const retired = await addAction(first.id, {
      domainId: d(1),
      elementIds: [`${d(1)}-l4-e1`],
      title: 'On a retired domain',
    });
    // The next framework: d(0) renamed (same lineage, new element ids), d(1) replaced by a new domain.
    const next = smallFramework('organisation', {
      domains: org.domains.map((domain, i) => {
        if (i === 0) {
          const moved = syntheticDomain(`${domain.id}-v2`, domain.measure, [2, 2, 2, 2], {
            notApplicableAllowed: true,
          });
          return { ...moved, lineage: { id: domain.lineage.id, relation: 'new' as const } };
        }
        if (i === 1) return syntheticDomain(`${domain.id}-new`, domain.measure, [2, 2, 2, 2]);
        return domain;
      }),
    });
    await uploadFrameworks(admin, next);
    const cycle = await createCycle(admin, next, sys, { referenceDate: `${year}-04-02` });
    const { created } = await startReturns(lead, 'RJ1', cycle.id);
    const plan = await planOf(lead, created[0]!.id);
    const ours = [renamed.id, kept.id, retired.id];
    expect(
      plan.actions
        .filter((a) => ours.includes(a.carriedFrom?.actionId ?? ''))
        .map((a) => [a.title, a.domainId, a.elementIds, a.carriedFrom?.actionId]),
    ).toEqual([
      ['On a renamed domain', `${d(0)}-v2`, [], renamed.id],
      ['Unchanged', d(2), [`${d(2)}-l4-e1`], kept.id],
    ]);
    const history = (
      (await lead.get(`/api/returns/${created[0]!.id}/history?pageSize=100`).expect(200))
        .body as ReturnHistory
    ).items.find((e) => e.action === 'plan.carried-forward')!;
    expect(history.details).toMatchObject({
      leftBehind: expect.arrayContaining([
        { actionId: retired.id, title: 'On a retired domain', domainId: d(1) },
      ]),
    });
  });
});

describe('concurrent edits', () => {
  it('the first writes of a new plan both land; of two edits on one version, one wins and the other is 409', async () => {
    const ret = await answeredReturn();
    const path = `/api/returns/${ret.id}/plan`;
    const adds = await Promise.all(
      ['One', 'Two', 'Three'].map((title) => lead.post(`${path}/actions`, { domainId: d(0), title })),
    );
    expect(adds.map((r) => r.status)).toEqual([201, 201, 201]);
    const id = (adds[0]!.body as PlanAction).id;
    const edits = await Promise.all([
      lead.patch(`${path}/actions/${id}`, { baseVersion: 1, state: 'blocked', blockedReason: 'Why' }),
      lead.patch(`${path}/actions/${id}`, { baseVersion: 1, state: 'in-progress' }),
      lead.patch(`${path}/actions/${id}`, { baseVersion: 1, state: 'done' }),
    ]);
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    for (const r of edits.filter((x) => x.status === 409)) {
      expect((r.body as ActionConflictError).current.version).toBe(2);
    }
    const saves = await Promise.all(
      [3, 4].map((level) =>
        lead.put(path, {
          baseVersion: 0,
          targetDate: null,
          targets: [{ domainId: d(0), level }],
          measureTargets: [],
        }),
      ),
    );
    expect(saves.map((r) => r.status).sort()).toEqual([200, 409]);
    const plan = await planOf(lead, ret.id);
    expect(plan.actions).toHaveLength(3);
    expect(plan.version).toBe(1);
  });
});
