/**
 * The embedded database is a single connection: a query made outside a request's transaction while
 * it is open would wait for ever. This runs the whole return workflow in embedded mode to prove no
 * route does (the other return tests run on DATABASE_URL in CI).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ImprovementPlan, PlanAction, ReturnDetail, ReturnHistory } from '@wgll/contracts';
import { type Client, clientWith } from './support/auth.js';
import {
  answerAll,
  createCycle,
  getReturn,
  isoDay,
  smallFramework,
  startReturns,
  uploadFrameworks,
} from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: Client;
let lead: Client;
let board: Client;

beforeAll(async () => {
  t = await startTestApp({ mode: 'embedded' });
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
  board = await clientWith(t, [{ role: 'board-approver', scopeCode: 'RJ1' }]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('returns on the embedded database', () => {
  it('start, answer, evidence, assign, ready, approve, submit, reopen, verify, then carry forward', async () => {
    const org = smallFramework('organisation');
    const sys = smallFramework('system');
    await uploadFrameworks(admin, org, sys);
    const cycle = await createCycle(admin, org, sys, { referenceDate: '2025-04-01' });
    const { created } = await startReturns(lead, 'RJ1', cycle.id);
    const ret = await getReturn(lead, created[0]!.id);
    const base = `/api/returns/${ret.id}`;
    await answerAll(lead, ret, org);
    await lead
      .post(`${base}/evidence/links`, { title: 'Minutes', url: 'https://example.nhs.uk/m' })
      .expect(201);
    const people = (await lead.get(`${base}/assignees`).expect(200)).body as { items: { id: string }[] };
    await lead.put(`${base}/assignments`, { measure: 'well-led', userId: people.items[0]!.id }).expect(200);
    // The improvement plan: targets, an action, a stale edit, and its approvals (issue 17).
    const d0 = org.domains[0]!.id;
    const targets = { targetDate: '2027-03-31', targets: [{ domainId: d0, level: 4 }], measureTargets: [] };
    await lead.put(`${base}/plan`, { baseVersion: 0, ...targets }).expect(200);
    expect((await lead.put(`${base}/plan`, { baseVersion: 0, ...targets })).status).toBe(409);
    const action = (
      await lead
        .post(`${base}/plan/actions`, {
          domainId: d0,
          elementIds: [`${d0}-l4-e1`],
          title: 'Level 4',
          ownerId: people.items[0]!.id,
        })
        .expect(201)
    ).body as PlanAction;
    expect(
      (await lead.patch(`${base}/plan/actions/${action.id}`, { baseVersion: 2, state: 'done' })).status,
    ).toBe(409);
    await lead.post(`${base}/ready`).expect(200);
    await board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'E1' }).expect(201);
    expect(((await lead.get(`${base}/plan`).expect(200)).body as ImprovementPlan).approvals).toHaveLength(1);
    const submitted = (await lead.post(`${base}/submit`).expect(200)).body as ReturnDetail;
    expect(submitted.state).toBe('submitted');
    await board
      .post(`${base}/plan/approvals`, { meetingDate: isoDay(-1), minuteReference: 'E2' })
      .expect(201);
    const reopened = (await admin.post(`${base}/reopen`, { reason: 'Embedded check' }).expect(200))
      .body as ReturnDetail;
    expect(reopened).toMatchObject({ state: 'draft', revision: 2 });
    const check = await lead.get(`${base}/seals/1/verification`).expect(200);
    expect(check.body).toMatchObject({ verified: true });
    const history = (await lead.get(`${base}/history?pageSize=100`).expect(200)).body as ReturnHistory;
    expect(history.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['return.created', 'return.submitted', 'return.reopened']),
    );
    // Carry forward inside the creating transaction: the seal, both frameworks, the evidence copy.
    const next = await createCycle(admin, org, sys, { referenceDate: '2026-04-01' });
    const carried = await startReturns(lead, 'RJ1', next.id, { carryForward: true });
    const copy = await getReturn(lead, carried.created[0]!.id);
    expect(copy.carriedForwardFrom?.returnId).toBe(ret.id);
    expect(copy.progress).toMatchObject({ total: 7, toConfirm: 7 });
    // The open action carried into the next cycle's plan on its first read.
    const plan = (await lead.get(`/api/returns/${copy.id}/plan`).expect(200)).body as ImprovementPlan;
    expect(plan.actions.map((a) => a.carriedFrom?.actionId)).toEqual([action.id]);
  }, 60_000);
});
