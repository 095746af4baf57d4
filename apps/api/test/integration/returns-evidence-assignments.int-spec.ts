import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AnswerConflictError,
  ApiError,
  Assignment,
  AssigneeList,
  Evidence,
  MyAssignmentList,
  ReturnDetail,
  ReturnHistory,
  SaveAnswerResult,
  SessionInfo,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { syntheticDomain } from '@wgll/framework/testing';
import { type Client, clientWith } from './support/auth.js';
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
  returnsWorld,
} from './support/returns.js';
import { EvidenceService } from '../../src/modules/assessments/evidence.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: Client;
let lead: Client;
let contributor: Client;
let board: Client;
let newReturn: () => Promise<ReturnDetail>;
let org: FrameworkVersion;
let sys: FrameworkVersion;

const MAX_BYTES = 64 * 1024;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

beforeAll(async () => {
  t = await startTestApp({
    config: { evidence: { maxFileBytes: MAX_BYTES, extensions: ['pdf', 'png', 'docx'] } },
  });
  ({ admin, lead, contributor, board, org, sys, newReturn } = await returnsWorld(t));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

function upload(client: Client, id: string, name: string, content: Buffer, title?: string) {
  const req = client.agent.post(`/api/returns/${id}/evidence/files`).set('x-csrf-token', client.csrf);
  if (title) void req.field('title', title);
  return req.attach('file', content, name);
}

async function userId(client: Client): Promise<string> {
  return ((await client.get('/api/auth/session')).body as SessionInfo).user!.id;
}

describe('evidence', () => {
  it('stores a file with its SHA-256, serves it back byte for byte, and lets several domains cite it', async () => {
    const ret = await newReturn();
    const res = await upload(contributor, ret.id, 'digital-strategy.pdf', PDF, 'Digital strategy 2026');
    expect(res.status).toBe(201);
    const evidence = res.body as Evidence;
    expect(evidence).toMatchObject({
      kind: 'file',
      title: 'Digital strategy 2026',
      fileName: 'digital-strategy.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const download = await lead.agent.get(`/api/returns/${ret.id}/evidence/${evidence.id}/file`).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);

    const [a, b] = [org.domains[0]!, org.domains[1]!];
    for (const d of [a, b]) {
      await contributor
        .put(`/api/returns/${ret.id}/answers/${d.id}`, answer(upTo(d.id, 2), { evidenceIds: [evidence.id] }))
        .expect(200);
    }
    const detail = await getReturn(lead, ret.id);
    expect(detail.evidence[0]!.usedBy).toEqual([a.id, b.id].sort());
  });

  it('refuses a file too large (413) or of another type (415), whatever its name says, and stores nothing', async () => {
    const ret = await newReturn();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_BYTES + 10, 0x20)]);
    const tooBig = await upload(lead, ret.id, 'huge.pdf', big);
    expect(tooBig.status).toBe(413);
    expect((tooBig.body as ApiError).code).toBe('EVIDENCE_TOO_LARGE');
    const text = await upload(lead, ret.id, 'notes.txt', Buffer.from('hello'));
    expect(text.status).toBe(415);
    expect((text.body as ApiError).code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
    const disguised = await upload(lead, ret.id, 'invoice.pdf', Buffer.from('MZ\x90\x00 not really a pdf'));
    expect(disguised.status).toBe(415);
    const notConfigured = await upload(
      lead,
      ret.id,
      'photo.jpg',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]),
    );
    expect(notConfigured.status).toBe(415);
    // The service keeps the size rule for callers that bring bytes of their own (the demo world).
    const actor = {
      id: await userId(lead),
      email: '',
      displayName: '',
      sessionId: '',
      method: 'password' as const,
      grants: [],
    };
    const direct = t.running.app
      .get(EvidenceService)
      .addFile(ret.id, { fields: {}, file: { fileName: 'huge.pdf', content: big } }, actor);
    await expect(direct).rejects.toMatchObject({ status: 413 });
    expect((await getReturn(lead, ret.id)).evidence).toEqual([]);
  });

  it('adds links, and removing evidence takes it off the answers citing it (their versions move on)', async () => {
    const ret = await newReturn();
    const bad = await lead.post(`/api/returns/${ret.id}/evidence/links`, {
      title: 'x',
      url: 'javascript:alert(1)',
    });
    expect(bad.status).toBe(400);
    const link = (
      await lead
        .post(`/api/returns/${ret.id}/evidence/links`, {
          title: 'Board minutes',
          url: 'https://example.nhs.uk/m',
        })
        .expect(201)
    ).body as Evidence;
    const domain = org.domains[2]!;
    const saved = (
      await lead
        .put(`/api/returns/${ret.id}/answers/${domain.id}`, answer([], { evidenceIds: [link.id] }))
        .expect(200)
    ).body as SaveAnswerResult;
    expect(saved.answer.version).toBe(1);
    await lead.delete(`/api/returns/${ret.id}/evidence/${link.id}`).expect(204);
    const detail = await getReturn(lead, ret.id);
    expect(detail.evidence).toEqual([]);
    expect(detail.answers.find((a) => a.domainId === domain.id)).toMatchObject({
      evidenceIds: [],
      version: 2,
    });
    const history = (await lead.get(`/api/returns/${ret.id}/history`)).body as ReturnHistory;
    expect(history.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['return.evidence-added', 'return.evidence-removed']),
    );
    const removed = history.items.find((e) => e.action === 'return.evidence-removed')!;
    expect(removed.details).toMatchObject({ evidenceId: link.id, removedFromDomains: [domain.id] });
  });

  it("another return's evidence cannot be cited (400) or removed here (404); changing evidence withdraws an approval", async () => {
    const mine = await newReturn();
    const other = await newReturn();
    const foreign = (
      await lead
        .post(`/api/returns/${other.id}/evidence/links`, { title: 'Theirs', url: 'https://example.nhs.uk/t' })
        .expect(201)
    ).body as Evidence;
    const domain = org.domains[0]!;
    const cite = await lead.put(
      `/api/returns/${mine.id}/answers/${domain.id}`,
      answer([], { evidenceIds: [foreign.id] }),
    );
    expect(cite.status).toBe(400);
    expect((cite.body as ApiError).errors?.[0]?.field).toBe('evidenceIds');
    expect((await lead.delete(`/api/returns/${mine.id}/evidence/${foreign.id}`)).status).toBe(404);
    expect((await getReturn(lead, other.id)).evidence.map((e) => e.id)).toEqual([foreign.id]);

    await answerAll(lead, mine, org);
    await lead.post(`/api/returns/${mine.id}/ready`).expect(200);
    await board
      .post(`/api/returns/${mine.id}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'E1' })
      .expect(201);
    await upload(lead, mine.id, 'late.pdf', PDF).expect(201);
    const after = await getReturn(lead, mine.id);
    expect(after.state).toBe('awaiting-approval');
    expect(after.approvals[0]!.withdrawnReason).toContain('evidence added');
  });
});

describe('assignments', () => {
  it('the lead assigns a measure and a domain; each person sees what is theirs and what is left', async () => {
    const ret = await newReturn();
    const contributorId = await userId(contributor);
    const assignees = (await lead.get(`/api/returns/${ret.id}/assignees`).expect(200)).body as AssigneeList;
    expect(assignees.items.map((p) => p.id)).toContain(contributorId);
    expect(assignees.items.map((p) => p.id)).not.toContain(await userId(board));

    const measure = (
      await lead
        .put(`/api/returns/${ret.id}/assignments`, { measure: 'well-led', userId: contributorId })
        .expect(200)
    ).body as Assignment;
    expect(measure).toMatchObject({ measure: 'well-led', domainId: null, assignee: { id: contributorId } });
    const domain = org.domains[3]!;
    await lead
      .put(`/api/returns/${ret.id}/assignments`, { domainId: domain.id, userId: contributorId })
      .expect(200);
    // Refusals, each naming its field and changing nothing: neither target, a domain not in the
    // return, someone without an answering role here, a lead of another trust; and a contributor.
    const otherTrustLead = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RC9' }]);
    const refusals: [object, string][] = [
      [{ userId: contributorId }, 'measure'],
      [{ domainId: 'nope', userId: contributorId }, 'domainId'],
      [{ measure: 'well-led', userId: await userId(board) }, 'userId'],
      [{ measure: 'well-led', userId: await userId(otherTrustLead) }, 'userId'],
    ];
    for (const [body, field] of refusals) {
      const res = await lead.put(`/api/returns/${ret.id}/assignments`, body);
      expect({ status: res.status, field: (res.body as ApiError).errors?.[0]?.field }).toEqual({
        status: 400,
        field,
      });
    }
    expect(
      (
        await contributor.put(`/api/returns/${ret.id}/assignments`, {
          measure: 'well-led',
          userId: contributorId,
        })
      ).status,
    ).toBe(403);
    expect((await getReturn(lead, ret.id)).assignments.map((a) => a.measure ?? a.domainId)).toEqual([
      'well-led',
      domain.id,
    ]);

    let mine = (
      (await contributor.get('/api/me/assignments').expect(200)).body as MyAssignmentList
    ).items.filter((i) => i.return.id === ret.id);
    expect(mine.map((i) => [i.title, i.answered, i.total])).toEqual([
      ['Measure well-led', 0, 1],
      [domain.title, 0, 1],
    ]);
    const wellLed = org.domains.find((d) => d.measure === 'well-led')!;
    await contributor
      .put(`/api/returns/${ret.id}/answers/${wellLed.id}`, answer(upTo(wellLed.id, 2)))
      .expect(200);
    mine = ((await contributor.get('/api/me/assignments')).body as MyAssignmentList).items.filter(
      (i) => i.return.id === ret.id,
    );
    expect(mine[0]).toMatchObject({ answered: 1, total: 1, remaining: [] });
    expect(mine[1]!.remaining).toEqual([{ domainId: domain.id, title: domain.title }]);

    const detail = await getReturn(lead, ret.id);
    expect(detail.measures.find((m) => m.measure === 'well-led')).toMatchObject({ answered: 1, total: 1 });
    await lead.delete(`/api/returns/${ret.id}/assignments/${measure.id}`).expect(204);
    const actions = ((await lead.get(`/api/returns/${ret.id}/history`)).body as ReturnHistory).items.map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === 'return.assigned')).toHaveLength(2);
    expect(actions).toContain('return.unassigned');
  });
});

describe('carry forward', () => {
  it('copies answers of domains with the same lineage from the last sealed return, marked to confirm', async () => {
    // Last year: the small framework, sealed. This year: a new version where one domain was renamed
    // (same lineage, new id), one is new, and one old domain is gone. Dates no other file uses for
    // RJ1 (many seal RJ1 returns on 2025-04-01, the default cycle): the latest seal before this
    // cycle must be this test's own, whatever order the files run in.
    const lastYear = await createCycle(admin, org, sys, { referenceDate: '2024-10-01' });
    const { created } = await startReturns(lead, 'RJ1', lastYear.id);
    const old = await getReturn(lead, created[0]!.id);
    const link = (
      await lead
        .post(`/api/returns/${old.id}/evidence/links`, {
          title: 'Old strategy',
          url: 'https://example.nhs.uk/o',
        })
        .expect(201)
    ).body as Evidence;
    await answerAll(lead, old, org);
    const first = org.domains[0]!;
    await lead
      .put(
        `/api/returns/${old.id}/answers/${first.id}`,
        answer(upTo(first.id, 4), {
          baseVersion: 1,
          comment: 'Strong',
          confidence: 'high',
          evidenceIds: [link.id],
        }),
      )
      .expect(200);
    // One domain sealed as "none of these is met yet".
    const nothingMet = org.domains[1]!;
    await lead
      .put(
        `/api/returns/${old.id}/answers/${nothingMet.id}`,
        answer([], { baseVersion: 1, noneMet: true, comment: 'Nothing in place yet' }),
      )
      .expect(200);
    await lead.post(`/api/returns/${old.id}/ready`).expect(200);
    await board
      .post(`/api/returns/${old.id}/approvals`, { meetingDate: isoDay(-2), minuteReference: 'Y1' })
      .expect(201);
    await lead.post(`/api/returns/${old.id}/submit`).expect(200);

    const renamed = { ...syntheticDomain('well-led-renamed', 'well-led', [2, 2, 2, 2]) };
    renamed.levels = org.domains[0]!.levels; // same elements, new domain id
    renamed.lineage = { id: org.domains[0]!.lineage.id, relation: 'reworded', note: 'A new title.' };
    const next = smallFramework('organisation', {
      frameworkId: org.frameworkId,
      version: '2',
      domains: [
        renamed,
        ...org.domains
          .slice(1, 6)
          .map((d) => ({ ...d, lineage: { id: d.lineage.id, relation: 'same' as const } })),
        syntheticDomain('healthy-populations-new', 'healthy-populations', [2, 2, 2, 2]),
      ],
    });
    next.previousVersion = {
      version: org.version,
      retired: [{ lineageId: org.domains[6]!.lineage.id, reason: 'Replaced by a new domain.' }],
    };
    await uploadFrameworks(admin, next);
    const thisYear = await createCycle(admin, next, sys, { referenceDate: '2024-12-01' });
    const started = await startReturns(lead, 'RJ1', thisYear.id, { carryForward: true });
    const ret = await getReturn(lead, started.created[0]!.id);

    expect(ret.carriedForwardFrom).toEqual({ returnId: old.id, cycleName: lastYear.name });
    expect(ret.progress).toMatchObject({ total: 7, answered: 0, toConfirm: 6 });
    const carried = ret.answers.find((a) => a.domainId === 'well-led-renamed')!;
    expect(carried).toMatchObject({
      toConfirm: true,
      comment: 'Strong',
      confidence: 'high',
      met: upTo(first.id, 4).sort(),
      noneMet: false,
    });
    // The nothing-met answer comes across as "none met", at level 1 once confirmed; the ticked ones do not.
    expect(ret.answers.find((a) => a.domainId === nothingMet.id)).toMatchObject({
      met: [],
      noneMet: true,
      comment: 'Nothing in place yet',
      toConfirm: true,
    });
    expect(ret.scores.domains.find((d) => d.domainId === nothingMet.id)!.level).toBe(1);
    expect(ret.answers.filter((a) => a.noneMet).map((a) => a.domainId)).toEqual([nothingMet.id]);
    expect(carried.evidenceIds).toHaveLength(1);
    expect(ret.evidence[0]).toMatchObject({ title: 'Old strategy', usedBy: ['well-led-renamed'] });
    expect(ret.evidence[0]!.id).not.toBe(link.id);
    expect(ret.answers.some((a) => a.domainId === 'healthy-populations-new')).toBe(false);
    expect(ret.scores.domains.find((d) => d.domainId === 'well-led-renamed')!.level).toBe(4);

    // Not ready until every carried answer is confirmed or changed.
    const early = await lead.post(`/api/returns/${ret.id}/ready`);
    expect((early.body as ApiError).code).toBe('RETURN_INCOMPLETE');
    expect(
      (early.body as ApiError).errors?.find((e) => e.field === 'domains.well-led-renamed')?.messages[0],
    ).toContain('confirm');
    const stale = await contributor.post(`/api/returns/${ret.id}/answers/well-led-renamed/confirm`, {
      baseVersion: 7,
    });
    expect(stale.status).toBe(409);
    expect((stale.body as AnswerConflictError).current).toMatchObject({ version: 1, toConfirm: true });
    const confirmed = await contributor
      .post(`/api/returns/${ret.id}/answers/well-led-renamed/confirm`, { baseVersion: 1 })
      .expect(200);
    const again = await contributor
      .post(`/api/returns/${ret.id}/answers/well-led-renamed/confirm`, { baseVersion: 2 })
      .expect(200);
    expect((again.body as SaveAnswerResult).answer.version).toBe(2);
    expect((confirmed.body as SaveAnswerResult).answer).toMatchObject({ toConfirm: false, version: 2 });
    const changed = ret.answers.find((a) => a.domainId !== 'well-led-renamed')!;
    await contributor
      .put(
        `/api/returns/${ret.id}/answers/${changed.domainId}`,
        answer([], { baseVersion: 1, noneMet: true }),
      )
      .expect(200);
    const after = await getReturn(lead, ret.id);
    expect(after.progress).toMatchObject({ answered: 2, toConfirm: 4 });
    const actions = ((await lead.get(`/api/returns/${ret.id}/history`)).body as ReturnHistory).items.map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['return.created', 'return.answer-confirmed', 'return.answer-saved']),
    );
  });

  it('takes the last seal of a reopened return, with evidence since removed from its draft', async () => {
    const lastYear = await createCycle(admin, org, sys, { referenceDate: '2024-06-01' });
    const old = await getReturn(lead, (await startReturns(lead, 'RJ1', lastYear.id)).created[0]!.id);
    const file = (await upload(lead, old.id, 'policy.pdf', PDF, 'Cyber policy').expect(201)).body as Evidence;
    await answerAll(lead, old, org);
    const first = org.domains[0]!;
    await lead
      .put(
        `/api/returns/${old.id}/answers/${first.id}`,
        answer(upTo(first.id, 2), { baseVersion: 1, evidenceIds: [file.id] }),
      )
      .expect(200);
    await lead.post(`/api/returns/${old.id}/ready`).expect(200);
    await board
      .post(`/api/returns/${old.id}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'Y2' })
      .expect(201);
    await lead.post(`/api/returns/${old.id}/submit`).expect(200);
    // Reopened, the file removed and the answer changed in the draft of revision 2 (not sealed).
    await admin.post(`/api/returns/${old.id}/reopen`, { reason: 'Check the cyber answer' }).expect(200);
    await lead.delete(`/api/returns/${old.id}/evidence/${file.id}`).expect(204);
    await lead
      .put(
        `/api/returns/${old.id}/answers/${first.id}`,
        answer([], { baseVersion: 3, comment: 'draft change' }),
      )
      .expect(200);
    // The removed file still downloads: the seal of revision 1 names it.
    const kept = await lead.agent.get(`/api/returns/${old.id}/evidence/${file.id}/file`).buffer(true);
    expect(Buffer.compare(kept.body as Buffer, PDF)).toBe(0);
    expect((await lead.get(`/api/returns/${old.id}/seals/1/verification`)).body).toMatchObject({
      verified: true,
    });

    const thisYear = await createCycle(admin, org, sys, { referenceDate: '2024-09-01' });
    const started = await startReturns(lead, 'RJ1', thisYear.id, { carryForward: true });
    const ret = await getReturn(lead, started.created[0]!.id);
    expect(ret.carriedForwardFrom?.returnId).toBe(old.id);
    const carried = ret.answers.find((a) => a.domainId === first.id)!;
    expect(carried).toMatchObject({ met: upTo(first.id, 2).sort(), comment: '', toConfirm: true });
    expect(ret.evidence).toHaveLength(1);
    expect(ret.evidence[0]).toMatchObject({
      fileName: 'policy.pdf',
      sha256: file.sha256,
      usedBy: [first.id],
    });
  });

  it('starts empty when there is no earlier sealed return', async () => {
    const cycle = await createCycle(admin, org, sys, { referenceDate: '2024-04-01' });
    const { created } = await startReturns(lead, 'RJ1', cycle.id, { carryForward: true });
    expect(created[0]).toMatchObject({ carriedForwardFrom: null, progress: { answered: 0, toConfirm: 0 } });
  });
});
