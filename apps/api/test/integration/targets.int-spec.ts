/**
 * National targets (issue 19): a national administrator creates, changes and retires targets (admin
 * only, 400 with field messages, 409 on a stale version, audited). Progress in a region and in
 * England, from several London trusts' returns in two cycles of their own on a framework of their own
 * (a second version merges the target's domain into another): domain and element targets read sealed
 * returns only (a draft is no data), measure targets read the results; the target follows its domain
 * into the merged one. Who may see what: a regional viewer its region only, national roles England.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiError,
  AuditList,
  Cycle,
  NationalTarget,
  NationalTargetList,
  NationalTargets,
  RegionTargets,
  SaveTargetRequest,
  TargetAreaProgress,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { syntheticDomain } from '@wgll/framework/testing';
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

let t: TestApp;
let admin: Client;
let v1: FrameworkVersion;
let v2: FrameworkVersion;
let first: Cycle;
let second: Cycle;
/** Organisations of London (Y56) running acute services on the cycles' reference dates. */
let londonAcute: number;

/** Starts a trust's acute return, answers every domain at `level`, and (unless `draft`) seals it. */
async function returnOf(
  code: string,
  cycle: Cycle,
  framework: FrameworkVersion,
  level: number,
  draft = false,
) {
  const lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: code }]);
  const board = await clientWith(t, [{ role: 'board-approver', scopeCode: code }]);
  const { created } = await startReturns(lead, code, cycle.id, { careSettings: ['acute'] });
  const id = created[0]!.id;
  for (const d of framework.domains) {
    expect((await lead.put(`/api/returns/${id}/answers/${d.id}`, answer(upTo(d.id, level)))).status).toBe(
      200,
    );
  }
  if (draft) return;
  expect((await lead.post(`/api/returns/${id}/ready`)).status).toBe(200);
  const approval = { meetingDate: isoDay(-1), minuteReference: 'B/19' };
  expect((await board.post(`/api/returns/${id}/approvals`, approval)).status).toBe(201);
  expect((await lead.post(`/api/returns/${id}/submit`)).status).toBe(200);
}

const target = (over: Partial<SaveTargetRequest> = {}): SaveTargetRequest => ({
  name: 'Smart foundations domain at level 3',
  description: 'Test target.',
  kind: 'domain',
  frameworkId: v1.frameworkId,
  domainId: 'smart-foundations-d',
  level: 3,
  elementId: null,
  measure: null,
  value: null,
  careSettings: ['acute'],
  percent: 50,
  dueDate: '2030-03-31',
  ...over,
});

const figureIn = (area: TargetAreaProgress, cycle: Cycle) => area.trend.find((f) => f.cycle.id === cycle.id)!;

beforeAll(async () => {
  t = await startTestApp();
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  // Version 1: smart foundations has two domains; version 2 merges them into "core-d".
  const base = smallFramework('organisation');
  v1 = {
    ...base,
    domains: [...base.domains, syntheticDomain('sf-extra-d', 'smart-foundations', [2, 2, 2, 2])],
  };
  v2 = {
    ...base,
    version: '2',
    previousVersion: { version: '1', retired: [] },
    domains: [
      ...base.domains
        .filter((d) => d.id !== 'smart-foundations-d')
        .map((d) => ({ ...d, lineage: { id: d.id, relation: 'same' as const } })),
      {
        ...syntheticDomain('core-d', 'smart-foundations', [2, 2, 2, 2]),
        lineage: {
          id: 'core-d',
          relation: 'merged' as const,
          from: ['smart-foundations-d', 'sf-extra-d'],
          note: 'Merged the two smart foundations domains.',
        },
      },
    ],
  };
  const sys = smallFramework('system');
  await uploadFrameworks(admin, v1, v2, sys);
  // Before 1 April 2026, so neither becomes the results routes' default cycle for other tests.
  first = await createCycle(admin, v1, sys, { referenceDate: '2025-10-01' });
  second = await createCycle(admin, v2, sys, { referenceDate: '2026-03-01' });

  // First cycle: RJ1 at level 3 and Barts (R1H) at 4 meet it; RJ2 at 2 does not; King's (RJZ) a draft.
  await returnOf('RJ1', first, v1, 3);
  await returnOf('RJ2', first, v1, 2);
  await returnOf('R1H', first, v1, 4);
  await returnOf('RJZ', first, v1, 5, true);
  // Second cycle (merged domain): RJ1, RJ2 and R1H at level 3.
  await returnOf('RJ1', second, v2, 3);
  await returnOf('RJ2', second, v2, 3);
  await returnOf('R1H', second, v2, 3);

  const [row] = await t.dataSource.query<{ n: number }[]>(
    `SELECT count(DISTINCT o.ods_code)::int AS n FROM organisation o
       JOIN organisation_ics_membership m ON m.organisation_code = o.ods_code AND m.basis = 'assessment'
        AND m.valid_from <= $1 AND (m.valid_to IS NULL OR m.valid_to >= $1)
       JOIN ics_region_membership r ON r.ics_code = m.ics_code
        AND r.valid_from <= $1 AND (r.valid_to IS NULL OR r.valid_to >= $1)
      WHERE r.region_code = 'Y56' AND 'acute' = ANY(o.care_settings)
        AND (o.opened_on IS NULL OR o.opened_on <= $1) AND (o.closed_on IS NULL OR o.closed_on >= $1)`,
    ['2025-10-01'],
  );
  londonAcute = row!.n;
}, 900_000);

afterAll(async () => {
  await t?.close();
});

describe('managing targets', () => {
  let created: NationalTarget;

  it('lets a national administrator create one, audited', async () => {
    const res = await admin.post('/api/targets', target({ name: 'Draft target' }));
    expect(res.status).toBe(201);
    created = res.body as NationalTarget;
    expect(created).toMatchObject({
      name: 'Draft target',
      kind: 'domain',
      domainId: 'smart-foundations-d',
      lineageId: 'smart-foundations-d',
      level: 3,
      measure: null,
      careSettings: ['acute'],
      percent: 50,
      dueDate: '2030-03-31',
      version: 1,
      retiredAt: null,
    });
    expect(created.summary).toContain('at level 3 or above');
    const audit = (await admin.get('/api/audit?action=target.created')).body as AuditList;
    expect(audit.items.filter((e) => e.target?.id === created.id)).toEqual([
      expect.objectContaining({ action: 'target.created' }),
    ]);
  });

  it('refuses others (403) and anyone signed out (401)', async () => {
    for (const grant of [
      { role: 'regional-viewer' as const, scopeCode: 'Y56' },
      { role: 'ics-lead' as const, scopeCode: 'QKK' },
      { role: 'trust-lead' as const, scopeCode: 'RJ1' },
    ]) {
      const client = await clientWith(t, [grant]);
      expect((await client.post('/api/targets', target())).status).toBe(403);
      expect((await client.put(`/api/targets/${created.id}`, { ...target(), baseVersion: 1 })).status).toBe(
        403,
      );
      expect((await client.post(`/api/targets/${created.id}/retire`)).status).toBe(403);
      // Anyone signed in may read the targets: they are national policy.
      expect((await client.get('/api/targets')).status).toBe(200);
    }
    const anonymous = await anonymousClient(t);
    expect((await anonymous.get('/api/targets')).status).toBe(401);
    expect((await anonymous.post('/api/targets', target())).status).toBe(401);
  });

  it('answers 400 naming each field at fault', async () => {
    const res = await admin.post(
      '/api/targets',
      target({ name: ' ', percent: 0, careSettings: [], level: 7 as never, dueDate: '2030-02-30' }),
    );
    expect(res.status).toBe(400);
    const fields = (res.body as ApiError).errors!.map((e) => e.field).sort();
    expect(fields).toEqual(['careSettings', 'dueDate', 'level', 'name', 'percent']);
    const measure = await admin.post('/api/targets', target({ kind: 'measure', measure: null, value: 9 }));
    expect((measure.body as ApiError).errors!.map((e) => e.field).sort()).toEqual(['measure', 'value']);
    const unknown = await admin.post('/api/targets', target({ domainId: 'no-such-domain' }));
    expect(unknown.status).toBe(400);
    expect((unknown.body as ApiError).errors).toEqual([
      { field: 'domainId', messages: [`The framework ${v1.frameworkId} has no domain no-such-domain`] },
    ]);
    const element = await admin.post('/api/targets', target({ kind: 'element', elementId: 'nope' }));
    expect((element.body as ApiError).errors!.map((e) => e.field)).toEqual(['elementId']);
  });

  it('changes one from the version read, and refuses a stale version (409)', async () => {
    const ok = await admin.put(`/api/targets/${created.id}`, {
      ...target({ name: 'Renamed' }),
      baseVersion: 1,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Renamed', version: 2 });
    const stale = await admin.put(`/api/targets/${created.id}`, {
      ...target({ name: 'Stale' }),
      baseVersion: 1,
    });
    expect(stale.status).toBe(409);
    expect((stale.body as ApiError).code).toBe('TARGET_CONFLICT');
    expect((await admin.get(`/api/targets/${created.id}`)).body).toMatchObject({
      name: 'Renamed',
      version: 2,
    });
    const missing = await admin.put(`/api/targets/${created.id}`, target());
    expect(missing.status).toBe(400);
  });

  it('retires one: it leaves the list and the progress views and cannot change; 404 for an unknown target', async () => {
    const inProgress = async () => {
      const region = (await admin.get('/api/regions/Y56/targets').expect(200)).body as RegionTargets;
      const england = (await admin.get('/api/national/targets').expect(200)).body as NationalTargets;
      return [
        region.targets.some((p) => p.target.id === created.id),
        england.targets.some((p) => p.target.id === created.id),
      ];
    };
    expect(await inProgress()).toEqual([true, true]);
    expect((await admin.post(`/api/targets/${created.id}/retire`)).status).toBe(200);
    expect(await inProgress()).toEqual([false, false]);
    const list = (await admin.get('/api/targets')).body as NationalTargetList;
    expect(list.items.some((i) => i.id === created.id)).toBe(false);
    const all = (await admin.get('/api/targets?includeRetired=true')).body as NationalTargetList;
    expect(all.items.find((i) => i.id === created.id)?.retiredAt).not.toBeNull();
    const change = await admin.put(`/api/targets/${created.id}`, { ...target(), baseVersion: 3 });
    expect(change.status).toBe(409);
    const audit = (await admin.get('/api/audit?action=target.retired')).body as AuditList;
    expect(audit.items.filter((e) => e.target?.id === created.id)).toEqual([
      expect.objectContaining({ action: 'target.retired' }),
    ]);
    expect((await admin.get('/api/targets/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/api/targets/not-a-uuid')).status).toBe(400);
  });
});

/** "Domain target", created by 'progress in a region' and read again by 'progress in England'. */
let domainTarget: NationalTarget;

describe('progress in a region', () => {
  let longRunTarget: NationalTarget;
  let levelFourTarget: NationalTarget;
  let elementTarget: NationalTarget;
  let measureTarget: NationalTarget;
  let body: RegionTargets;

  beforeAll(async () => {
    domainTarget = (await admin.post('/api/targets', target({ name: 'Domain target' })))
      .body as NationalTarget;
    // The same, due far ahead: 2 then 3 met, carried on to 2099, passes half of any London there can be.
    longRunTarget = (
      await admin.post('/api/targets', target({ name: 'Long-run target', dueDate: '2099-03-31' }))
    ).body as NationalTarget;
    // Level 4: Barts (R1H) met it in the first cycle; in the second (merged domain, all at 3) nobody.
    levelFourTarget = (await admin.post('/api/targets', target({ name: 'Level 4 target', level: 4 })))
      .body as NationalTarget;
    elementTarget = (
      await admin.post(
        '/api/targets',
        target({
          name: 'Element target',
          kind: 'element',
          level: null,
          elementId: 'smart-foundations-d-l4-e1',
        }),
      )
    ).body as NationalTarget;
    measureTarget = (
      await admin.post(
        '/api/targets',
        target({
          name: 'Overall target',
          kind: 'measure',
          frameworkId: null,
          domainId: null,
          level: null,
          measure: 'overall',
          value: 3,
        }),
      )
    ).body as NationalTarget;
    const region = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y56' }]);
    const res = await region.get('/api/regions/Y56/targets');
    expect(res.status).toBe(200);
    body = res.body as RegionTargets;
  }, 300_000);

  const progressOf = (target: NationalTarget) =>
    body.targets.find((p) => p.target.id === target.id)!.areas[0]!;

  it('counts sealed returns against a domain target; a draft is no data', () => {
    const area = progressOf(domainTarget);
    expect(area.area).toEqual({ type: 'region', code: 'Y56', name: expect.any(String) });
    // RJ1 (3) and R1H (4) met, RJ2 (2) not yet; King's draft and every other trust: no data.
    expect(figureIn(area, first).counts).toEqual({
      total: londonAcute,
      met: 2,
      notYet: 1,
      noData: londonAcute - 3,
      share: 2 / londonAcute,
      shareOfKnown: 2 / 3,
    });
  });

  it('follows the domain into the one it was merged into, and says so', () => {
    const area = progressOf(domainTarget);
    const figure = figureIn(area, second);
    expect(figure.counts).toMatchObject({ met: 3, notYet: 0, noData: londonAcute - 3 });
    expect(figure.note).toContain('merged smart-foundations-d into');
    // The latest cycle with data is the second: three met.
    expect(area.now?.cycle.id).toBe(second.id);
  });

  it('names the organisations not yet there, then those without data, linking codes', () => {
    const area = progressOf(domainTarget);
    const names = area.organisations!;
    expect(names).toHaveLength(londonAcute - 3);
    expect(names.every((o) => o.status === 'no-data')).toBe(true);
    expect(names.map((o) => o.organisation.code)).toContain('RJZ');
    expect(names.map((o) => o.organisation.code)).not.toContain('RJ1');
  });

  it('puts the organisations not yet there before those without data', () => {
    // The latest cycle with data is the second, where RJ1, RJ2 and R1H (all at level 3) are not yet at 4.
    const area = progressOf(levelFourTarget);
    expect(area.now?.cycle.id).toBe(second.id);
    const names = area.organisations!;
    expect(names.slice(0, 3).map((o) => [o.organisation.code, o.status])).toEqual(
      [...names.slice(0, 3)]
        .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name))
        .map((o) => [o.organisation.code, 'not-yet']),
    );
    expect(
      names
        .slice(0, 3)
        .map((o) => o.organisation.code)
        .sort(),
    ).toEqual(['R1H', 'RJ1', 'RJ2']);
    expect(names.slice(3).length).toBe(londonAcute - 3);
    expect(names.slice(3).every((o) => o.status === 'no-data')).toBe(true);
  });

  it('tells the outlook from the cycles: the line through them carried on to the due date', () => {
    // London has more than 6 acute trusts (3 met is under half) and far fewer than 359 (by 2099 the
    // line from 2 to 3 met, five months apart, passes half of them): on track.
    expect(londonAcute).toBeGreaterThan(6);
    expect(progressOf(longRunTarget).outlook).toBe('on-track');
    // 1 met at level 4 in the first cycle, none in the second: going the wrong way.
    expect(progressOf(levelFourTarget).outlook).toBe('off-track');
  });

  it('counts an element met; a version without the element gives no data', () => {
    const area = progressOf(elementTarget);
    // Only Barts (level 4) met the level 4 element in the first cycle.
    expect(figureIn(area, first).counts).toMatchObject({ met: 1, notYet: 1 + 1, noData: londonAcute - 3 });
    expect(figureIn(area, second).counts).toMatchObject({ met: 0, notYet: 0, noData: londonAcute });
  });

  it('reads a measure target from the results: sealed returns’ overall scores', () => {
    const area = progressOf(measureTarget);
    // Overall 3 (RJ1) and 4 (R1H) reach 3; 2 (RJ2) does not; the draft is not a result.
    expect(figureIn(area, first).counts).toMatchObject({ met: 2, notYet: 1, noData: londonAcute - 3 });
    expect(figureIn(area, second).counts).toMatchObject({ met: 3, notYet: 0 });
  });

  it('is refused to another region’s viewer, ICS leads and trust roles (403), and signed out (401)', async () => {
    const other = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y58' }]);
    expect((await other.get('/api/regions/Y56/targets')).status).toBe(403);
    const ics = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QKK' }]);
    expect((await ics.get('/api/regions/Y56/targets')).status).toBe(403);
    const lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
    expect((await lead.get('/api/regions/Y56/targets')).status).toBe(403);
    expect((await (await anonymousClient(t)).get('/api/regions/Y56/targets')).status).toBe(401);
    expect((await admin.get('/api/regions/Y99/targets')).status).toBe(404);
  });
});

describe('progress in England', () => {
  it('gives national administrators England (named) and each region (counts)', async () => {
    const res = await admin.get('/api/national/targets');
    expect(res.status).toBe(200);
    const body = res.body as NationalTargets;
    // By id: on a database used before, an earlier run's "Domain target" reads another framework.
    const progress = body.targets.find((p) => p.target.id === domainTarget.id)!;
    expect(progress.areas.map((a) => a.area.type)).toEqual(['england', ...Array<string>(7).fill('region')]);
    const [england, ...regions] = progress.areas;
    expect(figureIn(england!, first).counts).toMatchObject({ met: 2, notYet: 1 });
    expect(england!.organisations!.length).toBe(figureIn(england!, second).counts.total - 3);
    const london = regions.find((r) => r.area.code === 'Y56')!;
    expect(london.organisations).toBeNull();
    expect(figureIn(london, first).counts).toMatchObject({ total: londonAcute, met: 2, notYet: 1 });
    const total = regions.reduce((n, r) => n + figureIn(r, first).counts.total, 0);
    expect(total).toBe(figureIn(england!, first).counts.total);
  });

  it('is refused to regional viewers and trust roles (403)', async () => {
    const region = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y56' }]);
    expect((await region.get('/api/national/targets')).status).toBe(403);
    const lead = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
    expect((await lead.get('/api/national/targets')).status).toBe(403);
  });
});
