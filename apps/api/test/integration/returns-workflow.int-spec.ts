import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AnswerConflictError,
  ApiError,
  Approval,
  AuditEvent,
  ReturnDetail,
  ReturnHistory,
  ReturnList,
  SaveAnswerResult,
  CreateReturnsResult,
  SealVerification,
  SessionInfo,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { type Client, clientWith } from './support/auth.js';
import {
  answer,
  answerAll,
  createCycle,
  getReturn,
  isoDay,
  startReturns,
  upTo,
  returnsWorld,
} from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: Client;
let lead: Client;
let contributor: Client;
let board: Client;
let newReturn: () => Promise<ReturnDetail>;
let board2: Client;
let outsider: Client;
let org: FrameworkVersion;
let sys: FrameworkVersion;
let cycleId: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ admin, lead, contributor, board, org, sys, newReturn } = await returnsWorld(t));
  board2 = await clientWith(t, [{ role: 'board-approver', scopeCode: 'RJ1' }]);
  outsider = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RC9' }]);
  cycleId = (await createCycle(admin, org, sys)).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

function errorOf(res: { body: unknown }): ApiError {
  return res.body as ApiError;
}

describe('cycles', () => {
  it('only a national administrator creates one, with field errors for bad input', async () => {
    const body = {
      name: 'Bad',
      organisationFramework: { frameworkId: sys.frameworkId, version: '1' },
      systemFramework: { frameworkId: 'nope', version: '1' },
      opensOn: '2026-10-01',
      closesOn: '2026-09-01',
      referenceDate: '2026-04-01',
    };
    expect((await lead.post('/api/cycles', body)).status).toBe(403);
    const res = await admin.post('/api/cycles', body);
    expect(res.status).toBe(400);
    expect(
      errorOf(res)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['closesOn', 'organisationFramework', 'systemFramework']);
    const count = await t.dataSource.query<{ n: string }[]>(
      "SELECT count(*) AS n FROM cycle WHERE name = 'Bad'",
    );
    expect(Number(count[0]!.n)).toBe(0);
  });

  it('refuses a second cycle with the same name (409) and lists cycles with their status', async () => {
    const cycle = await createCycle(admin, org, sys, { opensOn: isoDay(10), closesOn: isoDay(20) });
    expect(cycle.status).toBe('upcoming');
    const again = await admin.post('/api/cycles', {
      name: cycle.name,
      organisationFramework: { frameworkId: org.frameworkId, version: org.version },
      systemFramework: { frameworkId: sys.frameworkId, version: sys.version },
      opensOn: cycle.opensOn,
      closesOn: cycle.closesOn,
      referenceDate: cycle.referenceDate,
    });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('CYCLE_EXISTS');
    const list = await lead.get('/api/cycles');
    expect(list.status).toBe(200);
    expect((list.body as { items: { id: string }[] }).items.map((c) => c.id)).toContain(cycle.id);
  });
});

describe('moving a cycle', () => {
  it('refuses a closing date before the stored opening date, changes nothing, and audits a real change', async () => {
    const cycle = await createCycle(admin, org, sys, { opensOn: isoDay(-10), closesOn: isoDay(30) });
    const bad = await admin.patch(`/api/cycles/${cycle.id}`, { closesOn: isoDay(-20) });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).errors?.[0]?.field).toBe('closesOn');
    expect((await admin.patch(`/api/cycles/${cycle.id}`, { opensOn: '2026-02-30' })).status).toBe(400);
    expect((await lead.patch(`/api/cycles/${cycle.id}`, { closesOn: isoDay(40) })).status).toBe(403);
    expect((await lead.get(`/api/cycles/${cycle.id}`)).body).toMatchObject({ closesOn: cycle.closesOn });
    await admin.patch(`/api/cycles/${cycle.id}`, { closesOn: isoDay(40) }).expect(200);
    const audit = (await admin.get('/api/audit?action=cycle.updated&pageSize=100')).body as {
      items: AuditEvent[];
    };
    const mine = audit.items.filter((e) => e.target?.id === cycle.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.details).toEqual({
      before: { opensOn: cycle.opensOn, closesOn: cycle.closesOn },
      after: { opensOn: cycle.opensOn, closesOn: isoDay(40) },
    });
  });
});

describe('starting returns', () => {
  it('creates one per care setting the trust runs; a second start changes nothing', async () => {
    const first = await startReturns(lead, 'RJ1', cycleId);
    expect(first.created.map((r) => r.careSetting)).toEqual(['acute']);
    expect(first.created[0]).toMatchObject({
      state: 'draft',
      revision: 1,
      progress: { total: 7, answered: 0 },
    });
    const second = await startReturns(lead, 'RJ1', cycleId);
    expect(second.created).toEqual([]);
    expect(second.existing.map((r) => r.id)).toEqual([first.created[0]!.id]);
  });

  it('refuses a care setting the trust does not run, another trust, and contributors', async () => {
    const res = await lead.post('/api/organisations/RJ1/returns', { cycleId, careSettings: ['ambulance'] });
    expect(res.status).toBe(400);
    expect(errorOf(res).errors?.[0]?.field).toBe('careSettings');
    expect((await outsider.post('/api/organisations/RJ1/returns', { cycleId })).status).toBe(403);
    expect((await contributor.post('/api/organisations/RJ1/returns', { cycleId })).status).toBe(403);
  });
});

describe('the framework of a return', () => {
  it("is the version the return is answered against, with its care setting's domains, for whoever may read the return", async () => {
    const ret = await newReturn();
    const res = await lead.get(`/api/returns/${ret.id}/framework`);
    expect(res.status).toBe(200);
    const { frameworkId, version } = ret.framework;
    expect(ret.careSetting).toBe('acute');
    const direct = await lead.get(`/api/frameworks/${frameworkId}/versions/${version}?careSetting=acute`);
    expect(direct.status).toBe(200);
    expect(res.body).toEqual(direct.body);
    expect((res.body as FrameworkVersion).domains.length).toBeGreaterThan(0);
    expect((await outsider.get(`/api/returns/${ret.id}/framework`)).status).toBe(403);
  });
});

describe('answering', () => {
  it('scores live, and refuses unknown domains and elements with 400, writing nothing', async () => {
    const ret = await newReturn();
    const domain = org.domains[1]!;
    const saved = await contributor.put(
      `/api/returns/${ret.id}/answers/${domain.id}`,
      answer([...upTo(domain.id, 3), `${domain.id}-l5-e1`], {
        comment: 'Board paper 12',
      }),
    );
    expect(saved.status).toBe(200);
    expect((saved.body as SaveAnswerResult).answer).toMatchObject({ version: 1, comment: 'Board paper 12' });
    const detail = await getReturn(lead, ret.id);
    expect(detail.scores.domains.find((d) => d.domainId === domain.id)).toMatchObject({
      status: 'scored',
      level: 3,
    });
    expect(detail.progress).toMatchObject({ total: 7, answered: 1 });

    const unknownDomain = await contributor.put(`/api/returns/${ret.id}/answers/not-a-domain`, answer([]));
    expect(unknownDomain.status).toBe(400);
    expect(errorOf(unknownDomain).errors?.[0]?.field).toBe('domainId');
    const unknownElement = await contributor.put(
      `/api/returns/${ret.id}/answers/${domain.id}`,
      answer(['someone-elses-element'], { baseVersion: 1 }),
    );
    expect(unknownElement.status).toBe(400);
    expect(errorOf(unknownElement).errors?.[0]?.field).toBe('met');
    const notAllowed = await contributor.put(
      `/api/returns/${ret.id}/answers/${domain.id}`,
      answer([], { baseVersion: 1, notApplicable: true }),
    );
    expect(notAllowed.status).toBe(400);
    expect(errorOf(notAllowed).errors?.[0]?.field).toBe('notApplicable');
    const after = await getReturn(lead, ret.id);
    expect(after.answers.find((a) => a.domainId === domain.id)).toMatchObject({
      version: 1,
      comment: 'Board paper 12',
    });
  });

  it('one person in two windows: the stale save gets 409 saying they saved it themselves, with when', async () => {
    const ret = await newReturn();
    const domain = org.domains[3]!;
    const path = `/api/returns/${ret.id}/answers/${domain.id}`;
    const first = await lead.put(path, answer([], { comment: 'from the first window' }));
    expect(first.status).toBe(200);
    // The second window still thinks there is no answer (base version 0).
    const second = await lead.put(path, answer([], { comment: 'from the second window' }));
    expect(second.status).toBe(409);
    const conflict = second.body as AnswerConflictError;
    expect(conflict.code).toBe('ANSWER_CONFLICT');
    expect(conflict.message).toMatch(/^You saved this answer in another window or tab/);
    expect(conflict.message).not.toMatch(/someone else/i);
    const saved = (first.body as SaveAnswerResult).answer;
    expect(conflict.current).toMatchObject({
      version: 1,
      comment: 'from the first window',
      updatedBy: saved.updatedBy,
      updatedAt: saved.updatedAt,
    });
  });

  it('50 saves of one answer at once on the same version: exactly one wins, 49 get 409, one version is audited', async () => {
    const ret = await newReturn();
    const domain = org.domains[3]!;
    const path = `/api/returns/${ret.id}/answers/${domain.id}`;
    await lead.put(path, answer([], { comment: 'first' })).expect(200);
    const saves = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 === 0 ? lead : contributor).put(path, answer([], { baseVersion: 1, comment: `writer ${i}` })),
      ),
    );
    const statuses = saves.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const won = saves.find((r) => r.status === 200)!.body as SaveAnswerResult;
    expect(won.answer.version).toBe(2);
    const stored = (await getReturn(lead, ret.id)).answers.find((a) => a.domainId === domain.id);
    expect([stored?.version, stored?.comment]).toEqual([2, won.answer.comment]);
    const history = (await lead.get(`/api/returns/${ret.id}/history?pageSize=100`)).body as ReturnHistory;
    expect(
      history.items.filter((e) => e.action === 'return.answer-saved' && e.details.domainId === domain.id),
    ).toHaveLength(2);
  });

  it('two writers on one domain: the stale one gets 409 with the current answer and nothing is lost', async () => {
    const ret = await newReturn();
    const domain = org.domains[2]!;
    const path = `/api/returns/${ret.id}/answers/${domain.id}`;
    const [a, b] = await Promise.all([
      lead.put(path, answer([`${domain.id}-l2-e1`], { comment: 'from the lead' })),
      contributor.put(path, answer([], { comment: 'from the contributor' })),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const conflict = lost.body as AnswerConflictError;
    expect(conflict.code).toBe('ANSWER_CONFLICT');
    expect(conflict.current).toEqual((won.body as SaveAnswerResult).answer);
    expect(conflict.message).toMatch(/^Someone else changed this answer/);
    // Who saved it and when, so the page can say so.
    expect(conflict.current).toMatchObject({
      updatedBy: { id: expect.any(String), displayName: expect.any(String) },
      updatedAt: expect.any(String),
    });
    // The loser chooses to keep theirs, based on the version they were shown.
    const kept = await (lost === a ? lead : contributor).put(
      path,
      answer([], { comment: 'kept after conflict', baseVersion: conflict.current!.version }),
    );
    expect(kept.status).toBe(200);
    expect((kept.body as SaveAnswerResult).answer.version).toBe(2);
    const history = (await lead.get(`/api/returns/${ret.id}/history?pageSize=100`)).body as ReturnHistory;
    // The history is this return's alone (this file has many returns).
    expect(history.items.every((e) => e.target?.type === 'return' && e.target.id === ret.id)).toBe(true);
    expect(history.total).toBe(history.items.length);
    // Each event names who did it.
    expect(history.items.every((e) => typeof e.actor?.name === 'string' && !e.actor.name.includes('@'))).toBe(
      true,
    );
    const saves = history.items.filter((e) => e.action === 'return.answer-saved');
    expect(saves).toHaveLength(2);
    expect(saves[0]!.details).toMatchObject({
      before: expect.any(Object),
      after: { comment: 'kept after conflict' },
    });
  });

  it('a save identical to what is stored changes nothing, even on an approved return', async () => {
    const ret = await newReturn();
    const base = `/api/returns/${ret.id}`;
    await answerAll(lead, ret, org);
    await lead.post(`${base}/ready`).expect(200);
    await board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'S1' }).expect(201);
    const domain = org.domains[3]!;
    const same = await lead.put(
      `${base}/answers/${domain.id}`,
      answer(upTo(domain.id, 3), { baseVersion: 1 }),
    );
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ answer: { version: 1 }, state: 'approved', approvalsWithdrawn: 0 });
    const history = (await lead.get(`${base}/history?pageSize=100`)).body as ReturnHistory;
    expect(history.items.filter((e) => e.action === 'return.answer-saved')).toHaveLength(7);
    expect(history.items.map((e) => e.action)).not.toContain('return.approval-withdrawn');
  });

  it('saves of different domains at once all land, each audited once; the return shows when it last changed', async () => {
    const ret = await newReturn();
    const base = `/api/returns/${ret.id}`;
    const domains = org.domains;
    // Three rounds of one save per domain, all domains at once: saves of one return do not queue.
    for (let round = 1; round <= 3; round += 1) {
      const saved = await Promise.all(
        domains.map((d, i) =>
          (i % 2 === 0 ? lead : contributor).put(
            `${base}/answers/${d.id}`,
            answer(upTo(d.id, 1 + round), { baseVersion: round - 1, comment: `round ${round}` }),
          ),
        ),
      );
      expect(saved.map((r) => r.status)).toEqual(domains.map(() => 200));
      expect(saved.map((r) => (r.body as SaveAnswerResult).answer.version)).toEqual(domains.map(() => round));
    }
    const detail = await getReturn(lead, ret.id);
    expect(detail.answers.map((a) => [a.domainId, a.version, a.comment]).sort()).toEqual(
      domains.map((d) => [d.id, 3, 'round 3']).sort(),
    );
    const history = (await lead.get(`${base}/history?pageSize=100`)).body as ReturnHistory;
    const saves = history.items.filter((e) => e.action === 'return.answer-saved');
    expect(saves).toHaveLength(domains.length * 3);
    expect(new Set(saves.map((e) => `${String(e.details.domainId)}@${String(e.details.version)}`)).size).toBe(
      domains.length * 3,
    );
    const list = (await lead.get(`/api/organisations/RJ1/returns?cycleId=${ret.cycle.id}`).expect(200))
      .body as ReturnList;
    const latest = detail.answers
      .map((a) => a.updatedAt)
      .sort()
      .at(-1)!;
    expect(list.items.find((r) => r.id === ret.id)?.updatedAt).toBe(latest);
    expect(detail.updatedAt).toBe(latest);
  });

  it('edits of an approved return at once withdraw its approval once, and every edit lands', async () => {
    const ret = await newReturn();
    const base = `/api/returns/${ret.id}`;
    await answerAll(lead, ret, org);
    await lead.post(`${base}/ready`).expect(200);
    await board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'P1' }).expect(201);
    const edits = await Promise.all(
      org.domains.map((d) =>
        contributor.put(`${base}/answers/${d.id}`, answer([], { baseVersion: 1, comment: 'after approval' })),
      ),
    );
    expect(edits.map((r) => r.status)).toEqual(org.domains.map(() => 200));
    const results = edits.map((r) => r.body as SaveAnswerResult);
    expect(results.map((r) => r.state)).toEqual(org.domains.map(() => 'awaiting-approval'));
    expect(results.reduce((n, r) => n + r.approvalsWithdrawn, 0)).toBe(1);
    const history = (await lead.get(`${base}/history?pageSize=100`)).body as ReturnHistory;
    expect(history.items.filter((e) => e.action === 'return.approval-withdrawn')).toHaveLength(1);
    expect(
      history.items.filter((e) => e.action === 'return.answer-saved' && e.details.version === 2),
    ).toHaveLength(org.domains.length);
  });

  it('a stale edit is a conflict even when it is also invalid (the person must see what is stored)', async () => {
    const ret = await newReturn();
    const domain = org.domains[4]!;
    const path = `/api/returns/${ret.id}/answers/${domain.id}`;
    await lead.put(path, answer(upTo(domain.id, 2))).expect(200);
    const stale = await contributor.put(path, answer(['not-an-element'], { baseVersion: 0 }));
    expect(stale.status).toBe(409);
    expect((stale.body as AnswerConflictError).current?.met).toEqual(upTo(domain.id, 2).sort());
  });
});

describe('what counts as answered', () => {
  it('a comment or a confidence alone is no answer; a tick, not applicable or "none met" is', async () => {
    const ret = await newReturn();
    const base = `/api/returns/${ret.id}`;
    const [naDomain, commented, ...rest] = org.domains;
    const saved = await lead
      .put(`${base}/answers/${commented!.id}`, answer([], { comment: 'Working on it', confidence: 'low' }))
      .expect(200);
    expect((saved.body as SaveAnswerResult).answer).toMatchObject({
      noneMet: false,
      comment: 'Working on it',
    });
    let detail = await getReturn(lead, ret.id);
    expect(detail.progress).toMatchObject({ total: 7, answered: 0 });
    expect(detail.scores.domains.find((d) => d.domainId === commented!.id)).toMatchObject({
      status: 'unanswered',
      level: null,
    });
    expect(detail.missing).toContainEqual(
      expect.objectContaining({ domainId: commented!.id, reason: 'unanswered' }),
    );
    const list = (await lead.get(`/api/organisations/RJ1/returns?cycleId=${ret.cycle.id}`))
      .body as ReturnList;
    expect(list.items.find((r) => r.id === ret.id)?.progress).toMatchObject({ answered: 0 });

    // Every other domain answered: the commented one still keeps the return from being ready.
    await lead.put(`${base}/answers/${naDomain!.id}`, answer([], { notApplicable: true })).expect(200);
    for (const d of rest) await lead.put(`${base}/answers/${d.id}`, answer(upTo(d.id, 2))).expect(200);
    const notReady = await lead.post(`${base}/ready`);
    expect(notReady.status).toBe(409);
    expect(errorOf(notReady).code).toBe('RETURN_INCOMPLETE');
    expect(errorOf(notReady).errors).toEqual([
      { field: `domains.${commented!.id}`, messages: [`${commented!.title}: not answered yet`] },
    ]);

    // "None of these is met yet" answers it at level 1, keeping the comment.
    const confirmed = await lead
      .put(
        `${base}/answers/${commented!.id}`,
        answer([], { baseVersion: 1, comment: 'Working on it', confidence: 'low', noneMet: true }),
      )
      .expect(200);
    expect((confirmed.body as SaveAnswerResult).answer).toMatchObject({ noneMet: true, version: 2 });
    detail = await getReturn(lead, ret.id);
    expect(detail.progress).toMatchObject({ total: 7, answered: 7 });
    expect(detail.scores.domains.find((d) => d.domainId === commented!.id)).toMatchObject({
      status: 'scored',
      level: 1,
    });
    const history = (await lead.get(`${base}/history?pageSize=100`)).body as ReturnHistory;
    const change = history.items.find(
      (e) =>
        e.action === 'return.answer-saved' && e.details.domainId === commented!.id && e.details.version === 2,
    );
    expect(change?.details).toMatchObject({
      before: { level: null, noneMet: false },
      after: { level: 1, noneMet: true },
    });
    await lead.post(`${base}/ready`).expect(200);
  });

  it('refuses "none met" with elements ticked or with not applicable (400 on noneMet), writing nothing', async () => {
    const ret = await newReturn();
    const base = `/api/returns/${ret.id}`;
    const [naDomain, other] = org.domains;
    const ticked = await lead.put(
      `${base}/answers/${other!.id}`,
      answer([`${other!.id}-l2-e1`], { noneMet: true }),
    );
    expect(ticked.status).toBe(400);
    expect(errorOf(ticked).errors).toEqual([
      {
        field: 'noneMet',
        messages: ['Untick the elements met, or do not confirm that none of them is met yet'],
      },
    ]);
    const both = await lead.put(
      `${base}/answers/${naDomain!.id}`,
      answer([], { notApplicable: true, noneMet: true }),
    );
    expect(both.status).toBe(400);
    expect(errorOf(both).errors?.map((e) => e.field)).toEqual(['noneMet']);
    const wrongType = await lead.put(`${base}/answers/${other!.id}`, { ...answer([]), noneMet: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(errorOf(wrongType).errors?.map((e) => e.field)).toEqual(['noneMet']);
    expect((await getReturn(lead, ret.id)).answers).toEqual([]);
    // Ticking an element later replaces the confirmation (the client sends noneMet false with it).
    await lead.put(`${base}/answers/${other!.id}`, answer([], { noneMet: true })).expect(200);
    const changed = await lead
      .put(`${base}/answers/${other!.id}`, answer([`${other!.id}-l2-e1`], { baseVersion: 1 }))
      .expect(200);
    expect((changed.body as SaveAnswerResult).answer).toMatchObject({
      noneMet: false,
      met: [`${other!.id}-l2-e1`],
    });
  });
});

describe('the workflow', () => {
  it('draft → ready → approved → submitted, with each refusal on the way', async () => {
    const ret = await newReturn();
    const base = `/api/returns/${ret.id}`;
    // Not ready while domains are unanswered: 409 listing each one.
    const early = await lead.post(`${base}/ready`);
    expect(early.status).toBe(409);
    expect(errorOf(early).code).toBe('RETURN_INCOMPLETE');
    expect(errorOf(early).errors).toHaveLength(7);
    // Approving a draft, and approving without the role.
    expect(
      errorOf(await board.post(`${base}/approvals`, { meetingDate: isoDay(0), minuteReference: 'M1' })).code,
    ).toBe('RETURN_STATE');
    expect(
      (await lead.post(`${base}/approvals`, { meetingDate: isoDay(0), minuteReference: 'M1' })).status,
    ).toBe(403);
    // Submitting without approval: 409 listing what is missing.
    const unapproved = await lead.post(`${base}/submit`);
    expect(unapproved.status).toBe(409);
    expect(errorOf(unapproved).code).toBe('RETURN_NOT_APPROVED');
    expect(errorOf(unapproved).errors?.map((e) => e.field)).toContain('approval');

    await answerAll(contributor, ret, org);
    expect((await contributor.post(`${base}/ready`)).status).toBe(403);
    const ready = await lead.post(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect((ready.body as ReturnDetail).state).toBe('awaiting-approval');

    const future = await board.post(`${base}/approvals`, { meetingDate: isoDay(5), minuteReference: 'M1' });
    expect(future.status).toBe(400);
    const approved = await board.post(`${base}/approvals`, {
      meetingDate: isoDay(-1),
      minuteReference: 'Minute 2026/114',
    });
    expect(approved.status).toBe(201);
    expect((approved.body as Approval).minuteReference).toBe('Minute 2026/114');
    expect(
      errorOf(await board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'again' }))
        .code,
    ).toBe('APPROVAL_EXISTS');
    expect(
      (await board2.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'M2' })).status,
    ).toBe(201);

    const submitted = await lead.post(`${base}/submit`);
    expect(submitted.status).toBe(200);
    const detail = submitted.body as ReturnDetail;
    expect(detail.state).toBe('submitted');
    expect(detail.seals).toHaveLength(1);
    expect(detail.seals[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.permissions).toMatchObject({ answer: false, submit: false, approve: false });

    const history = (await lead.get(`${base}/history?pageSize=100`)).body as ReturnHistory;
    const actions = history.items.map((e: AuditEvent) => e.action);
    for (const action of [
      'return.created',
      'return.answer-saved',
      'return.marked-ready',
      'return.approved',
      'return.submitted',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('an edit after approval withdraws it, recorded on the approval and in the history', async () => {
    const ret = await newReturn();
    const base = `/api/returns/${ret.id}`;
    await answerAll(lead, ret, org);
    await lead.post(`${base}/ready`).expect(200);
    await board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'M7' }).expect(201);
    const domain = org.domains[0]!;
    const edit = await contributor.put(
      `${base}/answers/${domain.id}`,
      answer([`${domain.id}-l2-e1`], { baseVersion: 1, comment: 'changed after approval' }),
    );
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ state: 'awaiting-approval', approvalsWithdrawn: 1 });
    const detail = await getReturn(lead, ret.id);
    expect(detail.approvals[0]!.withdrawnAt).not.toBeNull();
    expect(detail.approvals[0]!.withdrawnReason).toContain(domain.title);
    expect(detail.missing.map((m) => m.reason)).toEqual(['no-approval']);
    expect(errorOf(await lead.post(`${base}/submit`)).code).toBe('RETURN_NOT_APPROVED');
    const history = (await lead.get(`${base}/history`)).body as ReturnHistory;
    expect(history.items.map((e) => e.action)).toContain('return.approval-withdrawn');
    // The board approves again and it can be submitted.
    await board.post(`${base}/approvals`, { meetingDate: isoDay(0), minuteReference: 'M8' }).expect(201);
    await lead.post(`${base}/submit`).expect(200);
  });

  it('a sealed return cannot change through any route or in the database; its seal verifies after a reopen and a new submission', async () => {
    const ret = await newReturn();
    const base = `/api/returns/${ret.id}`;
    await answerAll(lead, ret, org);
    const evidence = await lead.post(`${base}/evidence/links`, {
      title: 'Strategy',
      url: 'https://example.nhs.uk/s',
    });
    expect(evidence.status).toBe(201);
    await lead.post(`${base}/ready`).expect(200);
    await board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'M9' }).expect(201);
    const first = (await lead.post(`${base}/submit`).expect(200)).body as ReturnDetail;
    const domain = org.domains[0]!;
    const contributorId = ((await contributor.get('/api/auth/session')).body as SessionInfo).user!.id;
    const writes = [
      lead.put(`${base}/answers/${domain.id}`, answer([], { baseVersion: 1 })),
      lead.post(`${base}/answers/${domain.id}/confirm`, { baseVersion: 1 }),
      lead.post(`${base}/evidence/links`, { title: 'Late', url: 'https://example.nhs.uk/late' }),
      lead.delete(`${base}/evidence/${(evidence.body as { id: string }).id}`),
      lead.put(`${base}/assignments`, { measure: 'well-led', userId: contributorId }),
      lead.post(`${base}/ready`),
      lead.post(`${base}/submit`),
      board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'late' }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(409);
      expect(errorOf(res).code).toBe('RETURN_SEALED');
    }
    // The database refuses too, whatever the service does.
    await expect(
      t.dataSource.query(`UPDATE domain_answer SET comment = 'tampered' WHERE return_id = $1`, [ret.id]),
    ).rejects.toThrow(/RETURN_SEALED/);
    await expect(
      t.dataSource.query(`UPDATE assessment_return SET state = 'draft' WHERE id = $1`, [ret.id]),
    ).rejects.toThrow(/RETURN_SEALED/);
    await expect(
      t.dataSource.query(`DELETE FROM return_seal WHERE return_id = $1`, [ret.id]),
    ).rejects.toThrow(/RETURN_SEALED|permission denied/);
    await expect(
      t.dataSource.query(
        `INSERT INTO evidence (return_id, kind, title, url) VALUES ($1, 'link', 'x', 'https://x')`,
        [ret.id],
      ),
    ).rejects.toThrow(/RETURN_SEALED/);
    await expect(
      t.dataSource.query(`UPDATE return_approval SET minute_reference = 'changed' WHERE return_id = $1`, [
        ret.id,
      ]),
    ).rejects.toThrow(/RETURN_SEALED/);
    await expect(
      t.dataSource.query(
        `INSERT INTO return_assignment (return_id, measure, assignee_id) VALUES ($1, 'well-led', $2)`,
        [ret.id, contributorId],
      ),
    ).rejects.toThrow(/RETURN_SEALED/);
    await expect(t.dataSource.query(`DELETE FROM evidence WHERE return_id = $1`, [ret.id])).rejects.toThrow();

    // Only a national administrator reopens, and only with a reason.
    expect((await lead.post(`${base}/reopen`, { reason: 'typo' })).status).toBe(403);
    expect((await admin.post(`${base}/reopen`, { reason: '  ' })).status).toBe(400);
    const reopened = (
      await admin.post(`${base}/reopen`, { reason: 'The board found an error in measure 1' }).expect(200)
    ).body as ReturnDetail;
    expect(reopened).toMatchObject({ state: 'draft', revision: 2 });
    expect(reopened.approvals).toEqual([]);

    await lead
      .put(
        `${base}/answers/${domain.id}`,
        answer([], { baseVersion: 1, comment: 'revision 2', noneMet: true }),
      )
      .expect(200);
    await lead.post(`${base}/ready`).expect(200);
    await board.post(`${base}/approvals`, { meetingDate: isoDay(0), minuteReference: 'M10' }).expect(201);
    const second = (await lead.post(`${base}/submit`).expect(200)).body as ReturnDetail;
    expect(second.seals.map((s) => s.revision)).toEqual([1, 2]);
    expect(second.seals[0]!.sha256).toBe(first.seals[0]!.sha256);

    for (const revision of [1, 2]) {
      const check = (await lead.get(`${base}/seals/${revision}/verification`).expect(200))
        .body as SealVerification;
      expect(check).toMatchObject({ revision, verified: true });
      expect(check.computedSha256).toBe(check.sha256);
      const download = await lead.get(`${base}/seals/${revision}`).expect(200);
      expect(download.headers['content-disposition']).toContain('attachment');
      const snapshot = JSON.parse(download.text) as {
        format: string;
        return: { revision: number };
        answers: { comment: string; noneMet: boolean }[];
      };
      expect(snapshot.format).toBe('wgll-sealed-return/2');
      expect(snapshot.return.revision).toBe(revision);
      expect(snapshot.answers.some((a) => a.comment === 'revision 2')).toBe(revision === 2);
      // What the seal stands for includes who confirmed that nothing is met yet.
      expect(snapshot.answers.some((a) => a.comment === 'revision 2' && a.noneMet)).toBe(revision === 2);
      expect(snapshot.answers.every((a) => typeof a.noneMet === 'boolean')).toBe(true);
    }
    const actions = ((await lead.get(`${base}/history?pageSize=100`)).body as ReturnHistory).items.map(
      (e) => e.action,
    );
    expect(actions).toContain('return.reopened');
    expect(actions.filter((a) => a === 'return.submitted')).toHaveLength(2);

    // Input PostgreSQL could not store is refused with its field, never a 500.
    const huge = await lead.get(`${base}/seals/99999999999`);
    expect(huge.status).toBe(400);
    expect((huge.body as ApiError).errors?.[0]?.field).toBe('revision');
    const nul = await admin.post(`${base}/reopen`, { reason: 'a null \u0000 character' });
    expect(nul.status).toBe(400);
    expect((nul.body as ApiError).errors).toEqual([
      { field: 'reason', messages: ['must not contain a null character'] },
    ]);
  });

  it('a closed cycle accepts no change by any route, and nothing is written', async () => {
    const ret = await newReturn();
    const base = `/api/returns/${ret.id}`;
    const domain = org.domains[0]!;
    await lead.put(`${base}/answers/${domain.id}`, answer(upTo(domain.id, 2))).expect(200);
    await admin
      .patch(`/api/cycles/${ret.cycle.id}`, { opensOn: isoDay(-30), closesOn: isoDay(-1) })
      .expect(200);
    const refused = await Promise.all([
      lead.put(`${base}/answers/${domain.id}`, answer([], { baseVersion: 1 })),
      lead.post(`${base}/answers/${domain.id}/confirm`, { baseVersion: 1 }),
      lead.post(`${base}/evidence/links`, { title: 'Late', url: 'https://example.nhs.uk/late' }),
      lead.post(`${base}/ready`),
      lead.post(`${base}/submit`),
    ]);
    for (const res of refused) {
      expect(res.status).toBe(409);
      expect(errorOf(res).code).toBe('CYCLE_NOT_OPEN');
    }
    const after = await getReturn(lead, ret.id);
    expect(after.answers).toHaveLength(1);
    expect(after.answers[0]).toMatchObject({ version: 1, met: upTo(domain.id, 2).sort() });
    expect(after.evidence).toEqual([]);
    expect(after.state).toBe('draft');
    expect(after.permissions).toMatchObject({ answer: false, submit: false, approve: false });
  });

  it('an upcoming cycle can have returns started but accepts no answers yet', async () => {
    const cycle = await createCycle(admin, org, sys, { opensOn: isoDay(5), closesOn: isoDay(50) });
    const { created } = await startReturns(lead, 'RJ1', cycle.id);
    const ret = await getReturn(lead, created[0]!.id);
    expect(ret.cycle.status).toBe('upcoming');
    expect(ret.permissions.answer).toBe(false);
    const res = await lead.put(`/api/returns/${ret.id}/answers/${org.domains[0]!.id}`, answer([]));
    expect(errorOf(res).code).toBe('CYCLE_NOT_OPEN');
    expect(errorOf(res).message).toContain('opens on');
    expect((await getReturn(lead, ret.id)).answers).toEqual([]);
    // A closed cycle takes no new returns.
    const closed = await createCycle(admin, org, sys, { opensOn: isoDay(-20), closesOn: isoDay(-10) });
    const late = await lead.post('/api/organisations/RJ1/returns', { cycleId: closed.id });
    expect(late.status).toBe(409);
    expect(errorOf(late).code).toBe('CYCLE_NOT_OPEN');
    expect((await lead.get(`/api/organisations/RJ1/returns?cycleId=${closed.id}`)).body).toEqual({
      items: [],
    });
  });

  it('only a submitted return can be reopened, and only while its cycle is open', async () => {
    const ret = await newReturn();
    const base = `/api/returns/${ret.id}`;
    const draft = await admin.post(`${base}/reopen`, { reason: 'Too early' });
    expect(draft.status).toBe(409);
    expect(errorOf(draft).code).toBe('RETURN_STATE');
    await answerAll(lead, ret, org);
    await lead.post(`${base}/ready`).expect(200);
    await board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'R1' }).expect(201);
    await lead.post(`${base}/submit`).expect(200);
    await admin
      .patch(`/api/cycles/${ret.cycle.id}`, { opensOn: isoDay(-30), closesOn: isoDay(-1) })
      .expect(200);
    const closed = await admin.post(`${base}/reopen`, { reason: 'After the close' });
    expect(errorOf(closed).code).toBe('CYCLE_NOT_OPEN');
    expect(await getReturn(lead, ret.id)).toMatchObject({ state: 'submitted', revision: 1 });
  });

  it("an ICB's system return: the ICS lead starts, answers, approves and submits it; the trust lead cannot", async () => {
    const icsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
    const cycle = await createCycle(admin, org, sys);
    expect((await lead.post('/api/ics/QKK/returns', { cycleId: cycle.id })).status).toBe(403);
    const started = await icsLead.post('/api/ics/QKK/returns', { cycleId: cycle.id });
    expect(started.status).toBe(201);
    const ret = await getReturn(icsLead, (started.body as CreateReturnsResult).created[0]!.id);
    expect(ret).toMatchObject({ level: 'system', careSetting: null, owner: { type: 'ics', code: 'QKK' } });
    expect(ret.progress.total).toBe(sys.domains.length);
    const base = `/api/returns/${ret.id}`;
    expect((await lead.get(base)).status).toBe(403);
    const assignees = (await icsLead.get(`${base}/assignees`).expect(200)).body as {
      items: { id: string }[];
    };
    const icsLeadId = ((await icsLead.get('/api/auth/session')).body as SessionInfo).user!.id;
    expect(assignees.items.map((p) => p.id)).toContain(icsLeadId);
    await answerAll(icsLead, ret, sys);
    expect(ret.permissions.approve).toBe(false); // a draft is not for approval yet
    await icsLead.post(`${base}/ready`).expect(200);
    await icsLead
      .post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'ICB 12' })
      .expect(201);
    const sealed = (await icsLead.post(`${base}/submit`).expect(200)).body as ReturnDetail;
    expect(sealed.state).toBe('submitted');
    // The ICB's list holds its own returns only, never its trusts' (RJ1's drafts are in QKK too).
    const list = (await icsLead.get('/api/ics/QKK/returns').expect(200)).body as ReturnList;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((r) => r.level === 'system' && r.owner.code === 'QKK')).toBe(true);
  });
});

describe('scope', () => {
  it("another trust's lead gets 403 on its return, its answers and its list (the matrix tries every route); an unknown return is 404 for an administrator", async () => {
    const ret = await newReturn();
    expect((await outsider.get(`/api/returns/${ret.id}`)).status).toBe(403);
    expect(
      (await outsider.put(`/api/returns/${ret.id}/answers/${org.domains[0]!.id}`, answer([]))).status,
    ).toBe(403);
    expect((await outsider.get(`/api/organisations/RJ1/returns`)).status).toBe(403);
    const missing = await admin.get('/api/returns/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('RETURN_NOT_FOUND');
  });

  it('says an unknown return is not found to anyone signed in, before asking whether their role may see it', async () => {
    for (const client of [outsider, lead]) {
      for (const path of [
        '/api/returns/00000000-0000-4000-8000-000000000000',
        '/api/returns/00000000-0000-4000-8000-000000000000/history',
        '/api/returns/00000000-0000-4000-8000-000000000000/framework',
        '/api/returns/not-a-return-id',
      ]) {
        const res = await client.get(path);
        expect([path, res.status, errorOf(res).code]).toEqual([path, 404, 'RETURN_NOT_FOUND']);
      }
    }
    // Signed out: still 401, whatever the id.
    const anonymous = await t.http.get('/api/returns/00000000-0000-4000-8000-000000000000');
    expect(anonymous.status).toBe(401);
  });
});
