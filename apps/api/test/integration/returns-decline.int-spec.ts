import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, ReturnDetail, ReturnHistory } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { anonymousClient, type Client, clientWith } from './support/auth.js';
import { answer, answerAll, getReturn, isoDay, returnsWorld, upTo } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Issue 18: the board sends a return back to the team instead of approving it. */
let t: TestApp;
let admin: Client;
let lead: Client;
let contributor: Client;
let board: Client;
let otherBoard: Client;
let icsLead: Client;
let org: FrameworkVersion;
let newReturn: () => Promise<ReturnDetail>;

beforeAll(async () => {
  t = await startTestApp();
  ({ admin, lead, contributor, board, org, newReturn } = await returnsWorld(t));
  otherBoard = await clientWith(t, [{ role: 'board-approver', scopeCode: 'RC9' }]);
  icsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

function errorOf(res: { body: unknown }): ApiError {
  return res.body as ApiError;
}

/** A return of RJ1 answered in full and marked ready: awaiting the board's approval. */
async function awaitingApproval(): Promise<ReturnDetail> {
  const ret = await newReturn();
  await answerAll(contributor, ret, org);
  const ready = await lead.post(`/api/returns/${ret.id}/ready`);
  expect(ready.status).toBe(200);
  return ready.body as ReturnDetail;
}

async function declines(returnId: string): Promise<number> {
  const [row] = await t.dataSource.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM return_decline WHERE return_id = $1',
    [returnId],
  );
  return row!.n;
}

describe('sending a return back', () => {
  it('only a board approver of the trust (or an administrator) may: others 403, signed out 401, no such return 404', async () => {
    const ret = await awaitingApproval();
    const path = `/api/returns/${ret.id}/declines`;
    const body = { reason: 'Not yet' };
    for (const client of [lead, contributor, otherBoard, icsLead]) {
      expect((await client.post(path, body)).status).toBe(403);
    }
    expect((await (await anonymousClient(t)).post(path, body)).status).toBe(401);
    expect((await board.post(`/api/returns/${crypto.randomUUID()}/declines`, body)).status).toBe(404);
    expect(await declines(ret.id)).toBe(0);
    expect((await getReturn(lead, ret.id)).state).toBe('awaiting-approval');
  });

  it('needs a reason; an optional meeting date today or in the past; field messages otherwise', async () => {
    const ret = await awaitingApproval();
    const path = `/api/returns/${ret.id}/declines`;
    const fields = async (body: object) => {
      const res = await board.post(path, body);
      expect(res.status).toBe(400);
      expect(errorOf(res).code).toBe('VALIDATION_FAILED');
      return Object.fromEntries((errorOf(res).errors ?? []).map((e) => [e.field, e.messages]));
    };
    expect((await fields({}))['reason']).toContain('Enter why the board is sending the return back');
    expect((await fields({ reason: '   ' }))['reason']).toEqual([
      'Enter why the board is sending the return back',
    ]);
    expect((await fields({ reason: 'x'.repeat(2001) }))['reason']).toEqual([
      'The reason must be 2,000 characters or fewer',
    ]);
    expect((await fields({ reason: 'Why', meetingDate: isoDay(3) }))['meetingDate']).toEqual([
      'The date of the board meeting must be today or in the past',
    ]);
    expect((await fields({ reason: 'Why', meetingDate: '2026-02-30' }))['meetingDate']).toEqual([
      'meetingDate must be a real date written YYYY-MM-DD, for example 2025-06-30',
    ]);
    expect((await fields({ reason: 'Why', minuteReference: 'm'.repeat(101) }))['minuteReference']).toEqual([
      'The minute reference must be 100 characters or fewer',
    ]);
    expect(Object.keys(await fields({ reason: 'Why', approve: true }))).toEqual(['approve']);
    expect(await declines(ret.id)).toBe(0);
  });

  it('returns it to draft with the board’s comments, recorded in the history and the audit log', async () => {
    const ret = await awaitingApproval();
    const path = `/api/returns/${ret.id}/declines`;
    const res = await board.post(path, {
      reason: '  The cyber answers need evidence from the DSPT submission.  ',
      meetingDate: isoDay(-2),
      minuteReference: 'BM/2026/40',
    });
    expect(res.status).toBe(201);
    const detail = res.body as ReturnDetail;
    expect(detail.state).toBe('draft');
    expect(detail.approvals).toEqual([]);
    expect(detail.sentBack).toMatchObject({
      revision: 1,
      reason: 'The cyber answers need evidence from the DSPT submission.',
      meetingDate: isoDay(-2),
      minuteReference: 'BM/2026/40',
      decliner: { displayName: expect.any(String) },
    });
    expect(await declines(ret.id)).toBe(1);
    const [approvals] = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM return_approval WHERE return_id = $1',
      [ret.id],
    );
    expect(approvals!.n).toBe(0);

    // The lead and contributors see the board's comments on the return.
    for (const client of [lead, contributor]) {
      const seen = await getReturn(client, ret.id);
      expect(seen.state).toBe('draft');
      expect(seen.sentBack?.reason).toBe('The cyber answers need evidence from the DSPT submission.');
    }

    const history = (await lead.get(`/api/returns/${ret.id}/history?pageSize=100`)).body as ReturnHistory;
    const event = history.items.find((e) => e.action === 'return.declined');
    expect(event?.details).toMatchObject({
      revision: 1,
      reason: 'The cyber answers need evidence from the DSPT submission.',
      meetingDate: isoDay(-2),
      minuteReference: 'BM/2026/40',
    });
    const audit = await admin.get('/api/audit?action=return.declined');
    expect(audit.status).toBe(200);
    expect((audit.body as ReturnHistory).items.some((e) => e.target?.id === ret.id)).toBe(true);

    // A draft cannot be sent back again: 409 with a clear code, nothing written.
    const again = await board.post(path, { reason: 'Again' });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('RETURN_NOT_AWAITING_APPROVAL');
    expect(await declines(ret.id)).toBe(1);

    // The team changes an answer and sends it for approval again: the comments are no longer shown.
    const domain = org.domains[1]!;
    const current = detail.answers.find((a) => a.domainId === domain.id)!;
    const saved = await lead.put(
      `/api/returns/${ret.id}/answers/${domain.id}`,
      answer(upTo(domain.id, 4), { baseVersion: current.version }),
    );
    expect(saved.status).toBe(200);
    expect((await getReturn(lead, ret.id)).sentBack?.reason).toBe(
      'The cyber answers need evidence from the DSPT submission.',
    );
    const ready = await lead.post(`/api/returns/${ret.id}/ready`);
    expect(ready.status).toBe(200);
    expect((ready.body as ReturnDetail).sentBack).toBeNull();

    // The board may now approve it; once approved it can no longer be sent back.
    const approved = await board.post(`/api/returns/${ret.id}/approvals`, {
      meetingDate: isoDay(0),
      minuteReference: 'BM/2026/41',
    });
    expect(approved.status).toBe(201);
    const late = await board.post(path, { reason: 'Changed our minds' });
    expect(late.status).toBe(409);
    expect(errorOf(late).code).toBe('RETURN_NOT_AWAITING_APPROVAL');
    expect((await getReturn(lead, ret.id)).state).toBe('approved');
  });

  it('permissions.decline: only while awaiting approval, and only for those who may send it back', async () => {
    const draft = await newReturn();
    expect((await getReturn(board, draft.id)).permissions.decline).toBe(false);

    const ret = await awaitingApproval();
    const awaiting = await getReturn(board, ret.id);
    expect(awaiting.permissions).toMatchObject({ approve: true, decline: true });
    expect((await getReturn(admin, ret.id)).permissions.decline).toBe(true);
    for (const client of [lead, contributor])
      expect((await getReturn(client, ret.id)).permissions.decline).toBe(false);

    // Approved: the board may still approve (another approver), but not send it back.
    await board
      .post(`/api/returns/${ret.id}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'P1' })
      .expect(201);
    const approved = await getReturn(board, ret.id);
    expect(approved.state).toBe('approved');
    expect(approved.permissions).toMatchObject({ approve: true, decline: false });
    expect((await board.post(`/api/returns/${ret.id}/declines`, { reason: 'No' })).status).toBe(409);

    // Submitted (sealed): neither.
    await lead.post(`/api/returns/${ret.id}/submit`).expect(200);
    expect((await getReturn(board, ret.id)).permissions).toMatchObject({ approve: false, decline: false });
  });

  it('refuses a sealed return (409 RETURN_SEALED), and the database keeps every decline as it was', async () => {
    const ret = await awaitingApproval();
    expect((await board.post(`/api/returns/${ret.id}/declines`, { reason: 'Once' })).status).toBe(201);
    await expect(
      t.dataSource.query(`UPDATE return_decline SET reason = 'edited' WHERE return_id = $1`, [ret.id]),
    ).rejects.toThrow(/never changes/);
    await expect(
      t.dataSource.query(`DELETE FROM return_decline WHERE return_id = $1`, [ret.id]),
    ).rejects.toThrow(/never changes/);

    const ready = await lead.post(`/api/returns/${ret.id}/ready`);
    expect(ready.status).toBe(200);
    await board
      .post(`/api/returns/${ret.id}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'S1' })
      .expect(201);
    expect((await lead.post(`/api/returns/${ret.id}/submit`)).status).toBe(200);
    const sealed = await board.post(`/api/returns/${ret.id}/declines`, { reason: 'Too late' });
    expect(sealed.status).toBe(409);
    expect(errorOf(sealed).code).toBe('RETURN_SEALED');
    expect((await getReturn(lead, ret.id)).sentBack).toBeNull();
  });
});
