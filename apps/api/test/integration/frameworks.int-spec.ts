import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, AuditList, FrameworkUploadResult, FrameworkVersionList } from '@wgll/contracts';
import type { FrameworkVersion, VersionChanges } from '@wgll/framework';
import { DataSource } from 'typeorm';
import { BUNDLED_FRAMEWORK_FILES } from '../../src/modules/frameworks/bundled-frameworks.js';
import { FrameworksService } from '../../src/modules/frameworks/frameworks.service.js';
import { type Client, clientWith } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const bundled = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve(
      '@wgll/framework/question-bank/wgll-self-assessment-2026.organisation.json',
    ),
    'utf8',
  ),
) as FrameworkVersion;
const ORG = '/api/frameworks/wgll-self-assessment/versions/2026.1';

let t: TestApp;
let admin: Client;
let reader: Client;
beforeAll(async () => {
  t = await startTestApp();
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
  reader = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the bundled question bank', () => {
  it('is loaded at start and listed', async () => {
    const res = await reader.get('/api/frameworks');
    expect(res.status).toBe(200);
    const items = (res.body as FrameworkVersionList).items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          frameworkId: 'wgll-self-assessment',
          version: '2026.1',
          level: 'organisation',
          status: 'published',
          source: 'bundled',
          domainCount: 48,
        }),
        expect.objectContaining({
          frameworkId: 'wgll-self-assessment-system',
          version: '2026.1',
          level: 'system',
          domainCount: 22,
        }),
        expect.objectContaining({
          frameworkId: 'wgll-self-assessment',
          version: '2027.1',
          level: 'organisation',
          status: 'published',
          source: 'bundled',
        }),
        expect.objectContaining({
          frameworkId: 'wgll-self-assessment-system',
          version: '2027.1',
          level: 'system',
          status: 'published',
          source: 'bundled',
        }),
      ]),
    );
  });

  it('says what changed in a bundled version since the one it follows', async () => {
    const changes = (
      await reader.get('/api/frameworks/wgll-self-assessment-system/versions/2027.1/changes').expect(200)
    ).body as VersionChanges;
    expect(changes.previous).toEqual({ version: '2026.1', title: expect.any(String) });
    const carried = new Set(changes.domains.flatMap((d) => d.from.map((f) => f.lineageId)));
    // Every 2026.1 domain ends somewhere: carried on, split, merged or retired with a reason.
    const system2026 = (
      await reader.get('/api/frameworks/wgll-self-assessment-system/versions/2026.1').expect(200)
    ).body as FrameworkVersion;
    for (const d of system2026.domains) {
      expect([
        carried.has(d.lineage.id),
        changes.retired.some((r) => r.lineageId === d.lineage.id),
      ]).toContain(true);
    }
    expect(changes.domains.filter((d) => d.relation === 'new').map((d) => d.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Primary care: /)]),
    );
  });

  it('loads again at the next start without changing anything', async () => {
    const again = await t.running.app.get(FrameworksService).loadBundled();
    expect(again.map((r) => r.created)).toEqual(BUNDLED_FRAMEWORK_FILES.map(() => false));
    const [{ count }] = await t.running.app
      .get(DataSource)
      .query<[{ count: number }]>(
        `SELECT count(*)::int AS count FROM framework_version WHERE source = 'bundled'`,
      );
    expect(count).toBe(BUNDLED_FRAMEWORK_FILES.length);
  });

  it('gives the full tree, or only the domains of one care setting', async () => {
    const all = (await reader.get(ORG)).body as FrameworkVersion;
    expect(all.domains).toHaveLength(48);
    const ambulance = (await reader.get(`${ORG}?careSetting=ambulance`)).body as FrameworkVersion;
    expect(ambulance.domains).toHaveLength(35);
    expect(ambulance.measures).toHaveLength(7);
    const titles = ambulance.domains.map((d) => d.title);
    expect(titles).toContain('Electronic patient care records at scene');
    expect(titles.filter((title) => /prescrib/i.test(title))).toEqual([]);
    expect(
      ambulance.domains.every((d) => d.careSettings === 'all' || d.careSettings.includes('ambulance')),
    ).toBe(true);
  });

  it('404s an unknown version and 400s a bad care setting or id', async () => {
    const missing = await reader.get('/api/frameworks/wgll-self-assessment/versions/1999.1');
    expect(missing.status).toBe(404);
    expect((missing.body as ApiError).code).toBe('FRAMEWORK_VERSION_NOT_FOUND');
    const badSetting = await reader.get(`${ORG}?careSetting=dental`);
    expect(badSetting.status).toBe(400);
    expect((badSetting.body as ApiError).errors?.[0]?.field).toBe('careSetting');
    expect((await reader.get('/api/frameworks/Not_An_Id/versions/1')).status).toBe(400);
  });
});

describe('POST /api/frameworks', () => {
  const id = `test-upload-${Date.now()}`;
  // Its own title too: integration and browser tests share one database in CI, and uploads persist.
  const draft = (): FrameworkVersion => ({
    ...structuredClone(bundled),
    frameworkId: id,
    title: `Test upload ${id}`,
    status: 'draft',
    publishedOn: null,
  });

  it('lists every problem of an invalid framework with its path, and stores nothing', async () => {
    const broken = draft();
    broken.domains[1]!.id = broken.domains[0]!.id;
    (broken.domains[2] as { measure: string }).measure = 'kindness';
    broken.domains[3]!.levels[2]!.elements = [];
    const res = await admin.post('/api/frameworks', broken);
    expect(res.status).toBe(400);
    const body = res.body as ApiError;
    expect(body.code).toBe('FRAMEWORK_INVALID');
    expect(body.errors?.map((e) => e.field)).toEqual(
      expect.arrayContaining(['domains[1].id', 'domains[2].measure', 'domains[3].levels[2].elements']),
    );
    expect(
      ((await reader.get('/api/frameworks')).body as FrameworkVersionList).items.map((i) => i.frameworkId),
    ).not.toContain(id);
  });

  it('checks a following version against the one before it, and needs that one loaded first', async () => {
    const base = {
      ...draft(),
      frameworkId: `${id}-chain`,
      status: 'published' as const,
      publishedOn: '2026-04-01',
    };
    const [kept, dropped] = [base.domains[0]!, base.domains[1]!];
    const next = (retired: Array<{ lineageId: string; reason: string }>): FrameworkVersion => ({
      ...structuredClone(base),
      version: '2027.1',
      previousVersion: { version: base.version, retired },
      domains: base.domains
        .filter((d) => d.id !== dropped.id)
        .map((d) =>
          d.id === kept.id
            ? { ...d, lineage: { id: d.lineage.id, relation: 'reworded' as const, note: 'Plainer words.' } }
            : { ...d, lineage: { id: d.lineage.id, relation: 'same' as const } },
        ),
    });

    const early = await admin.post('/api/frameworks', next([]));
    expect(early.status).toBe(400);
    expect((early.body as ApiError).errors).toEqual([
      {
        field: 'previousVersion.version',
        messages: [`version ${base.version} of ${base.frameworkId} is not loaded: load it first`],
      },
    ]);

    expect((await admin.post('/api/frameworks', base)).status).toBe(201);
    const unlisted = await admin.post('/api/frameworks', next([]));
    expect(unlisted.status).toBe(400);
    expect((unlisted.body as ApiError).errors).toEqual([
      {
        field: 'previousVersion.retired',
        messages: [
          `2027.1: "${dropped.lineage.id}" of ${base.version} is not carried, split, merged or listed as retired`,
        ],
      },
    ]);
    const stored = await admin.post(
      '/api/frameworks',
      next([{ lineageId: dropped.lineage.id, reason: 'Merged into strategy.' }]),
    );
    expect(stored.status).toBe(201);

    const changes = (
      await reader.get(`/api/frameworks/${base.frameworkId}/versions/2027.1/changes`).expect(200)
    ).body as VersionChanges;
    expect(changes.previous.version).toBe(base.version);
    expect(changes.domains[0]).toMatchObject({
      domainId: kept.id,
      relation: 'reworded',
      note: 'Plainer words.',
      from: [{ lineageId: kept.lineage.id, title: kept.title }],
    });
    expect(changes.retired).toEqual([
      {
        lineageId: dropped.lineage.id,
        domainId: dropped.id,
        title: dropped.title,
        measure: dropped.measure,
        reason: 'Merged into strategy.',
      },
    ]);
    const acute = changes.returnSizes.find((s) => s.careSetting === 'acute')!;
    expect(acute.after.domains).toBe(
      acute.before.domains -
        (dropped.careSettings === 'all' || dropped.careSettings.includes('acute') ? 1 : 0),
    );
    await reader.get(`/api/frameworks/${base.frameworkId}/versions/${base.version}/changes`).expect(404);
  });

  it('stores a draft, accepts it again unchanged, and lets a draft be replaced', async () => {
    const first = await admin.post('/api/frameworks', draft());
    expect(first.status).toBe(201);
    expect((first.body as FrameworkUploadResult).version).toMatchObject({
      frameworkId: id,
      status: 'draft',
      source: 'uploaded',
    });
    expect((await admin.post('/api/frameworks', draft())).status).toBe(200);
    const changed = { ...draft(), title: 'A better title' };
    expect((await admin.post('/api/frameworks', changed)).status).toBe(201);
  });

  it('freezes a version once published: a change is refused with 409', async () => {
    const published = { ...draft(), status: 'published', publishedOn: '2026-11-01' };
    expect((await admin.post('/api/frameworks', published)).status).toBe(201);
    const res = await admin.post('/api/frameworks', { ...published, title: 'Quietly changed' });
    expect(res.status).toBe(409);
    expect((res.body as ApiError).code).toBe('FRAMEWORK_VERSION_PUBLISHED');
    const stored = (await reader.get(`/api/frameworks/${id}/versions/2026.1`)).body as FrameworkVersion;
    expect(stored.title).toBe(`Test upload ${id}`);
  });

  it('is frozen in the database too: a published document cannot be updated or deleted by SQL', async () => {
    const db = t.running.app.get(DataSource);
    await expect(
      db.query(`UPDATE framework_version SET document = '{}'::jsonb WHERE framework_id = $1`, [
        'wgll-self-assessment',
      ]),
    ).rejects.toThrow(/cannot change/);
    // Nor by sending it back to draft first, then editing it.
    await expect(
      db.query(`UPDATE framework_version SET status = 'draft' WHERE framework_id = $1`, [
        'wgll-self-assessment',
      ]),
    ).rejects.toThrow(/cannot change/);
    await expect(
      db.query(`DELETE FROM framework_version WHERE framework_id = $1`, ['wgll-self-assessment']),
    ).rejects.toThrow(/cannot change/);
  });

  it('refuses a version that could not be fetched back, and stores nothing', async () => {
    const res = await admin.post('/api/frameworks', { ...draft(), version: '2026 draft' });
    expect(res.status).toBe(400);
    expect((res.body as ApiError).errors?.map((e) => e.field)).toEqual(['version']);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await admin.agent
      .post('/api/frameworks')
      .set('x-csrf-token', admin.csrf)
      .set('content-type', 'application/json')
      .send('{not json');
    expect(res.status).toBe(400);
  });
});

describe('who may upload', () => {
  it('is national administrators only, and each upload is audited', async () => {
    const res = await reader.post('/api/frameworks', {});
    expect(res.status).toBe(403);
    expect((res.body as ApiError).code).toBe('FORBIDDEN');
    const anonymous = await t.http.post('/api/frameworks').send({});
    expect(anonymous.status).toBe(403);
    expect((anonymous.body as ApiError).code).toBe('CSRF_FAILED');

    const id = `test-audited-${Date.now()}`;
    const version = {
      ...structuredClone(bundled),
      frameworkId: id,
      title: `Test audit ${id}`,
      status: 'draft' as const,
      publishedOn: null,
    };
    expect((await admin.post('/api/frameworks', version)).status).toBe(201);
    expect((await admin.post('/api/frameworks', version)).status).toBe(200); // identical: nothing new to audit
    const audit = (await admin.get('/api/audit?action=framework.uploaded&pageSize=100')).body as AuditList;
    expect(audit.items.filter((e) => e.target?.id === `${id}@2026.1`)).toHaveLength(1);
  });
});
