import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiError,
  Assignment,
  Cycle,
  MyAssignmentList,
  ReturnDetail,
  WaitingForYou,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { anonymousClient, auditOf, type Client, clientWith, createUser, signIn } from './support/auth.js';
import {
  answer,
  answerAll,
  createCycle,
  getReturn,
  isoDay,
  smallFramework,
  startReturns,
  upTo,
  uploadFrameworks,
} from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/*
 * Gloucestershire ICS (QR1: RTE acute; RTQ community and mental health) and, out of scope, Cornwall
 * (QT6: REF acute) in the South West (Y58); Lincolnshire (QJM, Midlands) out of the region. No other
 * test file uses these trusts; the cycles have reference dates of their own.
 */
let t: TestApp;
let admin: Client;
let org: FrameworkVersion;
let sys: FrameworkVersion;
let cycle: Cycle;
let cycle2: Cycle;
/** Board approver of RTE and trust lead of RTQ: sees both sections. */
let approver: Client;
let approverEmail: string;
let contributor: Client;
let contributorId: string;
let rtqBoard: Client;
let refLead: Client;
let refBoard: Client;
let rteLead: Client;
let icsLead: Client;
let regional: Client;
let anonymous: Client;
let rte: ReturnDetail;
let ref: ReturnDetail;
let rtqCommunity: ReturnDetail;
let rtqMental: ReturnDetail;
let rtqApproved: ReturnDetail;

async function user(grants: Parameters<typeof createUser>[1]) {
  const created = await createUser(t, grants);
  return { client: await signIn(t, created.email), id: created.id, email: created.email };
}

async function waiting(client: Client): Promise<WaitingForYou> {
  const res = await client.get('/api/me/waiting');
  expect(res.status).toBe(200);
  return res.body as WaitingForYou;
}

async function readyForBoard(lead: Client, ret: ReturnDetail): Promise<ReturnDetail> {
  await answerAll(lead, ret, org);
  const res = await lead.post(`/api/returns/${ret.id}/ready`);
  if (res.status !== 200) throw new Error(`ready ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ReturnDetail;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  org = smallFramework('organisation');
  sys = smallFramework('system');
  await uploadFrameworks(admin, org, sys);
  cycle = await createCycle(admin, org, sys, {
    opensOn: isoDay(-20),
    closesOn: isoDay(40),
    referenceDate: '2026-05-21',
  });
  cycle2 = await createCycle(admin, org, sys, {
    opensOn: isoDay(-20),
    closesOn: isoDay(41),
    referenceDate: '2026-05-22',
  });
  const a = await user([
    { role: 'board-approver', scopeCode: 'RTE' },
    { role: 'trust-lead', scopeCode: 'RTQ' },
  ]);
  approver = a.client;
  approverEmail = a.email;
  const c = await user([{ role: 'trust-contributor', scopeCode: 'RTQ' }]);
  contributor = c.client;
  contributorId = c.id;
  rtqBoard = (await user([{ role: 'board-approver', scopeCode: 'RTQ' }])).client;
  rteLead = (await user([{ role: 'trust-lead', scopeCode: 'RTE' }])).client;
  refLead = (await user([{ role: 'trust-lead', scopeCode: 'REF' }])).client;
  refBoard = (await user([{ role: 'board-approver', scopeCode: 'REF' }])).client;
  icsLead = (await user([{ role: 'ics-lead', scopeCode: 'QR1' }])).client;
  regional = (await user([{ role: 'regional-viewer', scopeCode: 'Y58' }])).client;
  anonymous = await anonymousClient(t);

  // RTE and (out of scope) REF: awaiting board approval.
  const rteId = (await startReturns(rteLead, 'RTE', cycle.id)).created[0]!.id;
  rte = await readyForBoard(rteLead, await getReturn(rteLead, rteId));
  const refId = (await startReturns(refLead, 'REF', cycle.id)).created[0]!.id;
  ref = await readyForBoard(refLead, await getReturn(refLead, refId));
  // RTQ: community sent back by the board; mental health a draft with assignments.
  const rtq = (await startReturns(approver, 'RTQ', cycle.id)).created;
  const communityId = rtq.find((r) => r.careSetting === 'community')!.id;
  rtqMental = await getReturn(approver, rtq.find((r) => r.careSetting === 'mental-health')!.id);
  await readyForBoard(approver, await getReturn(approver, communityId));
  const declined = await rtqBoard.post(`/api/returns/${communityId}/declines`, {
    reason: 'Evidence for the records domain is missing',
  });
  expect(declined.status).toBe(201);
  rtqCommunity = await getReturn(approver, communityId);
  // RTQ community in the second cycle: approved, ready to submit.
  const approvedId = (await startReturns(approver, 'RTQ', cycle2.id, { careSettings: ['community'] }))
    .created[0]!.id;
  await readyForBoard(approver, await getReturn(approver, approvedId));
  const approval = await rtqBoard.post(`/api/returns/${approvedId}/approvals`, {
    meetingDate: isoDay(-1),
    minuteReference: 'W20/1',
  });
  expect(approval.status).toBe(201);
  rtqApproved = await getReturn(approver, approvedId);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

function assign(lead: Client, ret: Pick<ReturnDetail, 'id'>, body: object) {
  return lead.put(`/api/returns/${ret.id}/assignments`, body);
}

/** Assigns with a date today or later, then moves the due date into the past, as time would. */
async function assignOverdue(
  lead: Client,
  ret: Pick<ReturnDetail, 'id'>,
  body: object,
  dueDate: string,
): Promise<Assignment> {
  const saved = (await assign(lead, ret, { ...body, dueDate: isoDay(30) }).expect(200)).body as Assignment;
  await t.dataSource.query('UPDATE return_assignment SET due_date = $1 WHERE id = $2', [dueDate, saved.id]);
  return { ...saved, dueDate };
}

describe('due dates on assignments', () => {
  it('refuses a due date that is not a real date with a 400 naming the field, and changes nothing', async () => {
    const measure = org.measures[6]!.id;
    for (const dueDate of ['2027-02-30', 'next Friday', '31/01/2027', 20270131, true]) {
      const res = await assign(approver, rtqMental, { measure, userId: contributorId, dueDate });
      expect(res.status).toBe(400);
      expect((res.body as ApiError).errors?.map((e) => e.field)).toEqual(['dueDate']);
    }
    expect((await getReturn(approver, rtqMental.id)).assignments.some((x) => x.measure === measure)).toBe(
      false,
    );
  });

  it('refuses a new due date in the past with a 400 naming the field, and writes nothing', async () => {
    const measure = org.measures[6]!.id;
    for (const dueDate of [isoDay(-1), isoDay(-400)]) {
      const res = await assign(approver, rtqMental, { measure, userId: contributorId, dueDate });
      expect(res.status).toBe(400);
      expect((res.body as ApiError).errors).toEqual([
        { field: 'dueDate', messages: ['Enter a due date that is today or in the future'] },
      ]);
    }
    expect((await getReturn(approver, rtqMental.id)).assignments.some((x) => x.measure === measure)).toBe(
      false,
    );
    const events = await auditOf(admin, 'return.assigned', approverEmail);
    expect(events.filter((e) => [isoDay(-1), isoDay(-400)].includes(e.details['dueDate'] as string))).toEqual(
      [],
    );
    // Tomorrow is taken (today is too, in the UK, however far the UTC date lags it).
    const ok = await assign(approver, rtqMental, { measure, userId: contributorId, dueDate: isoDay(1) });
    expect(ok.status).toBe(200);
    expect(
      (await approver.delete(`/api/returns/${rtqMental.id}/assignments/${(ok.body as Assignment).id}`))
        .status,
    ).toBe(204);
  });

  it('keeps a due date that has passed when assigning again with it, but refuses another past date', async () => {
    const measure = org.measures[6]!.id;
    const past = isoDay(-4);
    await assignOverdue(approver, rtqMental, { measure, userId: contributorId }, past);
    const kept = await assign(approver, rtqMental, { measure, userId: contributorId, dueDate: past });
    expect(kept.status).toBe(200);
    expect((kept.body as Assignment).dueDate).toBe(past);
    const moved = await assign(approver, rtqMental, { measure, userId: contributorId, dueDate: isoDay(-3) });
    expect(moved.status).toBe(400);
    expect((moved.body as ApiError).errors?.map((e) => e.field)).toEqual(['dueDate']);
    const detail = await getReturn(approver, rtqMental.id);
    const still = detail.assignments.find((x) => x.measure === measure)!;
    expect(still.dueDate).toBe(past);
    expect((await approver.delete(`/api/returns/${rtqMental.id}/assignments/${still.id}`)).status).toBe(204);
  });

  it('sets, changes and clears the due date by assigning again, audited with the date', async () => {
    const measure = org.measures[6]!.id;
    const [first, second] = [isoDay(60), isoDay(90)];
    const set = await assign(approver, rtqMental, { measure, userId: contributorId, dueDate: first });
    expect(set.status).toBe(200);
    expect((set.body as Assignment).dueDate).toBe(first);
    const changed = await assign(approver, rtqMental, {
      measure,
      userId: contributorId,
      dueDate: second,
    });
    expect((changed.body as Assignment).dueDate).toBe(second);
    const detail = await getReturn(approver, rtqMental.id);
    expect(detail.assignments.find((x) => x.measure === measure)?.dueDate).toBe(second);
    const mine = (await contributor.get('/api/me/assignments').expect(200)).body as MyAssignmentList;
    expect(mine.items.find((i) => i.assignment.measure === measure)?.assignment.dueDate).toBe(second);
    const cleared = await assign(approver, rtqMental, { measure, userId: contributorId, dueDate: null });
    expect(cleared.status).toBe(200);
    expect((cleared.body as Assignment).dueDate).toBeNull();
    const events = await auditOf(admin, 'return.assigned', approverEmail);
    const forMeasure = events.filter((e) => e.details['measure'] === measure).map((e) => e.details);
    expect(forMeasure.slice(0, 3)).toEqual([
      expect.objectContaining({ dueDate: null, previousDueDate: second }),
      expect.objectContaining({ dueDate: second, previousDueDate: first }),
      expect.objectContaining({ dueDate: first, previousDueDate: null }),
    ]);
    // Removed again so the lists below hold only what they set up.
    const id = (cleared.body as Assignment).id;
    expect((await approver.delete(`/api/returns/${rtqMental.id}/assignments/${id}`)).status).toBe(204);
  });
});

describe('GET /api/me/waiting', () => {
  it('needs a signed-in person', async () => {
    expect((await anonymous.get('/api/me/waiting')).status).toBe(401);
  });

  it("board approver: their trust's returns awaiting approval, not another trust's", async () => {
    const list = await waiting(approver);
    const ids = list.toApprove.map((r) => r.returnId);
    expect(ids).toContain(rte.id);
    expect(ids).not.toContain(ref.id);
    expect(list.toApprove.find((r) => r.returnId === rte.id)).toMatchObject({
      owner: { type: 'organisation', code: 'RTE' },
      careSetting: 'acute',
      cycle: { id: cycle.id, name: cycle.name, closesOn: cycle.closesOn },
      state: 'awaiting-approval',
    });
    expect((await waiting(refBoard)).toApprove.map((r) => r.returnId)).toEqual(
      expect.arrayContaining([ref.id]),
    );
    expect((await waiting(refBoard)).toApprove.map((r) => r.returnId)).not.toContain(rte.id);
    // A trust lead is not asked to approve.
    expect((await waiting(rteLead)).toApprove.map((r) => r.returnId)).not.toContain(rte.id);
  });

  it('contributor: their assignments with work left, overdue first, then by due date, then undated', async () => {
    const [m0, m1, m2] = [org.measures[0]!.id, org.measures[1]!.id, org.measures[2]!.id];
    const d3 = org.domains.find((d) => d.measure === org.measures[3]!.id)!;
    await assign(approver, rtqMental, { measure: m0, userId: contributorId }).expect(200);
    await assign(approver, rtqMental, { measure: m1, userId: contributorId, dueDate: isoDay(3) }).expect(200);
    await assignOverdue(approver, rtqMental, { measure: m2, userId: contributorId }, isoDay(-2));
    // Done already: nothing waits.
    await assignOverdue(approver, rtqMental, { domainId: d3.id, userId: contributorId }, isoDay(-5));
    await contributor
      .put(`/api/returns/${rtqMental.id}/answers/${d3.id}`, answer(upTo(d3.id, 2)))
      .expect(200);
    // A single domain, undated: after the dated ones, in the order given; its link goes to its measure.
    const d4 = org.domains.find((d) => d.measure === org.measures[4]!.id)!;
    await assign(approver, rtqMental, { domainId: d4.id, userId: contributorId }).expect(200);
    // Another trust's assignment to someone else is not theirs.
    const refContributor = await createUser(t, [{ role: 'trust-contributor', scopeCode: 'REF' }]);
    const refDraft = (await startReturns(refLead, 'REF', cycle2.id)).created[0]!;
    await assignOverdue(refLead, refDraft, { measure: m0, userId: refContributor.id }, isoDay(-1));

    const list = await waiting(contributor);
    const mine = list.assignments.filter((a) => a.return.returnId === rtqMental.id);
    expect(mine.map((a) => [a.measure ?? a.domainId, a.dueDate])).toEqual([
      [m2, isoDay(-2)],
      [m1, isoDay(3)],
      [m0, null],
      [d4.id, null],
    ]);
    expect(mine.map((a) => a.questionsOf)).toEqual([m2, m1, m0, org.measures[4]!.id]);
    expect(mine[0]).toMatchObject({
      title: org.measures[2]!.name,
      remaining: 1,
      return: { owner: { code: 'RTQ' }, careSetting: 'mental-health' },
    });
    expect(list.assignments.map((a) => a.return.returnId)).not.toContain(refDraft.id);
    expect(list.toApprove).toEqual([]);
    expect(list.toChase).toEqual([]);

    // The trust lead of RTQ sees the overdue one (not the others, nor REF's).
    const lead = await waiting(approver);
    const overdue = lead.overdueInYourReturns.filter((a) => a.return.returnId === rtqMental.id);
    expect(overdue.map((a) => a.measure)).toEqual([m2]);
    expect(overdue[0]!.assignee.id).toBe(contributorId);
    expect(lead.overdueInYourReturns.map((a) => a.return.returnId)).not.toContain(refDraft.id);
  });

  it('trust lead: returns sent back by the board and approved returns ready to submit, only their own', async () => {
    const list = await waiting(approver);
    const sentBack = list.sentBack.find((r) => r.returnId === rtqCommunity.id);
    expect(sentBack).toMatchObject({
      owner: { code: 'RTQ' },
      careSetting: 'community',
      reason: 'Evidence for the records domain is missing',
      state: 'draft',
    });
    expect(list.readyToSubmit.map((r) => r.returnId)).toEqual(expect.arrayContaining([rtqApproved.id]));
    expect(list.readyToSubmit.map((r) => r.returnId)).not.toContain(rtqCommunity.id);
    // Other trusts' leads see none of it.
    const other = await waiting(refLead);
    expect([...other.sentBack, ...other.readyToSubmit].map((r) => r.returnId)).not.toEqual(
      expect.arrayContaining([rtqCommunity.id]),
    );
    expect(other.readyToSubmit.map((r) => r.returnId)).not.toContain(rtqApproved.id);
    // Marking it ready again ends "sent back".
    await approver.post(`/api/returns/${rtqCommunity.id}/ready`).expect(200);
    expect((await waiting(approver)).sentBack.map((r) => r.returnId)).not.toContain(rtqCommunity.id);
  });

  it("ICS lead: the ICS's organisations and ICB not yet submitted in each open cycle, not another ICS's", async () => {
    const list = await waiting(icsLead);
    const mine = list.toChase.find((c) => c.cycle.id === cycle.id && c.ics.code === 'QR1');
    expect(mine).toBeDefined();
    expect(mine!.cycle.closesOn).toBe(cycle.closesOn);
    const codes = mine!.owners.map((o) => o.code);
    expect(codes).toEqual(expect.arrayContaining(['QR1', 'RTE', 'RTQ']));
    expect(codes).not.toContain('REF');
    expect(mine!.owners[0]).toMatchObject({ level: 'system', code: 'QR1' });
    expect(mine!.owners.find((o) => o.code === 'RTE')!.returns).toEqual([
      { careSetting: 'acute', state: 'awaiting-approval' },
    ]);
    expect(list.toChase.every((c) => c.ics.code === 'QR1')).toBe(true);
    expect(list.regionsToChase).toEqual([]);
    expect(list.toApprove).toEqual([]);
  });

  it('regional viewer: per ICS of the region, how many returns are not yet submitted', async () => {
    const list = await waiting(regional);
    const mine = list.regionsToChase.find((r) => r.cycle.id === cycle.id);
    expect(mine).toMatchObject({ region: { code: 'Y58' }, cycle: { closesOn: cycle.closesOn } });
    const gloucestershire = mine!.ics.find((i) => i.code === 'QR1');
    // The ICB's return and RTE acute, RTQ community and mental health: none submitted.
    expect(gloucestershire).toMatchObject({ expected: 4, notSubmitted: 4 });
    expect(mine!.ics.map((i) => i.code)).toContain('QT6');
    expect(mine!.ics.map((i) => i.code)).not.toContain('QJM');
    expect(list.regionsToChase.every((r) => r.region.code === 'Y58')).toBe(true);
    expect(list.toChase).toEqual([]);
  });

  it('plan action owners: actions not done, overdue or due within 14 days, soonest first', async () => {
    const domain = org.domains[0]!;
    const add = async (title: string, dueDate: string | null, state = 'not-started') => {
      const res = await approver.post(`/api/returns/${rtqMental.id}/plan/actions`, {
        domainId: domain.id,
        elementIds: [`${domain.id}-l4-e1`],
        title,
        ownerId: contributorId,
        dueDate,
        state,
      });
      if (res.status !== 201) throw new Error(`action ${res.status} ${JSON.stringify(res.body)}`);
    };
    // The return's answers reach level 3 only once answered.
    await answerAll(approver, await getReturn(approver, rtqMental.id), org);
    await add('Due in 5 days', isoDay(5));
    await add('Overdue', isoDay(-3));
    await add('Due in 30 days', isoDay(30));
    await add('Done already', isoDay(-10), 'done');
    await add('No date', null);
    const list = await waiting(contributor);
    const titles = list.actionsDue.filter((a) => a.returnId === rtqMental.id).map((a) => a.title);
    expect(titles).toEqual(['Overdue', 'Due in 5 days']);
    expect(list.actionsDue.find((a) => a.title === 'Overdue')).toMatchObject({
      dueDate: isoDay(-3),
      owner: { code: 'RTQ' },
      careSetting: 'mental-health',
      cycleName: cycle.name,
    });
    // Nobody else's list has them.
    expect((await waiting(approver)).actionsDue.map((a) => a.returnId)).not.toContain(rtqMental.id);

    // Carried forward into the next cycle's plan, each is listed once: the copy being worked on.
    const next = (await startReturns(approver, 'RTQ', cycle2.id, { careSettings: ['mental-health'] }))
      .created[0]!.id;
    expect((await approver.get(`/api/returns/${next}/plan`)).status).toBe(200);
    const after = (await waiting(contributor)).actionsDue.filter((a) =>
      [rtqMental.id, next].includes(a.returnId),
    );
    expect(after.map((a) => [a.title, a.returnId])).toEqual([
      ['Overdue', next],
      ['Due in 5 days', next],
    ]);
  });

  it('a cycle that has closed waits for nobody: its work is no longer listed, nor reminded, nor chased', async () => {
    const { ReminderScheduler } = await import('../../src/modules/notifications/reminders.js');
    const closing = await createCycle(admin, org, sys, {
      opensOn: isoDay(-20),
      closesOn: isoDay(40),
      referenceDate: '2026-05-23',
    });
    const ret = (await startReturns(approver, 'RTQ', closing.id, { careSettings: ['community'] }))
      .created[0]!;
    const given = await assignOverdue(
      approver,
      ret,
      { measure: org.measures[0]!.id, userId: contributorId },
      isoDay(-1),
    );
    const listed = async () => ({
      assignments: (await waiting(contributor)).assignments.some((a) => a.return.returnId === ret.id),
      overdue: (await waiting(approver)).overdueInYourReturns.some((a) => a.return.returnId === ret.id),
      chased: (await waiting(icsLead)).toChase.some((c) => c.cycle.id === closing.id),
    });
    expect(await listed()).toEqual({ assignments: true, overdue: true, chased: true });
    const reminders = t.running.app.get(ReminderScheduler);
    const reminded = async () =>
      (
        await t.dataSource.query<{ key: string }[]>(
          `SELECT key FROM notice WHERE user_id = $1 AND key LIKE $2 ORDER BY key`,
          [contributorId, `assignment:${given.id}:%`],
        )
      ).map((n) => n.key);
    // While the cycle is open, the overdue work is reminded, once for its due date.
    await reminders.tick();
    const whileOpen = [`assignment:${given.id}:overdue:${isoDay(-1)}`];
    expect(await reminded()).toEqual(whileOpen);

    // Closed yesterday: nothing in it can change, so nothing of it waits for anyone.
    await admin.patch(`/api/cycles/${closing.id}`, { closesOn: isoDay(-1) }).expect(200);
    expect(await listed()).toEqual({ assignments: false, overdue: false, chased: false });
    // A due date moved (which, open, would be reminded again under its new date) is not reminded now.
    await t.dataSource.query('UPDATE return_assignment SET due_date = $1 WHERE id = $2', [
      isoDay(-2),
      given.id,
    ]);
    await reminders.tick();
    expect(await reminded()).toEqual(whileOpen);
  });
});
