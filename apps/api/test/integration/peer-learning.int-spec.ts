/**
 * Peer learning (issue 19): in a cycle of its own, Guy's and St Thomas' (RJ1, QKK, London) keeps a
 * draft at level 2; acute trusts in its ICS, elsewhere in London and in the South East seal returns
 * meeting some of what it lacks. Two opted in to be named (one in its ICS, one in another region);
 * the others are only counted, place by place (in its ICS, elsewhere in its region, elsewhere in
 * England), 1 or 2 as "fewer than 3". Drafts are never read, whoever opted in.
 * Checks the sharing setting's rules (trust lead only, 400 field messages, 409 when stale, audited)
 * and who may see what.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiError,
  Cycle,
  Evidence,
  PeerLearning,
  PeerSharing,
  PlanAction,
  SessionInfo,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { anonymousClient, auditOf, type Client, clientWith } from './support/auth.js';
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

let t: TestApp;
let admin: Client;
let org: FrameworkVersion;
let cycle: Cycle;
const D = 'well-led-d';
const L3E1 = `${D}-l3-e1`;
const L3E2 = `${D}-l3-e2`;
const returns = new Map<string, { id: string; lead: Client }>();

/** A trust's acute return in the cycle: every domain answered with `met` for well-led and level 2 elsewhere. */
async function returnOf(code: string, met: string[], seal: boolean): Promise<{ id: string; lead: Client }> {
  const lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: code }]);
  const board = await clientWith(t, [{ role: 'board-approver', scopeCode: code }]);
  const { created } = await startReturns(lead, code, cycle.id, { careSettings: ['acute'] });
  const id = created[0]!.id;
  for (const d of org.domains) {
    const res = await lead.put(
      `/api/returns/${id}/answers/${d.id}`,
      answer(d.id === D ? met : upTo(d.id, 2)),
    );
    expect(res.status).toBe(200);
  }
  if (seal) await sealReturn(id, lead, board);
  const entry = { id, lead };
  returns.set(code, entry);
  return entry;
}

async function sealReturn(id: string, lead: Client, board: Client): Promise<void> {
  expect((await lead.post(`/api/returns/${id}/ready`)).status).toBe(200);
  const approval = { meetingDate: isoDay(-1), minuteReference: 'B/19' };
  expect((await board.post(`/api/returns/${id}/approvals`, approval)).status).toBe(201);
  expect((await lead.post(`/api/returns/${id}/submit`)).status).toBe(200);
}

function sharingBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    baseVersion: 0,
    named: true,
    contact: {
      name: 'Amara Ahmed',
      role: 'Chief Clinical Information Officer',
      email: 'amara@example.nhs.uk',
    },
    contactConsent: true,
    notes: [],
    shareableEvidenceIds: [],
    ...overrides,
  };
}

let rj1Lead: Client;
let rj1Contributor: Client;
let rj1Board: Client;
let rj2Lead: Client;
let rj2Contributor: Client;
let icsLead: Client;
let regionViewer: Client;
let shareable: Evidence;
let privateEvidence: Evidence;

beforeAll(async () => {
  t = await startTestApp();
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  org = smallFramework('organisation');
  const sys = smallFramework('system');
  await uploadFrameworks(admin, org, sys);
  // Later than any other suite's cycle: on a shared database the trusts' newest sealed returns (whose
  // evidence may be shared) are this file's.
  cycle = await createCycle(admin, org, sys, { referenceDate: '9000-04-01' });

  // RJ2 (QKK) meets one level-3 element and cites two pieces of evidence; it opts in below.
  const rj2Board = await clientWith(t, [{ role: 'board-approver', scopeCode: 'RJ2' }]);
  const rj2 = await returnOf('RJ2', [...upTo(D, 2), L3E1], false);
  rj2Lead = rj2.lead;
  shareable = (
    await rj2Lead
      .post(`/api/returns/${rj2.id}/evidence/links`, {
        title: 'EPR roll-out plan',
        url: 'https://example.nhs.uk/a',
      })
      .expect(201)
  ).body as Evidence;
  privateEvidence = (
    await rj2Lead
      .post(`/api/returns/${rj2.id}/evidence/links`, {
        title: 'Internal risk log',
        url: 'https://example.nhs.uk/b',
      })
      .expect(201)
  ).body as Evidence;
  const cited = await rj2Lead.put(
    `/api/returns/${rj2.id}/answers/${D}`,
    answer([...upTo(D, 2), L3E1], { baseVersion: 1, evidenceIds: [shareable.id, privateEvidence.id] }),
  );
  expect(cited.status).toBe(200);
  await sealReturn(rj2.id, rj2Lead, rj2Board);

  await returnOf('RJ1', upTo(D, 2), false); // the viewer: a draft at level 2
  await returnOf('RJZ', [...upTo(D, 2), L3E1], true); // QKK, not named
  await returnOf('R1H', [...upTo(D, 2), L3E1], true); // QMF (London), not named
  await returnOf('RQX', [...upTo(D, 2), L3E1], true);
  await returnOf('RF4', [...upTo(D, 2), L3E1], true);
  await returnOf('RTH', [...upTo(D, 3)], true); // South East, named
  await returnOf('RQM', upTo(D, 5), false); // a draft meeting everything: never read
  await returnOf('RYJ', upTo(D, 5), false); // opted in, but a draft: never read

  rj1Lead = returns.get('RJ1')!.lead;
  rj1Contributor = await clientWith(t, [{ role: 'trust-contributor', scopeCode: 'RJ1' }]);
  rj1Board = await clientWith(t, [{ role: 'board-approver', scopeCode: 'RJ1' }]);
  rj2Contributor = await clientWith(t, [{ role: 'trust-contributor', scopeCode: 'RJ2' }]);
  icsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
  regionViewer = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y56' }]);

  for (const code of ['RTH', 'RYJ']) {
    const lead = returns.get(code)!.lead;
    const current = (await lead.get(`/api/organisations/${code}/sharing`).expect(200)).body as PeerSharing;
    await lead
      .put(`/api/organisations/${code}/sharing`, sharingBody({ baseVersion: current.version }))
      .expect(200);
  }
}, 600_000);

afterAll(async () => {
  await t?.close();
});

describe('the sharing setting', () => {
  it('is off by default, and its team may read it; only the trust lead may change it', async () => {
    const current = (await rj2Lead.get('/api/organisations/RJ2/sharing').expect(200)).body as PeerSharing;
    expect(current.permissions.edit).toBe(true);
    const asContributor = (await rj2Contributor.get('/api/organisations/RJ2/sharing').expect(200))
      .body as PeerSharing;
    expect(asContributor.permissions.edit).toBe(false);
    expect(current.evidence.map((e) => e.title).sort()).toEqual(['EPR roll-out plan', 'Internal risk log']);
    expect(current.domains.map((d) => d.id)).toContain(D);
    if (current.version === 0) expect(current.named).toBe(false);
    const body = sharingBody({ baseVersion: current.version });
    expect((await rj2Contributor.put('/api/organisations/RJ2/sharing', body)).status).toBe(403);
    expect((await rj1Lead.put('/api/organisations/RJ2/sharing', body)).status).toBe(403);
    expect((await icsLead.put('/api/organisations/RJ2/sharing', body)).status).toBe(403);
    expect((await regionViewer.get('/api/organisations/RJ2/sharing')).status).toBe(403);
    expect((await rj1Lead.get('/api/organisations/RJ2/sharing')).status).toBe(403);
    expect((await (await anonymousClient(t)).get('/api/organisations/RJ2/sharing')).status).toBe(401);
  });

  it('refuses to name an organisation without a consenting contact, or to share evidence not its own, field by field', async () => {
    const current = (await rj2Lead.get('/api/organisations/RJ2/sharing').expect(200)).body as PeerSharing;
    const bad = await rj2Lead.put(
      '/api/organisations/RJ2/sharing',
      sharingBody({
        baseVersion: current.version,
        contact: null,
        contactConsent: false,
        shareableEvidenceIds: ['00000000-0000-4000-8000-000000000000'],
        notes: [{ domainId: 'no-such-domain', note: 'x' }],
      }),
    );
    expect(bad.status).toBe(400);
    const fields = (bad.body as ApiError).errors!.map((e) => e.field).sort();
    expect(fields).toEqual(['contact', 'contactConsent', 'notes.0.domainId', 'shareableEvidenceIds']);
    const email = await rj2Lead.put(
      '/api/organisations/RJ2/sharing',
      sharingBody({ baseVersion: current.version, contact: { name: 'A', role: 'B', email: 'not-an-email' } }),
    );
    expect(email.status).toBe(400);
    expect((email.body as ApiError).errors!.map((e) => e.field)).toEqual(['contact.email']);
  });

  it('saves a named setting with a note and shareable evidence, audited; a stale save is a 409 with the current setting', async () => {
    const current = (await rj2Lead.get('/api/organisations/RJ2/sharing').expect(200)).body as PeerSharing;
    const saved = await rj2Lead.put(
      '/api/organisations/RJ2/sharing',
      sharingBody({
        baseVersion: current.version,
        notes: [{ domainId: D, note: 'We ran board workshops first.' }],
        shareableEvidenceIds: [shareable.id],
      }),
    );
    expect(saved.status).toBe(200);
    const body = saved.body as PeerSharing;
    expect(body.version).toBe(current.version + 1);
    expect(body.named).toBe(true);
    expect(body.updatedBy).not.toBeNull();
    const stale = await rj2Lead.put(
      '/api/organisations/RJ2/sharing',
      sharingBody({ baseVersion: current.version }),
    );
    expect(stale.status).toBe(409);
    expect((stale.body as ApiError).code).toBe('SHARING_CONFLICT');
    expect((stale.body as unknown as { current: PeerSharing }).current.version).toBe(body.version);
    // Audited once: the one save this file's RJ2 lead made (the refused ones wrote nothing).
    const session = (await rj2Lead.get('/api/auth/session').expect(200)).body as SessionInfo;
    const mine = await auditOf(admin, 'peer-sharing.updated', session.user!.email);
    expect(mine).toEqual([expect.objectContaining({ target: expect.objectContaining({ id: 'RJ2' }) })]);
    expect(mine[0]!.details).toMatchObject({ named: { after: true }, notes: [D], shareableEvidence: 1 });
  });
});

describe('who meets what we lack', () => {
  async function peers(client: Client, code = 'RJ1', domain = D): Promise<PeerLearning> {
    const res = await client.get(`/api/returns/${returns.get(code)!.id}/peers?domain=${domain}`);
    expect(res.status).toBe(200);
    return res.body as PeerLearning;
  }

  it('names the opted-in peers nearest first, counts the others (fewer than 3 never exact), and never reads drafts', async () => {
    const result = await peers(rj1Lead);
    expect(result.domain).toMatchObject({ id: D, level: 2, notApplicable: false });
    expect(result.ics?.odsCode).toBe('QKK');
    expect(result.region?.odsCode).toBe('Y56');
    // RJ2, RJZ, R1H, RQX, RF4, RTH: the drafts of RQM and RYJ are not compared.
    expect(result.compared).toBe(6);
    const first = result.elements.find((e) => e.id === L3E1)!;
    expect(first.named.map((n) => [n.organisation.odsCode, n.scope])).toEqual([
      ['RJ2', 'ics'],
      ['RTH', 'england'],
    ]);
    const rj2 = first.named[0]!;
    expect(rj2.contact.email).toBe('amara@example.nhs.uk');
    expect(rj2.note).toBe('We ran board workshops first.');
    expect(rj2.evidenceTitles).toEqual(['EPR roll-out plan']);
    expect(JSON.stringify(result)).not.toContain('Internal risk log');
    // Not named: RJZ in the ICS; R1H, RQX and RF4 elsewhere in London; nobody elsewhere in England.
    // Places that do not overlap, so no difference of two counts gives away the one in the ICS.
    expect(first.others).toEqual({
      ics: { count: null, fewerThan: 3 },
      region: { count: 3, fewerThan: null },
      england: { count: 0, fewerThan: null },
    });
    const second = result.elements.find((e) => e.id === L3E2)!;
    expect(second.named.map((n) => n.organisation.odsCode)).toEqual(['RTH']);
    expect(second.others.england).toEqual({ count: 0, fewerThan: null });
    // No element of level 5 is met by any sealed return: RQM's and RYJ's drafts meet all of them.
    const top = result.elements.filter((e) => e.level === 5);
    expect(top.every((e) => e.named.length === 0 && e.others.england.count === 0)).toBe(true);
    expect(JSON.stringify(result.elements)).not.toMatch(/RQM|RYJ|RJ1/);
    expect(result.domainsBelowFive.map((d) => d.id)).toContain(D);
    expect(result.permissions.addToPlan).toBe(true);
  });

  it('is open to the trust’s contributors and board (who cannot add to the plan), and to nobody outside the trust', async () => {
    expect((await peers(rj1Contributor)).permissions.addToPlan).toBe(false);
    expect((await peers(rj1Board)).permissions.addToPlan).toBe(false);
    const path = `/api/returns/${returns.get('RJ1')!.id}/peers?domain=${D}`;
    expect((await icsLead.get(path)).status).toBe(403);
    expect((await regionViewer.get(path)).status).toBe(403);
    expect((await rj2Lead.get(path)).status).toBe(403);
    expect((await (await anonymousClient(t)).get(path)).status).toBe(401);
    expect((await admin.get(path)).status).toBe(200);
  });

  it('says what is wrong with a domain or a return id', async () => {
    const id = returns.get('RJ1')!.id;
    const unknown = await rj1Lead.get(`/api/returns/${id}/peers?domain=no-such-domain`);
    expect(unknown.status).toBe(400);
    expect((unknown.body as ApiError).errors![0]!.field).toBe('domain');
    expect((await rj1Lead.get(`/api/returns/${id}/peers`)).status).toBe(400);
    // The guard cannot place a return that is not an id: not found, as for any return route.
    expect((await rj1Lead.get(`/api/returns/not-a-uuid/peers?domain=${D}`)).status).toBe(404);
    expect(
      (await admin.get(`/api/returns/00000000-0000-4000-8000-000000000000/peers?domain=${D}`)).status,
    ).toBe(404);
  });

  it('has no peers for an ICB’s own return', async () => {
    const system = await admin.post('/api/ics/QKK/returns', { cycleId: cycle.id });
    expect(system.status).toBe(201);
    const id = (system.body as { created: { id: string }[] }).created[0]!.id;
    const res = await icsLead.get(`/api/returns/${id}/peers?domain=${D}`);
    expect(res.status).toBe(404);
  });

  it('lets the trust lead add a named peer’s element to the plan as an action, audited like any action', async () => {
    const id = returns.get('RJ1')!.id;
    const result = await peers(rj1Lead);
    const element = result.elements.find((e) => e.id === L3E1)!;
    const title = `Learn from ${element.named[0]!.organisation.name}: ${element.text}`;
    const added = await rj1Lead.post(`/api/returns/${id}/plan/actions`, {
      domainId: D,
      elementIds: [L3E1],
      title,
      description: `Contact ${element.named[0]!.contact.name}`,
    });
    expect(added.status).toBe(201);
    expect((added.body as PlanAction).title).toBe(title);
    expect(
      (await rj1Contributor.post(`/api/returns/${id}/plan/actions`, { domainId: D, title })).status,
    ).toBe(403);
    const plan = (await rj1Lead.get(`/api/returns/${id}/plan`).expect(200)).body as { actions: PlanAction[] };
    expect(plan.actions.map((a) => a.title)).toContain(title);
  });

  it('after a trust opts out, it is only counted', async () => {
    const lead = returns.get('RTH')!.lead;
    const current = (await lead.get('/api/organisations/RTH/sharing').expect(200)).body as PeerSharing;
    await lead
      .put('/api/organisations/RTH/sharing', sharingBody({ baseVersion: current.version, named: false }))
      .expect(200);
    const result = await peers(rj1Lead);
    const second = result.elements.find((e) => e.id === L3E2)!;
    expect(second.named).toEqual([]);
    expect(second.others.england).toEqual({ count: null, fewerThan: 3 });
    const first = result.elements.find((e) => e.id === L3E1)!;
    expect(first.named.map((n) => n.organisation.odsCode)).toEqual(['RJ2']);
    // RTH, outside London, is now the one organisation not named elsewhere in England: never shown as
    // 1, nor to be worked out from the others (counted cumulatively: England 5, region 4).
    expect(first.others).toEqual({
      ics: { count: null, fewerThan: 3 },
      region: { count: 3, fewerThan: null },
      england: { count: null, fewerThan: 3 },
    });
  });
});
