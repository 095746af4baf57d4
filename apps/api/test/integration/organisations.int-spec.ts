import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ApiError,
  IcsDetail,
  IcsList,
  OrganisationDetail,
  OrganisationList,
  RegionDetail,
  RegionSummary,
} from '@wgll/contracts';
import { DataSource } from 'typeorm';
import { seedReferenceData } from '../../src/database/seed/reference-seeder.js';
import { type Client, clientWith } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let c: Client;

beforeAll(async () => {
  t = await startTestApp();
  // The hierarchy is shared reference data: any signed-in user may read it.
  c = await clientWith(t, [{ role: 'trust-contributor', scopeCode: 'RJ1' }]);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const get = async <T>(path: string, status = 200): Promise<T> => {
  const res = await c.get(path);
  expect({ path, status: res.status }).toEqual({ path, status });
  return res.body as T;
};

describe('reference data', () => {
  it('seeding again changes nothing and leaves exactly the reference counts', async () => {
    const dataSource = t.running.app.get(DataSource);
    const again = await seedReferenceData(dataSource);
    for (const table of Object.values(again)) {
      expect({ inserted: table.inserted, updated: table.updated, deleted: table.deleted }).toEqual({
        inserted: 0,
        updated: 0,
        deleted: 0,
      });
    }
    const [counts] = await dataSource.query<[Record<string, number>]>(`
      SELECT (SELECT count(*)::int FROM region) AS regions,
             (SELECT count(*)::int FROM organisation) AS organisations,
             (SELECT count(*)::int FROM ics WHERE valid_from <= '2025-06-30' AND (valid_to IS NULL OR valid_to >= '2025-06-30')) AS ics_2025,
             (SELECT count(*)::int FROM ics WHERE valid_from <= '2026-06-30' AND (valid_to IS NULL OR valid_to >= '2026-06-30')) AS ics_2026`);
    expect(counts).toEqual({ regions: 7, organisations: 205, ics_2025: 42, ics_2026: 36 });
  });

  it('lists 7 regions, 42 ICSs on 2025-06-30, 36 on 2026-06-30 and 205 trusts over the API', async () => {
    expect(await get<RegionSummary[]>('/api/regions')).toHaveLength(7);
    expect((await get<IcsList>('/api/ics?at=2025-06-30')).items).toHaveLength(42);
    expect((await get<IcsList>('/api/ics?at=2026-06-30')).items).toHaveLength(36);
    expect((await get<OrganisationList>('/api/organisations?at=2025-06-30&pageSize=1')).total).toBe(205);
  });
});

describe('GET /api/organisations/:code', () => {
  it('resolves RJ1 to South East London ICS (QKK) in London', async () => {
    const rj1 = await get<OrganisationDetail>('/api/organisations/RJ1?at=2025-06-30');
    expect(rj1).toMatchObject({
      odsCode: 'RJ1',
      name: "GUY'S AND ST THOMAS' NHS FOUNDATION TRUST",
      status: 'open',
      ics: { odsCode: 'QKK', name: 'NHS South East London Integrated Care Board' },
      region: { odsCode: 'Y56', name: 'London' },
      careSettings: ['acute'],
    });
  });

  it("resolves a merged ICB's trust to its successor after 1 April 2026", async () => {
    const before = await get<OrganisationDetail>('/api/organisations/G6V2S?at=2026-03-31');
    const after = await get<OrganisationDetail>('/api/organisations/G6V2S?at=2026-04-01');
    expect(before.ics?.odsCode).toBe('QMJ');
    expect(after.ics?.odsCode).toBe('Z9B2Z');
    expect(after.region?.odsCode).toBe('Y56');
  });

  it("gives the DMA's ICS for assessment and keeps the headquarters ICB", async () => {
    const rru = await get<OrganisationDetail>('/api/organisations/rru?at=2025-06-30');
    expect(rru.ics?.odsCode).toBe('QRV');
    expect(rru.headquartersIcs?.odsCode).toBe('QKK');
    expect(rru.memberships.map((m) => `${m.basis}:${m.ics.odsCode}`)).toEqual(
      expect.arrayContaining(['assessment:QRV', 'headquarters:QKK', 'assessment:Z9B2Z']),
    );
  });

  it('shows a closed trust as closed, with no ICS, after its last day', async () => {
    const rnk = await get<OrganisationDetail>('/api/organisations/RNK?at=2026-06-30');
    expect(rnk).toMatchObject({ status: 'closed', ics: null, region: null, closedOn: '2026-03-31' });
  });

  it('404s an unknown code with a stable error code', async () => {
    const body = await get<ApiError>('/api/organisations/XXX99', 404);
    expect(body).toEqual({
      statusCode: 404,
      code: 'ORGANISATION_NOT_FOUND',
      message: 'No organisation has the ODS code XXX99.',
    });
  });

  it('400s a malformed code or date with field messages', async () => {
    const badCode = await get<ApiError>('/api/organisations/not-a-code!', 400);
    expect(badCode.code).toBe('VALIDATION_FAILED');
    expect(badCode.errors?.map((e) => e.field)).toEqual(['code']);
    const badDate = await get<ApiError>('/api/organisations/RJ1?at=2025-02-30', 400);
    expect(badDate.errors).toEqual([
      { field: 'at', messages: ['at must be a real date written YYYY-MM-DD, for example 2025-06-30'] },
    ]);
  });
});

describe('GET /api/organisations', () => {
  it('finds a trust by part of its name, ignoring case and apostrophes', async () => {
    for (const q of ["guy's", 'GUYS AND ST THOMAS', 'rj1']) {
      const list = await get<OrganisationList>(`/api/organisations?at=2025-06-30&q=${encodeURIComponent(q)}`);
      expect(list.items.map((o) => o.odsCode)).toContain('RJ1');
    }
  });

  it('filters by ICS, region and type on the date asked about', async () => {
    const qkk = await get<OrganisationList>('/api/organisations?at=2025-06-30&ics=QKK&pageSize=100');
    expect(qkk.items.every((o) => o.ics?.odsCode === 'QKK')).toBe(true);
    expect(qkk.items.map((o) => o.odsCode)).toContain('RJ1');
    expect(qkk.items.map((o) => o.odsCode)).not.toContain('RRU'); // assessed in QRV

    const ambulance = await get<OrganisationList>(
      '/api/organisations?at=2025-06-30&type=ambulance&pageSize=100',
    );
    expect(ambulance.total).toBe(10);

    const london = await get<OrganisationList>('/api/organisations?at=2025-06-30&region=y56&pageSize=100');
    expect(london.items.every((o) => o.region?.odsCode === 'Y56')).toBe(true);
    expect(london.total).toBeGreaterThan(20);
  });

  it('pages through results without overlap', async () => {
    const first = await get<OrganisationList>('/api/organisations?at=2025-06-30&pageSize=10&page=1');
    const second = await get<OrganisationList>('/api/organisations?at=2025-06-30&pageSize=10&page=2');
    expect(first.items).toHaveLength(10);
    expect(second.items).toHaveLength(10);
    const codes = new Set([...first.items, ...second.items].map((o) => o.odsCode));
    expect(codes.size).toBe(20);
    const last = await get<OrganisationList>('/api/organisations?at=2025-06-30&pageSize=100&page=3');
    expect(last.items).toHaveLength(5);
  });

  it('leaves out closed organisations unless asked', async () => {
    const open = await get<OrganisationList>('/api/organisations?at=2026-07-01&pageSize=1');
    const all = await get<OrganisationList>('/api/organisations?at=2026-07-01&pageSize=1&includeClosed=true');
    expect(open.total).toBe(201); // RNK, RY2, RYV closed on 31 March 2026, RVJ on 30 June 2026
    expect(all.total).toBe(205);
  });

  it('400s malformed queries with a message for each field', async () => {
    const body = await get<ApiError>(
      '/api/organisations?pageSize=500&page=0&type=hospital&includeClosed=maybe&sort=name',
      400,
    );
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors?.map((e) => e.field).sort()).toEqual([
      'includeClosed',
      'page',
      'pageSize',
      'sort',
      'type',
    ]);
  });
});

describe('ICSs and regions', () => {
  it('lists an ICS with its members on a date', async () => {
    const qkk = await get<IcsDetail>('/api/ics/QKK?at=2025-06-30');
    expect(qkk.region?.odsCode).toBe('Y56');
    expect(qkk.organisations.map((o) => o.odsCode)).toContain('RJ1');
  });

  it('links merged ICBs to their successors and predecessors', async () => {
    const qmj = await get<IcsDetail>('/api/ics/QMJ?at=2026-06-30');
    expect(qmj).toMatchObject({ status: 'closed', validTo: '2026-03-31', organisations: [] });
    expect(qmj.successors.map((s) => s.odsCode)).toEqual(['Z9B2Z']);
    const z9 = await get<IcsDetail>('/api/ics/Z9B2Z?at=2026-06-30');
    expect(z9.predecessors.map((p) => p.odsCode).sort()).toEqual(['QMJ', 'QRV']);
    expect(z9.organisations.map((o) => o.odsCode)).toContain('G6V2S');
  });

  it('lists a region with its ICSs on a date', async () => {
    const before = await get<RegionDetail>('/api/regions/Y56?at=2025-06-30');
    const after = await get<RegionDetail>('/api/regions/Y56?at=2026-06-30');
    expect(before.systems.map((s) => s.odsCode).sort()).toEqual(['QKK', 'QMF', 'QMJ', 'QRV', 'QWE']);
    expect(after.systems.map((s) => s.odsCode).sort()).toEqual(['QKK', 'QMF', 'QWE', 'Z9B2Z']);
    expect(before.systems.find((s) => s.odsCode === 'QKK')?.members.map((m) => m.odsCode)).toContain('RJ1');
  });

  it('404s unknown ICS and region codes', async () => {
    expect((await get<ApiError>('/api/ics/QZZ', 404)).code).toBe('ICS_NOT_FOUND');
    expect((await get<ApiError>('/api/regions/Y99', 404)).code).toBe('REGION_NOT_FOUND');
  });

  it("404s an unknown trust's or ICB's returns, also for a national administrator (whom the guard lets through)", async () => {
    const admin = await clientWith(t, [{ role: 'national-administrator', scopeCode: null }]);
    const trust = await admin.get('/api/organisations/XXX99/returns');
    expect({ status: trust.status, code: (trust.body as ApiError).code }).toEqual({
      status: 404,
      code: 'ORGANISATION_NOT_FOUND',
    });
    const ics = await admin.get('/api/ics/QZZ/returns');
    expect({ status: ics.status, code: (ics.body as ApiError).code }).toEqual({
      status: 404,
      code: 'ICS_NOT_FOUND',
    });
    expect((await admin.get('/api/organisations/RJ1/returns')).status).toBe(200);
  });
});

describe('service endpoints', () => {
  it('reports health with the database reachable', async () => {
    const health = await get<{ status: string; database: string }>('/api/health');
    expect(health).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('publishes an OpenAPI document naming every route', async () => {
    const doc = await get<{ paths: Record<string, unknown> }>('/api/docs/openapi.json');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/audit',
      '/api/audit/verification',
      '/api/auth/invitations/{token}',
      '/api/auth/oidc/callback',
      '/api/auth/oidc/start',
      '/api/auth/password',
      '/api/auth/refresh',
      '/api/auth/session',
      '/api/auth/sign-in',
      '/api/auth/sign-out',
      '/api/cycles',
      '/api/cycles/{id}',
      '/api/cycles/{id}/retire',
      '/api/evidence-rules',
      '/api/frameworks',
      '/api/frameworks/{frameworkId}/versions/{version}',
      '/api/frameworks/{frameworkId}/versions/{version}/changes',
      '/api/frameworks/{frameworkId}/versions/{version}/retire',
      '/api/health',
      '/api/ics',
      '/api/ics/{code}',
      '/api/ics/{code}/completion',
      '/api/ics/{code}/domain-levels',
      '/api/ics/{code}/plans',
      '/api/ics/{code}/results',
      '/api/ics/{code}/returns',
      '/api/ics/{code}/trends',
      '/api/imports',
      '/api/imports/dma',
      '/api/imports/{id}',
      '/api/imports/{id}/matches',
      '/api/me/assignments',
      '/api/me/organisations',
      '/api/me/waiting',
      '/api/national/results',
      '/api/national/targets',
      '/api/national/trends',
      '/api/notifications',
      '/api/notifications/deliveries',
      '/api/notifications/deliveries/{id}/retry',
      '/api/notifications/preferences',
      '/api/notifications/read',
      '/api/notifications/unsubscribe',
      '/api/organisations',
      '/api/organisations/{code}',
      '/api/organisations/{code}/results',
      '/api/organisations/{code}/returns',
      '/api/organisations/{code}/sharing',
      '/api/organisations/{code}/team',
      '/api/organisations/{code}/trends',
      '/api/regions',
      '/api/regions/{code}',
      '/api/regions/{code}/completion',
      '/api/regions/{code}/plans',
      '/api/regions/{code}/results',
      '/api/regions/{code}/targets',
      '/api/regions/{code}/trends',
      '/api/regions/{code}/watch-lists',
      '/api/results/cycles',
      '/api/returns/{id}',
      '/api/returns/{id}/answers/{domainId}',
      '/api/returns/{id}/answers/{domainId}/confirm',
      '/api/returns/{id}/approvals',
      '/api/returns/{id}/assignees',
      '/api/returns/{id}/assignments',
      '/api/returns/{id}/assignments/{assignmentId}',
      '/api/returns/{id}/board-pack.pdf',
      '/api/returns/{id}/declines',
      '/api/returns/{id}/evidence/files',
      '/api/returns/{id}/evidence/links',
      '/api/returns/{id}/evidence/{evidenceId}',
      '/api/returns/{id}/evidence/{evidenceId}/file',
      '/api/returns/{id}/export.xlsx',
      '/api/returns/{id}/framework',
      '/api/returns/{id}/history',
      '/api/returns/{id}/peers',
      '/api/returns/{id}/plan',
      '/api/returns/{id}/plan/actions',
      '/api/returns/{id}/plan/actions/merge',
      '/api/returns/{id}/plan/actions/{actionId}',
      '/api/returns/{id}/plan/approvals',
      '/api/returns/{id}/plan/approvals/{approvalId}',
      '/api/returns/{id}/ready',
      '/api/returns/{id}/reopen',
      '/api/returns/{id}/seals/{revision}',
      '/api/returns/{id}/seals/{revision}/board-pack.pdf',
      '/api/returns/{id}/seals/{revision}/export.xlsx',
      '/api/returns/{id}/seals/{revision}/readable',
      '/api/returns/{id}/seals/{revision}/verification',
      '/api/returns/{id}/submit',
      '/api/targets',
      '/api/targets/{id}',
      '/api/targets/{id}/retire',
      '/api/users',
      '/api/users/{id}',
      '/api/users/{id}/invitation',
      '/api/users/{id}/roles',
      '/api/users/{id}/roles/{grantId}',
    ]);
  });

  it('asks for sign-in before showing the hierarchy', async () => {
    const res = await t.http.get('/api/organisations/RJ1');
    expect(res.status).toBe(401);
    expect((res.body as ApiError).code).toBe('UNAUTHENTICATED');
  });

  it('answers an unknown API path with a JSON 404', async () => {
    expect((await get<ApiError>('/api/no-such-thing', 404)).code).toBe('NOT_FOUND');
  });
});
