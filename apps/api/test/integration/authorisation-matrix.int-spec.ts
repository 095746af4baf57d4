/**
 * The authorisation matrix: every route that declares a policy action is tried by each role, on a
 * resource inside the role's scope and one outside it, and the allow/deny asserted. List routes are
 * checked for rows outside the caller's scope. The dated hierarchy is checked across the April 2026
 * ICB mergers. Every other route is tried signed out (401).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, OrganisationList, OrganisationTeam, Role } from '@wgll/contracts';
import type supertest from 'supertest';
import { routeDeclarations } from '../../src/modules/access/route-declarations.js';
import { anonymousClient, type Client, clientWith, createUser } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const IN_SCOPE = 'RJ1'; // Guy's and St Thomas': NHS South East London ICB (QKK), London (Y56)
const OUT_OF_SCOPE = 'RC9'; // Bedfordshire Hospitals: BLMK ICB (QHG) → Central East (S1Y5D), East of England

/** One user per role, each scoped so that RJ1 is inside their scope and RC9 outside it. */
const ROLES: { role: Role; scopeCode: string | null }[] = [
  { role: 'national-administrator', scopeCode: null },
  { role: 'regional-viewer', scopeCode: 'Y56' },
  { role: 'ics-lead', scopeCode: 'QKK' },
  { role: 'trust-lead', scopeCode: 'RJ1' },
  { role: 'trust-contributor', scopeCode: 'RJ1' },
  { role: 'board-approver', scopeCode: 'RJ1' },
];

type Outcome = 'allow' | 'deny';

interface ScopedRoute {
  route: string;
  /** Calls the route for an organisation code. */
  call(client: Client, code: string, at?: string): supertest.Test;
  /** Item routes: allowed means 200 with the data; list routes: allowed means the row is listed. */
  kind: 'item' | 'list';
  expected(role: Role, scope: 'in' | 'out'): Outcome;
}

const everyRoleInScopeOnlyAdminOutside = (role: Role, scope: 'in' | 'out'): Outcome =>
  scope === 'in' || role === 'national-administrator' ? 'allow' : 'deny';

const SCOPED_ROUTES: ScopedRoute[] = [
  {
    route: 'GET /organisations/:code/team',
    call: (c, code, at) => c.get(`/api/organisations/${code}/team${at ? `?at=${at}` : ''}`),
    kind: 'item',
    expected: everyRoleInScopeOnlyAdminOutside,
  },
  {
    route: 'GET /me/organisations',
    call: (c, code, at) => c.get(`/api/me/organisations?q=${code}${at ? `&at=${at}` : ''}`),
    kind: 'list',
    expected: everyRoleInScopeOnlyAdminOutside,
  },
];

/** Routes whose action only national administrators hold: tried by every role. */
/** `admin`: what a national administrator gets (past the guard, so never 401/403, never 500). */
const NATIONAL_ROUTES: { route: string; admin: number; call(c: Client, ids: Ids): supertest.Test }[] = [
  { route: 'GET /users', admin: 200, call: (c) => c.get('/api/users') },
  { route: 'POST /users', admin: 400, call: (c) => c.post('/api/users', {}) },
  { route: 'GET /users/:id', admin: 200, call: (c, ids) => c.get(`/api/users/${ids.user}`) },
  { route: 'PATCH /users/:id', admin: 200, call: (c, ids) => c.patch(`/api/users/${ids.user}`, {}) },
  {
    route: 'POST /users/:id/roles',
    admin: 400,
    call: (c, ids) => c.post(`/api/users/${ids.user}/roles`, {}),
  },
  {
    route: 'DELETE /users/:id/roles/:grantId',
    admin: 404,
    call: (c, ids) => c.delete(`/api/users/${ids.user}/roles/00000000-0000-4000-8000-000000000000`),
  },
  {
    route: 'POST /users/:id/invitation',
    admin: 201,
    call: (c, ids) => c.post(`/api/users/${ids.user}/invitation`),
  },
  { route: 'GET /audit', admin: 200, call: (c) => c.get('/api/audit?pageSize=1') },
  { route: 'POST /frameworks', admin: 400, call: (c) => c.post('/api/frameworks', {}) },
];

interface Ids {
  user: string;
}

let t: TestApp;
let ids: Ids;
const clients = new Map<Role, Client>();
let tried = 0;

beforeAll(async () => {
  t = await startTestApp();
  for (const { role, scopeCode } of ROLES) clients.set(role, await clientWith(t, [{ role, scopeCode }]));
  // Team members at both organisations, so a leak would show as data.
  await createUser(t, [{ role: 'trust-lead', scopeCode: IN_SCOPE }]);
  await createUser(t, [{ role: 'trust-lead', scopeCode: OUT_OF_SCOPE }]);
  ids = { user: (await createUser(t, [], { status: 'invited' })).id };
}, 120_000);

afterAll(async () => {
  await t?.close();
  console.log(`Authorisation matrix: ${tried} requests tried`);
});

async function outcomeOf(route: ScopedRoute, client: Client, code: string, at?: string): Promise<Outcome> {
  const res = await route.call(client, code, at);
  tried += 1;
  if (route.kind === 'list') {
    expect(res.status).toBe(200);
    return (res.body as OrganisationList).items.some((o) => o.odsCode === code) ? 'allow' : 'deny';
  }
  if (res.status === 200) {
    expect((res.body as OrganisationTeam).odsCode).toBe(code);
    return 'allow';
  }
  // Denied: 403 (or 404), and never any of the organisation's data.
  expect([403, 404]).toContain(res.status);
  expect(Object.keys(res.body as object).sort()).toEqual(['code', 'message', 'statusCode']);
  expect((res.body as ApiError).code).toBe('FORBIDDEN');
  return 'deny';
}

describe('every route declares who may use it', () => {
  it('and every policy-checked route is in this matrix', () => {
    const routes = routeDeclarations(t.running.app);
    const undeclared = routes.filter((r) => !r.rule).map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
    const allowRoutes = routes.filter((r) => r.rule?.kind === 'allow').map((r) => `${r.method} ${r.path}`);
    const covered = [...SCOPED_ROUTES.map((r) => r.route), ...NATIONAL_ROUTES.map((r) => r.route)];
    expect(allowRoutes.filter((r) => !covered.includes(r))).toEqual([]);
    // Scoped routes name their resource; national ones do not.
    for (const r of routes.filter((x) => x.rule?.kind === 'allow')) {
      const scoped = r.rule?.kind === 'allow' && r.rule.resource !== undefined;
      expect({ route: `${r.method} ${r.path}`, scoped }).toEqual({
        route: `${r.method} ${r.path}`,
        scoped: SCOPED_ROUTES.some((s) => s.route === `${r.method} ${r.path}`),
      });
    }
  });

  it('public routes are only sign-in, session, health and single sign-on', () => {
    const open = routeDeclarations(t.running.app)
      .filter((r) => r.rule?.kind === 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(open).toEqual([
      'GET /auth/invitations/:token',
      'GET /auth/oidc/callback',
      'GET /auth/oidc/start',
      'GET /auth/session',
      'GET /health',
      'POST /auth/invitations/:token',
      'POST /auth/refresh',
      'POST /auth/sign-in',
      'POST /auth/sign-out',
    ]);
  });

  it('signed out, every other route answers 401 and no data', async () => {
    const anonymous = await anonymousClient(t);
    const routes = routeDeclarations(t.running.app).filter((r) => r.rule?.kind !== 'public');
    for (const r of routes) {
      const path = `/api${r.path}`
        .replace(':code', IN_SCOPE)
        .replace(':frameworkId', 'wgll-self-assessment')
        .replace(':version', '2026.1')
        .replace(':grantId', '00000000-0000-4000-8000-000000000000')
        .replace(':id', ids.user);
      const method = r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
      const res =
        method === 'get'
          ? await anonymous.get(path)
          : await anonymous[method](path, ...(method === 'delete' ? [] : [{}]));
      tried += 1;
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({
        route: `${r.method} ${r.path}`,
        status: 401,
      });
    }
  });
});

describe.each(SCOPED_ROUTES)('$route', (route) => {
  it.each(ROLES.map((r) => r.role))('%s: allowed in scope, denied outside', async (role) => {
    const client = clients.get(role)!;
    expect(await outcomeOf(route, client, IN_SCOPE)).toBe(route.expected(role, 'in'));
    expect(await outcomeOf(route, client, OUT_OF_SCOPE)).toBe(route.expected(role, 'out'));
  });

  it('follows the dated hierarchy across the April 2026 ICB mergers', async () => {
    // RC9 was in BLMK ICB (QHG) until 31 March 2026, then in NHS Central East ICB (S1Y5D).
    const closedIcsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QHG' }]);
    const newIcsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'S1Y5D' }]);
    const eastViewer = await clientWith(t, [{ role: 'regional-viewer', scopeCode: 'Y61' }]);
    expect(await outcomeOf(route, closedIcsLead, OUT_OF_SCOPE, '2025-06-30')).toBe('allow');
    expect(await outcomeOf(route, closedIcsLead, OUT_OF_SCOPE, '2026-06-30')).toBe('deny');
    expect(await outcomeOf(route, newIcsLead, OUT_OF_SCOPE, '2025-06-30')).toBe('deny');
    expect(await outcomeOf(route, newIcsLead, OUT_OF_SCOPE, '2026-06-30')).toBe('allow');
    expect(await outcomeOf(route, eastViewer, OUT_OF_SCOPE, '2025-06-30')).toBe('allow');
    expect(await outcomeOf(route, eastViewer, OUT_OF_SCOPE, '2026-06-30')).toBe('allow');
  });
});

describe('list routes show nothing outside the caller’s scope', () => {
  it.each(ROLES.map((r) => r.role))(
    '%s sees only organisations in scope in GET /me/organisations',
    async (role) => {
      const res = await clients.get(role)!.get('/api/me/organisations?pageSize=100');
      tried += 1;
      const { items, total } = res.body as OrganisationList;
      if (role === 'national-administrator') {
        expect(total).toBeGreaterThan(200);
        return;
      }
      const scope = ROLES.find((r) => r.role === role)!.scopeCode!;
      expect(items.length).toBeGreaterThan(0);
      for (const organisation of items) {
        const inScope =
          organisation.odsCode === scope ||
          organisation.ics?.odsCode === scope ||
          organisation.region?.odsCode === scope;
        expect({ organisation: organisation.odsCode, inScope }).toEqual({
          organisation: organisation.odsCode,
          inScope: true,
        });
      }
    },
  );
});

describe.each(NATIONAL_ROUTES)('$route', (route) => {
  it.each(ROLES.map((r) => r.role))('%s', async (role) => {
    const res = await route.call(clients.get(role)!, ids);
    tried += 1;
    if (role === 'national-administrator') {
      expect(res.status).toBe(route.admin);
    } else {
      expect(res.status).toBe(403);
      expect((res.body as ApiError).code).toBe('FORBIDDEN');
    }
  });
});
