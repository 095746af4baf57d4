/**
 * Retiring framework versions and cycles created by mistake: national administrators only, audited,
 * refused while in use, hidden from choosing, and what was sealed stays readable.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiError,
  Cycle,
  CycleList,
  FrameworkVersionList,
  FrameworkVersionSummary,
} from '@wgll/contracts';
import {
  answer,
  createCycle,
  getReturn,
  isoDay,
  type ReturnsWorld,
  returnsWorld,
  smallFramework,
  startReturns,
  upTo,
  uploadFrameworks,
} from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: ReturnsWorld;

beforeAll(async () => {
  t = await startTestApp();
  w = await returnsWorld(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const auditCount = async (action: string, targetId: string) =>
  (
    await t.dataSource.query<Array<{ n: number }>>(
      'SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND target_id = $2',
      [action, targetId],
    )
  )[0]!.n;

describe('retiring a cycle', () => {
  it('hides it from the list of current cycles, refuses changes, keeps it readable, once, audited', async () => {
    const cycle = await createCycle(w.admin, w.org, w.sys);
    expect(cycle.retiredAt).toBeNull();

    expect((await w.lead.post(`/api/cycles/${cycle.id}/retire`)).status).toBe(403);

    const res = await w.admin.post(`/api/cycles/${cycle.id}/retire`);
    expect(res.status).toBe(200);
    const retired = res.body as Cycle;
    expect(retired.retiredAt).toEqual(expect.any(String));

    const current = (await w.lead.get('/api/cycles')).body as CycleList;
    expect(current.items.map((c) => c.id)).not.toContain(cycle.id);
    const all = (await w.admin.get('/api/cycles?includeRetired=true')).body as CycleList;
    expect(all.items.find((c) => c.id === cycle.id)?.retiredAt).toBe(retired.retiredAt);
    expect((await w.lead.get(`/api/cycles/${cycle.id}`)).body).toMatchObject({
      retiredAt: retired.retiredAt,
    });
    expect((await w.admin.get('/api/cycles?includeRetired=maybe')).status).toBe(400);

    const patch = await w.admin.patch(`/api/cycles/${cycle.id}`, { closesOn: isoDay(90) });
    expect(patch.status).toBe(409);
    expect((patch.body as ApiError).code).toBe('CYCLE_RETIRED');
    const start = await w.lead.post('/api/organisations/RJ1/returns', { cycleId: cycle.id });
    expect(start.status).toBe(409);

    // Again: nothing changes, nothing more is audited.
    const again = await w.admin.post(`/api/cycles/${cycle.id}/retire`);
    expect(again.status).toBe(200);
    expect((again.body as Cycle).retiredAt).toBe(retired.retiredAt);
    expect(await auditCount('cycle.retired', cycle.id)).toBe(1);
  });

  it('is refused while a return in progress holds answers (409), allowed with only an empty draft', async () => {
    const cycle = await createCycle(w.admin, w.org, w.sys);
    const { created } = await startReturns(w.lead, 'RJ1', cycle.id);
    const ret = await getReturn(w.lead, created[0]!.id);
    const domain = w.org.domains[0]!;
    const saved = await w.contributor.put(
      `/api/returns/${ret.id}/answers/${domain.id}`,
      answer(upTo(domain.id, 2)),
    );
    expect(saved.status).toBe(200);
    const refused = await w.admin.post(`/api/cycles/${cycle.id}/retire`);
    expect(refused.status).toBe(409);
    expect(refused.body as ApiError).toMatchObject({
      code: 'CYCLE_IN_USE',
      message: expect.stringContaining('1 return in progress with answers'),
    });
    expect(await auditCount('cycle.retired', cycle.id)).toBe(0);

    const empty = await createCycle(w.admin, w.org, w.sys);
    await startReturns(w.lead, 'RJ1', empty.id);
    expect((await w.admin.post(`/api/cycles/${empty.id}/retire`)).status).toBe(200);
  });

  it('refuses answers, assignments and imports in a retired cycle, and frees its name', async () => {
    const cycle = await createCycle(w.admin, w.org, w.sys);
    const { created } = await startReturns(w.lead, 'RJ1', cycle.id);
    expect((await w.admin.post(`/api/cycles/${cycle.id}/retire`)).status).toBe(200);
    const domain = w.org.domains[0]!;
    // An empty draft's first answer takes the quick save path: it must refuse a retired cycle too.
    const save = await w.contributor.put(
      `/api/returns/${created[0]!.id}/answers/${domain.id}`,
      answer(upTo(domain.id, 2)),
    );
    expect([save.status, (save.body as ApiError).code]).toEqual([409, 'CYCLE_RETIRED']);
    const stored = await t.dataSource.query<unknown[]>('SELECT 1 FROM domain_answer WHERE return_id = $1', [
      created[0]!.id,
    ]);
    expect(stored).toEqual([]);
    const me = (await w.contributor.get('/api/auth/session')).body as { user: { id: string } };
    const assign = await w.lead.put(`/api/returns/${created[0]!.id}/assignments`, {
      userId: me.user.id,
      domainId: domain.id,
    });
    expect([assign.status, (assign.body as ApiError).code]).toEqual([409, 'CYCLE_RETIRED']);
    expect((await getReturn(w.lead, created[0]!.id)).permissions.assign).toBe(false);
    const upload = await w.admin.agent
      .post('/api/imports/dma')
      .set('x-csrf-token', w.admin.csrf)
      .field('cycleId', cycle.id)
      .attach('file', Buffer.from('PK'), 'dma.xlsx');
    expect(upload.status).toBe(400);
    expect((upload.body as ApiError).errors?.[0]).toMatchObject({ field: 'cycleId' });

    // The right cycle can be created again under the same name.
    const again = await w.admin.post('/api/cycles', {
      name: cycle.name,
      organisationFramework: { frameworkId: w.org.frameworkId, version: w.org.version },
      systemFramework: { frameworkId: w.sys.frameworkId, version: w.sys.version },
      opensOn: cycle.opensOn,
      closesOn: cycle.closesOn,
      referenceDate: cycle.referenceDate,
    });
    expect(again.status).toBe(201);
  });

  it('answers 404 for an unknown cycle', async () => {
    const res = await w.admin.post('/api/cycles/00000000-0000-4000-8000-000000000000/retire');
    expect(res.status).toBe(404);
  });
});

describe('reopening a closed cycle', () => {
  it('is refused when a framework version it uses has been retired since it closed', async () => {
    const org = smallFramework('organisation');
    const sys = smallFramework('system');
    await uploadFrameworks(w.admin, org, sys);
    const closed = await createCycle(w.admin, org, sys, { opensOn: isoDay(-60), closesOn: isoDay(-30) });
    expect(
      (await w.admin.post(`/api/frameworks/${org.frameworkId}/versions/${org.version}/retire`)).status,
    ).toBe(200);
    const reopen = await w.admin.patch(`/api/cycles/${closed.id}`, { closesOn: isoDay(30) });
    expect(reopen.status).toBe(400);
    expect((reopen.body as ApiError).errors?.map((e) => e.field)).toEqual(['organisationFramework']);
    // Moving its dates while it stays closed is still allowed.
    expect((await w.admin.patch(`/api/cycles/${closed.id}`, { closesOn: isoDay(-20) })).status).toBe(200);
  });
});

describe('retiring a framework version', () => {
  it('is refused while a cycle not yet closed uses it, then cannot be chosen for a new cycle', async () => {
    const org = smallFramework('organisation');
    const sys = smallFramework('system');
    await uploadFrameworks(w.admin, org, sys);
    const cycle = await createCycle(w.admin, org, sys);
    const path = `/api/frameworks/${org.frameworkId}/versions/${org.version}/retire`;

    expect((await w.lead.post(path)).status).toBe(403);
    const refused = await w.admin.post(path);
    expect(refused.status).toBe(409);
    expect(refused.body as ApiError).toMatchObject({
      code: 'FRAMEWORK_VERSION_IN_USE',
      message: expect.stringContaining(cycle.name),
    });

    expect((await w.admin.post(`/api/cycles/${cycle.id}/retire`)).status).toBe(200);
    const res = await w.admin.post(path);
    expect(res.status).toBe(200);
    const summary = res.body as FrameworkVersionSummary;
    expect(summary.retiredAt).toEqual(expect.any(String));
    expect(await auditCount('framework.retired', `${org.frameworkId}@${org.version}`)).toBe(1);

    const list = (await w.lead.get('/api/frameworks')).body as FrameworkVersionList;
    expect(list.items.find((f) => f.frameworkId === org.frameworkId)?.retiredAt).toBe(summary.retiredAt);
    // Still readable, with the returns that use it.
    expect((await w.lead.get(`/api/frameworks/${org.frameworkId}/versions/${org.version}`)).status).toBe(200);

    const create = await w.admin.post('/api/cycles', {
      name: `Retired framework ${org.frameworkId}`,
      organisationFramework: { frameworkId: org.frameworkId, version: org.version },
      systemFramework: { frameworkId: sys.frameworkId, version: sys.version },
      opensOn: isoDay(-1),
      closesOn: isoDay(30),
      referenceDate: '2026-04-01',
    });
    expect(create.status).toBe(400);
    expect((create.body as ApiError).errors).toEqual([
      {
        field: 'organisationFramework',
        messages: [`${org.title} version ${org.version} has been retired; choose another version`],
      },
    ]);
    expect((await w.admin.post('/api/frameworks/no-such-framework/versions/1/retire')).status).toBe(404);
  });
});
