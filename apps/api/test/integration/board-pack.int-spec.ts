/**
 * The board pack (issue 18), end to end on the real database: a trust's return answered, planned,
 * approved and sealed beside two ICS peers; the draft and final PDFs turned into text with poppler's
 * `pdftotext -layout` and checked against the API (scores, ICS median, England's withheld figures,
 * plan actions, approval record, the seal's hash on every page, the draft watermark, page numbers),
 * who may download them, and the queue's refusal when too many are asked for at once.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiError,
  Evidence,
  ImprovementPlan,
  PlanAction,
  ReturnDetail,
  SessionInfo,
  TrustResults,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import type supertest from 'supertest';
import { anonymousClient, type Client, clientWith } from './support/auth.js';
import {
  answer,
  createCycle,
  getReturn,
  isoDay,
  returnsWorld,
  startReturns,
  upTo,
} from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: Client;
let lead: Client;
let contributor: Client;
let board: Client;
let icsLead: Client;
let outsider: Client;
let anonymous: Client;
let org: FrameworkVersion;
let ret: ReturnDetail;
let cycleId: string;
let action: PlanAction;
let evidence: Evidence;
let draftText: string;
let draftHeaders: Record<string, string>;
let peerId: string;
let sys: FrameworkVersion;
const work = mkdtempSync(join(tmpdir(), 'wgll-pack-'));

/** The PDF's text as poppler lays it out (form feeds between pages). */
function pdfToText(bytes: Buffer): string {
  const file = join(work, `${randomUUID()}.pdf`);
  writeFileSync(file, bytes);
  try {
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('pdftotext was not found: install poppler-utils (apt-get install -y poppler-utils)');
    throw error;
  }
}

const binary = (res: supertest.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function download(client: Client, path: string): Promise<supertest.Response> {
  return client.get(path).buffer(true).parse(binary);
}

const pagesOf = (text: string) => text.split('\f').filter((p) => p.trim().length > 0);
const lineWith = (text: string, ...parts: string[]) =>
  text.split('\n').find((line) => parts.every((p) => line.includes(p)));

/** A complete acute return for `code` in the cycle, ready, approved by its board and sealed. */
async function sealedPeer(code: string, level: number): Promise<string> {
  const peerLead = await clientWith(t, [{ role: 'trust-lead', scopeCode: code }]);
  const peerBoard = await clientWith(t, [{ role: 'board-approver', scopeCode: code }]);
  const { created } = await startReturns(peerLead, code, cycleId, { careSettings: ['acute'] });
  const id = created[0]!.id;
  for (const domain of org.domains)
    await peerLead.put(`/api/returns/${id}/answers/${domain.id}`, answer(upTo(domain.id, level))).expect(200);
  await peerLead.post(`/api/returns/${id}/ready`).expect(200);
  await peerBoard
    .post(`/api/returns/${id}/approvals`, { meetingDate: isoDay(-2), minuteReference: `${code}/1` })
    .expect(201);
  await peerLead.post(`/api/returns/${id}/submit`).expect(200);
  return id;
}

beforeAll(async () => {
  // One pack at a time and one waiting: the last test asks for more at once.
  t = await startTestApp({ config: { boardPack: { concurrency: 1, waiting: 1 } } });
  ({ admin, lead, contributor, board, org, sys } = await returnsWorld(t));
  icsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
  outsider = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RC9' }]);
  anonymous = await anonymousClient(t);
  const contributorId = ((await contributor.get('/api/auth/session').expect(200)).body as SessionInfo).user!
    .id;
  cycleId = (await createCycle(admin, org, sys)).id;
  peerId = await sealedPeer('RJZ', 2);
  await sealedPeer('RJ2', 4);

  const { created } = await startReturns(lead, 'RJ1', cycleId, { careSettings: ['acute'] });
  const id = created[0]!.id;
  evidence = (
    await lead
      .post(`/api/returns/${id}/evidence/links`, {
        title: 'Digital strategy 2026',
        url: 'https://example.org/strategy',
      })
      .expect(201)
  ).body as Evidence;
  for (const [i, domain] of org.domains.entries()) {
    await lead
      .put(
        `/api/returns/${id}/answers/${domain.id}`,
        answer(upTo(domain.id, i === 0 ? 2 : 3), {
          comment: i === 1 ? 'Our records team checked this with the CCIO ≥ twice.' : '',
          confidence: i === 2 ? 'low' : 'high',
          evidenceIds: i === 1 ? [evidence.id] : [],
        }),
      )
      .expect(200);
  }
  const planPath = `/api/returns/${id}/plan`;
  await lead
    .put(planPath, {
      baseVersion: 0,
      targetDate: isoDay(200),
      targets: [{ domainId: org.domains[0]!.id, level: 3 }],
      measureTargets: [],
    })
    .expect(200);
  const added = await lead.post(`${planPath}/actions`, {
    domainId: org.domains[0]!.id,
    elementIds: [`${org.domains[0]!.id}-l3-e1`, `${org.domains[0]!.id}-l3-e2`],
    title: 'Roll out the shared care record',
    ownerId: contributorId,
    dueDate: isoDay(120),
    state: 'in-progress',
  });
  expect(added.status).toBe(201);
  action = added.body as PlanAction;
  ret = await getReturn(lead, id);

  const draft = await download(lead, `/api/returns/${id}/board-pack.pdf`);
  expect(draft.status).toBe(200);
  draftHeaders = draft.headers;
  draftText = pdfToText(draft.body as Buffer);
  if (process.env.KEEP_PACKS) writeFileSync(join(process.env.KEEP_PACKS, 'draft.pdf'), draft.body as Buffer);
}, 300_000);

afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

const SECTIONS = [
  '1. Summary',
  '2. Biggest gaps and what the next level needs',
  '3. Answers given with low confidence',
  '4. Improvement plan',
  '5. Comments',
  '6. Evidence',
  '7. Approval record',
];

function expectSectionsInOrder(text: string): void {
  const at = SECTIONS.map((s) => text.indexOf(s));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
}

function expectPageNumbers(text: string): number {
  const pages = pagesOf(text);
  expect(pages.length).toBeGreaterThanOrEqual(3);
  pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  return pages.length;
}

describe('the draft pack', () => {
  it('is a PDF download named after the return, watermarked and numbered on every page', () => {
    expect(draftHeaders['content-type']).toBe('application/pdf');
    expect(draftHeaders['content-disposition']).toMatch(
      /^attachment; filename="board-pack-rj1-acute-test-[a-z0-9-]+-draft\.pdf"$/,
    );
    expectPageNumbers(draftText);
    for (const page of pagesOf(draftText)) expect(page).toContain('Draft – not approved');
    expectSectionsInOrder(draftText);
    expect(draftText).toContain("Guy's and St Thomas' NHS Foundation Trust");
    expect(draftText).toContain('RJ1');
    expect(draftText).toContain('Not approved yet: the board has not approved this return.');
    expect(draftText).not.toContain('SHA-256');
  });

  it("prints the return's scores, its gaps with the element texts, low confidence, comments and evidence", () => {
    for (const m of ret.scores.measures) {
      const name = org.measures.find((x) => x.id === m.measure)!.name;
      expect(lineWith(draftText, name, m.score!.toFixed(1))).toBeDefined();
    }
    expect(draftText).toContain(`Overall score: ${ret.scores.overall!.toFixed(1)} out of 5`);
    // The first domain is at level 2: its level-3 elements are what the next level needs, as text.
    const first = org.domains[0]!;
    expect(draftText).toContain(first.title);
    for (const e of first.levels[2]!.elements) expect(draftText).toContain(e.text);
    expect(lineWith(draftText, org.domains[2]!.title, 'Level 3')).toBeDefined();
    // Characters the standard fonts cannot draw are spelt out.
    expect(draftText).toContain('Our records team checked this with the CCIO >= twice.');
    expect(lineWith(draftText, 'Digital strategy 2026', 'https://example.org/strategy')).toBeDefined();
  });

  it('prints the plan: projected maturity, targets and actions with owner, date and state', async () => {
    const plan = (await lead.get(`/api/returns/${ret.id}/plan`).expect(200)).body as ImprovementPlan;
    // The action in the plan's section, with its owner and state. (Its row may wrap or start a new page,
    // so the words are looked for in the section rather than on one line.)
    // The section itself, after the contents list that names it first.
    const from = draftText.lastIndexOf('4. Improvement plan');
    const section = draftText.slice(from, draftText.indexOf('5. Comments', from)).replace(/\s+/g, ' ');
    expect(section).toContain('Roll out the shared care record');
    expect(section).toContain(action.owner!.displayName.slice(0, 10));
    expect(section).toContain('In progress');
    expect(
      lineWith(
        draftText,
        'Overall',
        plan.scores.today.overall!.toFixed(1),
        plan.scores.projected.overall!.toFixed(1),
      ),
    ).toBeDefined();
  });
});

describe('the final pack', () => {
  let finalText: string;
  let sha256: string;

  beforeAll(async () => {
    await lead.post(`/api/returns/${ret.id}/ready`).expect(200);
    await board
      .post(`/api/returns/${ret.id}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'Board 2026/41' })
      .expect(201);
    await lead.post(`/api/returns/${ret.id}/submit`).expect(200);
    ret = await getReturn(lead, ret.id);
    sha256 = ret.seals[0]!.sha256;
    const res = await download(board, `/api/returns/${ret.id}/seals/1/board-pack.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/filename="board-pack-rj1-acute-.+-revision-1\.pdf"/);
    finalText = pdfToText(res.body as Buffer);
    if (process.env.KEEP_PACKS) writeFileSync(join(process.env.KEEP_PACKS, 'final.pdf'), res.body as Buffer);
  }, 120_000);

  it("prints the seal's hash and where to check it on every page, and no watermark", async () => {
    const verification = (await lead.get(`/api/returns/${ret.id}/seals/1/verification`).expect(200)).body as {
      sha256: string;
    };
    expect(verification.sha256).toBe(sha256);
    expectPageNumbers(finalText);
    for (const page of pagesOf(finalText)) {
      expect(page).toContain(`SHA-256 ${sha256}`);
      expect(page).toContain(`/returns/${ret.id}/seals/1`);
    }
    expect(finalText).not.toContain('Draft');
    expect(finalText).toContain('Final board pack: sealed revision 1');
    expectSectionsInOrder(finalText);
  });

  it('compares with the ICS median and withholds England below 5 organisations, as the results API does', async () => {
    const results = (
      await lead.get(`/api/organisations/RJ1/results?cycle=${cycleId}&careSetting=acute`).expect(200)
    ).body as TrustResults;
    for (const m of results.measures) {
      const name = org.measures.find((x) => x.id === m.measure)!.name;
      expect(m.ics.count).toBe(3);
      expect(m.national.suppressed).toBe(true);
      // The table's row (the chart's line has the name and score only).
      const line = lineWith(finalText, name, 'Not shown: fewer than 5 (3)');
      expect(line).toBeDefined();
      const figures = line!.slice(line!.indexOf(name) + name.length).match(/\d\.\d/g);
      expect(figures?.slice(0, 2)).toEqual([m.score!.toFixed(1), m.ics.median!.toFixed(1)]);
    }
  });

  it('prints the approval record: approver, meeting date and minute reference', () => {
    const approval = ret.approvals.find((a) => a.withdrawnAt === null)!;
    const line = lineWith(finalText, approval.approver.displayName.slice(0, 12), 'Board 2026/41');
    expect(line).toBeDefined();
    expect(finalText).toContain('Roll out the shared care record');
  });
});

describe('a sealed revision after the return is reopened and edited', () => {
  let finalText: string;
  let draftAfter: string;

  beforeAll(async () => {
    const base = `/api/returns/${ret.id}`;
    await admin.post(`${base}/reopen`, { reason: 'The board asked for another look' }).expect(200);
    const second = org.domains[1]!;
    const baseVersion = (await getReturn(lead, ret.id)).answers.find(
      (a) => a.domainId === second.id,
    )!.version;
    await lead
      .put(
        `${base}/answers/${second.id}`,
        answer(upTo(second.id, 5), { baseVersion, comment: 'Rewritten after reopening', confidence: 'high' }),
      )
      .expect(200);
    await lead
      .patch(`${base}/plan/actions/${action.id}`, {
        baseVersion: action.version,
        title: 'A different action after reopening',
      })
      .expect(200);
    const res = await download(board, `${base}/seals/1/board-pack.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="board-pack-rj1-acute-.+-revision-1\.pdf"/);
    finalText = pdfToText(res.body as Buffer);
    draftAfter = pdfToText((await download(lead, `${base}/board-pack.pdf`)).body as Buffer);
  }, 120_000);

  it('the draft shows the edits; the final pack of revision 1 still shows what was sealed', () => {
    expect(draftAfter).toContain('Rewritten after reopening');
    expect(draftAfter).toContain('A different action after reopening');

    expect(finalText).toContain('Final board pack: sealed revision 1');
    expect(finalText).toContain('Our records team checked this with the CCIO >= twice.');
    expect(finalText).not.toContain('Rewritten after reopening');
    expect(finalText).toContain(`Overall score: ${ret.scores.overall!.toFixed(1)} out of 5`);
    // The plan as the board approved it with the return, not as it stands.
    expect(finalText).toContain('The plan as the board approved it with this return');
    expect(finalText).toContain('Roll out the shared care record');
    expect(finalText).not.toContain('A different action after reopening');
    expect(lineWith(finalText, 'Digital strategy 2026', 'https://example.org/strategy')).toBeDefined();
  });
});

describe('a sealed revision approved with no plan', () => {
  it('says so in the plan section rather than printing a plan made later', async () => {
    const peerLead = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RJZ' }]);
    // A plan started after sealing is not the plan the board approved with the return.
    await peerLead
      .put(`/api/returns/${peerId}/plan`, {
        baseVersion: 0,
        targetDate: isoDay(200),
        targets: [{ domainId: org.domains[0]!.id, level: 4 }],
        measureTargets: [],
      })
      .expect(200);
    const res = await download(peerLead, `/api/returns/${peerId}/seals/1/board-pack.pdf`);
    expect(res.status).toBe(200);
    const text = pdfToText(res.body as Buffer);
    expect(text).toContain('No improvement plan was approved with this revision of the return');
    expect(text).not.toContain('The plan as it stands');
  });
});

describe('the draft pack of a plan approved, withdrawn by an edit and approved again', () => {
  it("prints only the approval that stands for the return's revision, once", async () => {
    // A cycle of its own, so the return's revision and approvals are this test's alone.
    const cycle = await createCycle(admin, org, sys);
    const { created } = await startReturns(lead, 'RJ1', cycle.id, { careSettings: ['acute'] });
    const base = `/api/returns/${created[0]!.id}`;
    for (const domain of org.domains)
      await lead.put(`${base}/answers/${domain.id}`, answer(upTo(domain.id, 2))).expect(200);
    const plan = (await lead.get(`${base}/plan`).expect(200)).body as ImprovementPlan;
    await lead
      .put(`${base}/plan`, {
        baseVersion: plan.version,
        targetDate: isoDay(200),
        targets: [{ domainId: org.domains[0]!.id, level: 4 }],
        measureTargets: [],
      })
      .expect(200);
    const section = async (): Promise<string> => {
      const text = pdfToText((await download(lead, `${base}/board-pack.pdf`)).body as Buffer);
      const from = text.lastIndexOf('4. Improvement plan');
      return text.slice(from, text.indexOf('5. Comments', from)).replace(/\s+/g, ' ');
    };
    expect(await section()).toContain('The plan has not been approved.');

    await lead.post(`${base}/ready`).expect(200);
    await board
      .post(`${base}/approvals`, { meetingDate: isoDay(-3), minuteReference: 'Withdrawn 2026/7' })
      .expect(201);
    // An edit after approval withdraws the board's approval of the return, and so of the plan with it.
    const first = org.domains[0]!;
    const baseVersion = (await getReturn(lead, created[0]!.id)).answers.find(
      (a) => a.domainId === first.id,
    )!.version;
    await lead.put(`${base}/answers/${first.id}`, answer(upTo(first.id, 3), { baseVersion })).expect(200);
    expect(await section()).toContain('The plan has not been approved.');
    expect(await section()).not.toContain('Withdrawn 2026/7');

    await board
      .post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'Standing 2026/8' })
      .expect(201);
    const after = (await lead.get(`${base}/plan`).expect(200)).body as ImprovementPlan;
    expect(after.approvals.map((a) => a.minuteReference)).toEqual(['Withdrawn 2026/7', 'Standing 2026/8']);
    const text = await section();
    expect(text).not.toContain('Withdrawn 2026/7');
    expect(text.split('Standing 2026/8').length - 1).toBe(1);
    expect(text).not.toContain('The plan has not been approved.');
  }, 180_000);
});

describe('who may download a pack', () => {
  it('the trust yes; the ICS lead, another trust and the signed-out no; unknown returns and revisions 404', async () => {
    const draft = `/api/returns/${ret.id}/board-pack.pdf`;
    const final = `/api/returns/${ret.id}/seals/1/board-pack.pdf`;
    for (const client of [contributor, board]) {
      expect((await download(client, draft)).status).toBe(200);
      expect((await download(client, final)).status).toBe(200);
    }
    expect((await download(admin, final)).status).toBe(200);
    for (const client of [icsLead, outsider]) {
      expect((await client.get(draft)).status).toBe(403);
      expect((await client.get(final)).status).toBe(403);
    }
    expect((await anonymous.get(draft)).status).toBe(401);
    expect((await anonymous.get(final)).status).toBe(401);
    expect((await lead.get(`/api/returns/${randomUUID()}/board-pack.pdf`)).status).toBe(404);
    expect((await lead.get(`/api/returns/${randomUUID()}/seals/1/board-pack.pdf`)).status).toBe(404);
    const unsealed = await lead.get(`/api/returns/${ret.id}/seals/2/board-pack.pdf`);
    expect(unsealed.status).toBe(404);
    expect((unsealed.body as ApiError).code).toBe('NOT_FOUND');
    const bad = await lead.get(`/api/returns/${ret.id}/seals/first/board-pack.pdf`);
    expect(bad.status).toBe(400);
    expect((bad.body as ApiError).errors?.map((e) => e.field)).toEqual(['revision']);
  }, 120_000);
});

describe('the queue', () => {
  it('refuses packs beyond one running and one waiting with 503 BOARD_PACK_BUSY and Retry-After', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => download(lead, `/api/returns/${ret.id}/seals/1/board-pack.pdf`)),
    );
    const ok = responses.filter((r) => r.status === 200);
    const busy = responses.filter((r) => r.status === 503);
    expect(ok.length + busy.length).toBe(6);
    expect(ok.length).toBeGreaterThanOrEqual(2);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const r of busy) {
      expect(r.headers['retry-after']).toMatch(/^\d+$/);
      expect((JSON.parse((r.body as Buffer).toString('utf8')) as ApiError).code).toBe('BOARD_PACK_BUSY');
    }
    for (const r of ok) expect((r.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
