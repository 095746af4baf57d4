/**
 * The authorisation matrix: every route that declares a policy action is tried by each role, on a
 * resource inside the role's scope and one outside it, and the allow/deny asserted. List routes are
 * checked for rows outside the caller's scope. The dated hierarchy is checked across the April 2026
 * ICB mergers. Every other route is tried signed out (401).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  Action,
  ApiError,
  OrganisationList,
  OrganisationTeam,
  Role,
  WaitingForYou,
} from '@wgll/contracts';
import type supertest from 'supertest';
import { routeDeclarations } from '../../src/modules/access/route-declarations.js';
import { anonymousClient, type Client, clientWith, createUser } from './support/auth.js';
import {
  answer,
  createCycle,
  smallFramework,
  startReturns,
  upTo,
  uploadFrameworks,
} from './support/returns.js';
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
  /** False when the route's data is today's whatever `at` says, and so is its check (the team). */
  dated: boolean;
  expected(role: Role, scope: 'in' | 'out'): Outcome;
}

const everyRoleInScopeOnlyAdminOutside = (role: Role, scope: 'in' | 'out'): Outcome =>
  scope === 'in' || role === 'national-administrator' ? 'allow' : 'deny';

const SCOPED_ROUTES: ScopedRoute[] = [
  {
    route: 'GET /organisations/:code/team',
    call: (c, code, at) => c.get(`/api/organisations/${code}/team${at ? `?at=${at}` : ''}`),
    kind: 'item',
    dated: false,
    expected: everyRoleInScopeOnlyAdminOutside,
  },
  {
    route: 'GET /me/organisations',
    call: (c, code, at) => c.get(`/api/me/organisations?q=${code}${at ? `&at=${at}` : ''}`),
    kind: 'list',
    dated: true,
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
  {
    route: 'GET /notifications/deliveries',
    admin: 200,
    call: (c) => c.get('/api/notifications/deliveries?pageSize=1'),
  },
  {
    route: 'POST /notifications/deliveries/:id/retry',
    admin: 404,
    call: (c) => c.post(`/api/notifications/deliveries/${NO_ID}/retry`),
  },
  { route: 'GET /audit/verification', admin: 200, call: (c) => c.get('/api/audit/verification') },
  { route: 'POST /frameworks', admin: 400, call: (c) => c.post('/api/frameworks', {}) },
  { route: 'POST /cycles', admin: 400, call: (c) => c.post('/api/cycles', {}) },
  { route: 'PATCH /cycles/:id', admin: 404, call: (c) => c.patch(`/api/cycles/${NO_ID}`, {}) },
  { route: 'POST /cycles/:id/retire', admin: 404, call: (c) => c.post(`/api/cycles/${NO_ID}/retire`) },
  {
    route: 'POST /frameworks/:frameworkId/versions/:version/retire',
    admin: 404,
    call: (c) => c.post('/api/frameworks/no-such-framework/versions/1/retire'),
  },
  { route: 'GET /national/results', admin: 200, call: (c) => c.get('/api/national/results') },
  { route: 'GET /national/targets', admin: 200, call: (c) => c.get('/api/national/targets') },
  { route: 'POST /targets', admin: 400, call: (c) => c.post('/api/targets', {}) },
  { route: 'PUT /targets/:id', admin: 400, call: (c) => c.put(`/api/targets/${NO_ID}`, {}) },
  { route: 'POST /targets/:id/retire', admin: 404, call: (c) => c.post(`/api/targets/${NO_ID}/retire`) },
  { route: 'GET /imports', admin: 200, call: (c) => c.get('/api/imports') },
  { route: 'POST /imports/dma', admin: 400, call: (c) => c.post('/api/imports/dma', {}) },
  { route: 'GET /imports/:id', admin: 404, call: (c) => c.get(`/api/imports/${NO_ID}`) },
  {
    route: 'POST /imports/:id/matches',
    admin: 400,
    call: (c) => c.post(`/api/imports/${NO_ID}/matches`, {}),
  },
];

/**
 * Results views, each tried on a resource in the role's scope and one outside it. Who may see each
 * is written out here, independently of policy.ts: a trust's results by its own people and by those
 * above it; an ICS's by its lead and its region; a region's by its viewers; drafts by none of them.
 */
const RESULT_ROUTES: {
  route: string;
  inScope: string;
  outOfScope: string;
  roles: Role[];
  call(c: Client, code: string): supertest.Test;
}[] = [
  {
    route: 'GET /organisations/:code/results',
    inScope: 'RJ1',
    outOfScope: 'RC9',
    roles: [
      'national-administrator',
      'regional-viewer',
      'ics-lead',
      'trust-lead',
      'trust-contributor',
      'board-approver',
    ],
    call: (c, code) => c.get(`/api/organisations/${code}/results?cycle=${ids.cycle}`),
  },
  {
    route: 'GET /organisations/:code/trends',
    inScope: 'RJ1',
    outOfScope: 'RC9',
    // The same rule as the trust's results.
    roles: ROLES.map((r) => r.role),
    call: (c, code) => c.get(`/api/organisations/${code}/trends`),
  },
  ...(['results', 'completion', 'plans'] as const).map((what) => ({
    route: `GET /ics/:code/${what}`,
    inScope: 'QKK',
    outOfScope: 'S1Y5D',
    roles: ['national-administrator', 'regional-viewer', 'ics-lead'] as Role[],
    call: (c: Client, code: string) => c.get(`/api/ics/${code}/${what}?cycle=${ids.cycle}`),
  })),
  ...(['results', 'completion', 'plans'] as const).map((what) => ({
    route: `GET /regions/:code/${what}`,
    inScope: 'Y56',
    outOfScope: 'Y61',
    roles: ['national-administrator', 'regional-viewer'] as Role[],
    call: (c: Client, code: string) => c.get(`/api/regions/${code}/${what}?cycle=${ids.cycle}`),
  })),
  // Trends follow the same rules as the ICS's and the region's results.
  {
    route: 'GET /ics/:code/trends',
    inScope: 'QKK',
    outOfScope: 'S1Y5D',
    roles: ['national-administrator', 'regional-viewer', 'ics-lead'],
    call: (c, code) => c.get(`/api/ics/${code}/trends?boundaries=then`),
  },
  {
    route: 'GET /regions/:code/trends',
    inScope: 'Y56',
    outOfScope: 'Y61',
    roles: ['national-administrator', 'regional-viewer'],
    call: (c, code) => c.get(`/api/regions/${code}/trends`),
  },
  // Levelling up (issue 19): as the ICS's and the region's results.
  {
    route: 'GET /ics/:code/domain-levels',
    inScope: 'QKK',
    outOfScope: 'S1Y5D',
    roles: ['national-administrator', 'regional-viewer', 'ics-lead'],
    call: (c, code) => c.get(`/api/ics/${code}/domain-levels?cycle=${ids.cycle}`),
  },
  {
    route: 'GET /regions/:code/watch-lists',
    inScope: 'Y56',
    outOfScope: 'Y61',
    roles: ['national-administrator', 'regional-viewer'],
    call: (c, code) => c.get(`/api/regions/${code}/watch-lists?cycle=${ids.cycle}&threshold=3`),
  },
  // National targets' progress in a region: the region results' rule.
  {
    route: 'GET /regions/:code/targets',
    inScope: 'Y56',
    outOfScope: 'Y61',
    roles: ['national-administrator', 'regional-viewer'],
    call: (c, code) => c.get(`/api/regions/${code}/targets`),
  },
];

/**
 * Routes on one return, tried by every role on a trust return in scope (RJ1), one outside (RC9) and
 * the ICB's system return (QKK). Allowed requests are built to stop after the guard without changing
 * anything (a 400, 404 or 409, or a read), so `allowed` is the status any permitted role gets.
 */
const RETURN_ROUTES: { route: string; allowed: number; call(c: Client, id: string): supertest.Test }[] = [
  { route: 'GET /returns/:id', allowed: 200, call: (c, id) => c.get(`/api/returns/${id}`) },
  {
    route: 'PUT /returns/:id/answers/:domainId',
    allowed: 400,
    call: (c, id) => c.put(`/api/returns/${id}/answers/well-led-d`, {}),
  },
  {
    route: 'POST /returns/:id/answers/:domainId/confirm',
    allowed: 400,
    call: (c, id) => c.post(`/api/returns/${id}/answers/well-led-d/confirm`, {}),
  },
  {
    route: 'POST /returns/:id/evidence/links',
    allowed: 400,
    call: (c, id) => c.post(`/api/returns/${id}/evidence/links`, {}),
  },
  {
    route: 'POST /returns/:id/evidence/files',
    allowed: 400,
    call: (c, id) => c.post(`/api/returns/${id}/evidence/files`, {}),
  },
  {
    route: 'GET /returns/:id/evidence/:evidenceId/file',
    allowed: 404,
    call: (c, id) => c.get(`/api/returns/${id}/evidence/${NO_ID}/file`),
  },
  {
    route: 'DELETE /returns/:id/evidence/:evidenceId',
    allowed: 404,
    call: (c, id) => c.delete(`/api/returns/${id}/evidence/${NO_ID}`),
  },
  {
    route: 'GET /returns/:id/framework',
    allowed: 200,
    call: (c, id) => c.get(`/api/returns/${id}/framework`),
  },
  {
    route: 'GET /returns/:id/assignees',
    allowed: 200,
    call: (c, id) => c.get(`/api/returns/${id}/assignees`),
  },
  {
    route: 'PUT /returns/:id/assignments',
    allowed: 400,
    call: (c, id) => c.put(`/api/returns/${id}/assignments`, {}),
  },
  {
    route: 'DELETE /returns/:id/assignments/:assignmentId',
    allowed: 404,
    call: (c, id) => c.delete(`/api/returns/${id}/assignments/${NO_ID}`),
  },
  { route: 'POST /returns/:id/ready', allowed: 409, call: (c, id) => c.post(`/api/returns/${id}/ready`) },
  {
    route: 'POST /returns/:id/approvals',
    allowed: 400,
    call: (c, id) => c.post(`/api/returns/${id}/approvals`, {}),
  },
  {
    route: 'POST /returns/:id/declines',
    allowed: 400,
    call: (c, id) => c.post(`/api/returns/${id}/declines`, {}),
  },
  { route: 'POST /returns/:id/submit', allowed: 409, call: (c, id) => c.post(`/api/returns/${id}/submit`) },
  {
    route: 'POST /returns/:id/reopen',
    allowed: 400,
    call: (c, id) => c.post(`/api/returns/${id}/reopen`, {}),
  },
  {
    route: 'GET /returns/:id/seals/:revision',
    allowed: 404,
    call: (c, id) => c.get(`/api/returns/${id}/seals/1`),
  },
  {
    route: 'GET /returns/:id/seals/:revision/board-pack.pdf',
    allowed: 404,
    call: (c, id) => c.get(`/api/returns/${id}/seals/1/board-pack.pdf`),
  },
  {
    route: 'GET /returns/:id/seals/:revision/verification',
    allowed: 404,
    call: (c, id) => c.get(`/api/returns/${id}/seals/1/verification`),
  },
  {
    route: 'GET /returns/:id/export.xlsx',
    allowed: 200,
    call: (c, id) => c.get(`/api/returns/${id}/export.xlsx`),
  },
  {
    route: 'GET /returns/:id/seals/:revision/readable',
    allowed: 404,
    call: (c, id) => c.get(`/api/returns/${id}/seals/1/readable`),
  },
  {
    route: 'GET /returns/:id/seals/:revision/export.xlsx',
    allowed: 404,
    call: (c, id) => c.get(`/api/returns/${id}/seals/1/export.xlsx`),
  },
  {
    route: 'GET /returns/:id/board-pack.pdf',
    allowed: 200,
    call: (c, id) => c.get(`/api/returns/${id}/board-pack.pdf`),
  },
  { route: 'GET /returns/:id/history', allowed: 200, call: (c, id) => c.get(`/api/returns/${id}/history`) },
  { route: 'GET /returns/:id/plan', allowed: 200, call: (c, id) => c.get(`/api/returns/${id}/plan`) },
  // Without a domain: 400 once past the guard (the ICB's own return has no peers: 404 with one).
  { route: 'GET /returns/:id/peers', allowed: 400, call: (c, id) => c.get(`/api/returns/${id}/peers`) },
  { route: 'PUT /returns/:id/plan', allowed: 400, call: (c, id) => c.put(`/api/returns/${id}/plan`, {}) },
  {
    route: 'POST /returns/:id/plan/actions',
    allowed: 400,
    call: (c, id) => c.post(`/api/returns/${id}/plan/actions`, {}),
  },
  {
    route: 'POST /returns/:id/plan/actions/merge',
    allowed: 400,
    call: (c, id) => c.post(`/api/returns/${id}/plan/actions/merge`, {}),
  },
  {
    route: 'PATCH /returns/:id/plan/actions/:actionId',
    allowed: 400,
    call: (c, id) => c.patch(`/api/returns/${id}/plan/actions/${NO_ID}`, {}),
  },
  {
    route: 'DELETE /returns/:id/plan/actions/:actionId',
    allowed: 400,
    call: (c, id) => c.delete(`/api/returns/${id}/plan/actions/${NO_ID}`),
  },
  {
    route: 'POST /returns/:id/plan/approvals',
    allowed: 400,
    call: (c, id) => c.post(`/api/returns/${id}/plan/approvals`, {}),
  },
  {
    route: 'GET /returns/:id/plan/approvals/:approvalId',
    allowed: 404,
    call: (c, id) => c.get(`/api/returns/${id}/plan/approvals/${NO_ID}`),
  },
];

/** Routes on a trust's or an ICB's list of returns, tried on one in scope and one outside. */
const OWNER_RETURN_ROUTES: {
  route: string;
  allowed: number;
  inScope: string;
  outOfScope: string;
  call(c: Client, code: string): supertest.Test;
}[] = [
  {
    route: 'GET /organisations/:code/returns',
    allowed: 200,
    inScope: 'RJ1',
    outOfScope: 'RC9',
    call: (c, code) => c.get(`/api/organisations/${code}/returns`),
  },
  {
    route: 'POST /organisations/:code/returns',
    allowed: 400,
    inScope: 'RJ1',
    outOfScope: 'RC9',
    call: (c, code) => c.post(`/api/organisations/${code}/returns`, {}),
  },
  {
    route: 'GET /organisations/:code/sharing',
    allowed: 200,
    inScope: 'RJ1',
    outOfScope: 'RC9',
    call: (c, code) => c.get(`/api/organisations/${code}/sharing`),
  },
  {
    route: 'PUT /organisations/:code/sharing',
    allowed: 400,
    inScope: 'RJ1',
    outOfScope: 'RC9',
    call: (c, code) => c.put(`/api/organisations/${code}/sharing`, {}),
  },
  {
    route: 'GET /ics/:code/returns',
    allowed: 200,
    inScope: 'QKK',
    outOfScope: 'S1Y5D',
    call: (c, code) => c.get(`/api/ics/${code}/returns`),
  },
  {
    route: 'POST /ics/:code/returns',
    allowed: 400,
    inScope: 'QKK',
    outOfScope: 'S1Y5D',
    call: (c, code) => c.post(`/api/ics/${code}/returns`, {}),
  },
];

const NO_ID = '00000000-0000-4000-8000-000000000000';
const ADMIN: Role = 'national-administrator';

/**
 * Who may take each return action inside their scope, written out independently of policy.ts.
 * Drafts are private to the trust: ICS leads and regional viewers never reach a trust's return, and
 * only ICS leads (with administrators) reach the ICB's own return.
 */
const TRUST_RETURN_ROLES: Partial<Record<Action, Role[]>> = {
  'return:view': [ADMIN, 'trust-lead', 'trust-contributor', 'board-approver'],
  'return:create': [ADMIN, 'trust-lead'],
  'return:answer': [ADMIN, 'trust-lead', 'trust-contributor'],
  'return:assign': [ADMIN, 'trust-lead'],
  'return:submit': [ADMIN, 'trust-lead'],
  'return:approve': [ADMIN, 'board-approver'],
  'return:reopen': [ADMIN],
};
const SYSTEM_RETURN_ROLES: Partial<Record<Action, Role[]>> = {
  'return:view': [ADMIN, 'ics-lead'],
  'return:create': [ADMIN, 'ics-lead'],
  'return:answer': [ADMIN, 'ics-lead'],
  'return:assign': [ADMIN, 'ics-lead'],
  'return:submit': [ADMIN, 'ics-lead'],
  'return:approve': [ADMIN, 'ics-lead'],
  'return:reopen': [ADMIN],
};

interface Ids {
  user: string;
  /** The matrix's cycle (hierarchy of 1 April 2026): results routes are asked about it. */
  cycle: string;
  returns: { inScope: string; outOfScope: string; system: string };
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
  const admin = clients.get(ADMIN)!;
  const org = smallFramework('organisation');
  const sys = smallFramework('system');
  await uploadFrameworks(admin, org, sys);
  const cycle = await createCycle(admin, org, sys);
  const system = await admin.post('/api/ics/QKK/returns', { cycleId: cycle.id });
  ids = {
    user: (await createUser(t, [], { status: 'invited' })).id,
    cycle: cycle.id,
    returns: {
      inScope: (await startReturns(admin, IN_SCOPE, cycle.id)).created[0]!.id,
      outOfScope: (await startReturns(admin, OUT_OF_SCOPE, cycle.id)).created[0]!.id,
      system: (system.body as { created: { id: string }[] }).created[0]!.id,
    },
  };
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
    const covered = [
      ...SCOPED_ROUTES.map((r) => r.route),
      ...NATIONAL_ROUTES.map((r) => r.route),
      ...RETURN_ROUTES.map((r) => r.route),
      ...OWNER_RETURN_ROUTES.map((r) => r.route),
      ...RESULT_ROUTES.map((r) => r.route),
    ];
    expect(allowRoutes.filter((r) => !covered.includes(r))).toEqual([]);
    // Scoped routes name their resource; national ones do not.
    for (const r of routes.filter((x) => x.rule?.kind === 'allow')) {
      const scoped = r.rule?.kind === 'allow' && r.rule.resource !== undefined;
      expect({ route: `${r.method} ${r.path}`, scoped }).toEqual({
        route: `${r.method} ${r.path}`,
        scoped: [...SCOPED_ROUTES, ...RETURN_ROUTES, ...OWNER_RETURN_ROUTES, ...RESULT_ROUTES].some(
          (s) => s.route === `${r.method} ${r.path}`,
        ),
      });
    }
  });

  it('public routes are only sign-in, session, health, single sign-on and unsubscribing from an e-mail', () => {
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
      'GET /notifications/unsubscribe',
      'POST /auth/invitations/:token',
      'POST /auth/refresh',
      'POST /auth/sign-in',
      'POST /auth/sign-out',
      'POST /notifications/unsubscribe',
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
        .replace(':grantId', NO_ID)
        .replace(':evidenceId', NO_ID)
        .replace(':assignmentId', NO_ID)
        .replace(':actionId', NO_ID)
        .replace(':approvalId', NO_ID)
        .replace(':domainId', 'well-led-d')
        .replace(':revision', '1')
        .replace(':id', r.path.startsWith('/returns') ? ids.returns.inScope : ids.user);
      const method = r.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
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
    // Undated routes (today's team) are checked on today's hierarchy whatever `at` says.
    expect(await outcomeOf(route, closedIcsLead, OUT_OF_SCOPE, '2025-06-30')).toBe(
      route.dated ? 'allow' : 'deny',
    );
    expect(await outcomeOf(route, closedIcsLead, OUT_OF_SCOPE, '2026-06-30')).toBe('deny');
    expect(await outcomeOf(route, newIcsLead, OUT_OF_SCOPE, '2025-06-30')).toBe(
      route.dated ? 'deny' : 'allow',
    );
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

/** The action a route declares (so the expectation follows the declaration, not a copy of it). */
function actionOf(route: string): Action {
  const found = routeDeclarations(t.running.app).find((r) => `${r.method} ${r.path}` === route);
  if (found?.rule?.kind !== 'allow') throw new Error(`${route} has no @Allow`);
  return found.rule.action;
}

function expectOutcome(res: supertest.Response, allowed: boolean, allowedStatus: number): void {
  tried += 1;
  if (allowed) {
    expect(res.status).toBe(allowedStatus);
  } else {
    expect(res.status).toBe(403);
    expect(Object.keys(res.body as object).sort()).toEqual(['code', 'message', 'statusCode']);
  }
}

describe.each(RETURN_ROUTES)('$route', (route) => {
  it.each(ROLES.map((r) => r.role))(
    '%s: its trust return in scope, another trust, and the ICB return',
    async (role) => {
      const action = actionOf(route.route);
      const client = clients.get(role)!;
      const trustRoles = TRUST_RETURN_ROLES[action]!;
      const systemRoles = SYSTEM_RETURN_ROLES[action]!;
      expectOutcome(await route.call(client, ids.returns.inScope), trustRoles.includes(role), route.allowed);
      expectOutcome(await route.call(client, ids.returns.outOfScope), role === ADMIN, route.allowed);
      expectOutcome(await route.call(client, ids.returns.system), systemRoles.includes(role), route.allowed);
    },
  );
});

describe.each(OWNER_RETURN_ROUTES)('$route', (route) => {
  it.each(ROLES.map((r) => r.role))('%s: allowed in scope, denied outside', async (role) => {
    const action = actionOf(route.route);
    const roles = (route.inScope === 'QKK' ? SYSTEM_RETURN_ROLES : TRUST_RETURN_ROLES)[action]!;
    const client = clients.get(role)!;
    expectOutcome(await route.call(client, route.inScope), roles.includes(role), route.allowed);
    expectOutcome(await route.call(client, route.outOfScope), role === ADMIN, route.allowed);
  });
});

describe.each(RESULT_ROUTES)('$route', (route) => {
  it.each(ROLES.map((r) => r.role))('%s: allowed in scope, denied outside', async (role) => {
    const client = clients.get(role)!;
    expectOutcome(await route.call(client, route.inScope), route.roles.includes(role), 200);
    expectOutcome(await route.call(client, route.outOfScope), role === ADMIN, 200);
  });
});

/** A code of the same kind as `code` that names nothing. */
const unknownLike = (code: string) => (code.startsWith('Y') ? 'Y99' : code.startsWith('Q') ? 'QZZ' : 'ZZZ99');

/** Reads by code, with what a national administrator gets for a code that names nothing. */
const READS_BY_CODE = [
  ...RESULT_ROUTES.map((r) => ({ ...r, admin: 404 })),
  // The list of an owner's returns: not found, like the owner itself.
  ...OWNER_RETURN_ROUTES.filter((r) => r.route.startsWith('GET ')).map((r) => ({ ...r, admin: 404 })),
  {
    route: 'GET /organisations/:code/team',
    inScope: IN_SCOPE,
    call: (c: Client, code: string) => c.get(`/api/organisations/${code}/team`),
    admin: 404,
  },
];

describe('a code that names nothing', () => {
  it.each(READS_BY_CODE.map((r) => [r.route, r] as const))(
    '%s: is refused (403) to everyone but a national administrator, as one outside their scope',
    async (_route, route) => {
      const code = unknownLike(route.inScope);
      for (const { role } of ROLES) {
        const res = await route.call(clients.get(role)!, code);
        tried += 1;
        if (role === ADMIN) {
          // Past the guard: the route answers for itself.
          expect({ role, status: res.status }).toEqual({ role, status: route.admin });
        } else {
          // Not 404: whether a code exists is not told to someone who may not see it.
          expect({ role, status: res.status, body: res.body as unknown }).toEqual({
            role,
            status: 403,
            body: expect.objectContaining({ code: 'FORBIDDEN' }),
          });
        }
      }
    },
  );
});

/**
 * GET /me/waiting is open to everyone signed in and scoped inside: with RJ1's and RC9's returns
 * awaiting approval in a cycle of its own, each role sees RJ1 (its ICS QKK for a regional viewer)
 * only where its role has something to do there, and RC9 (its ICS S1Y5D) never.
 */
describe('GET /me/waiting', () => {
  const SEES_IN_SCOPE: Record<Role, boolean> = {
    'national-administrator': false,
    'regional-viewer': true,
    'ics-lead': true,
    'trust-lead': false,
    'trust-contributor': false,
    'board-approver': true,
  };
  let cycleId: string;

  beforeAll(async () => {
    const admin = clients.get(ADMIN)!;
    const org = smallFramework('organisation');
    const sys = smallFramework('system');
    await uploadFrameworks(admin, org, sys);
    cycleId = (await createCycle(admin, org, sys, { referenceDate: '2026-05-23' })).id;
    for (const code of [IN_SCOPE, OUT_OF_SCOPE]) {
      const id = (await startReturns(admin, code, cycleId)).created[0]!.id;
      for (const domain of org.domains) {
        await admin.put(`/api/returns/${id}/answers/${domain.id}`, answer(upTo(domain.id, 2))).expect(200);
      }
      await admin.post(`/api/returns/${id}/ready`).expect(200);
    }
  }, 120_000);

  /** The organisation and ICS codes the response names for the matrix's own cycle. */
  function codesNamed(body: WaitingForYou): string[] {
    const returns = [
      ...body.toApprove,
      ...body.sentBack,
      ...body.readyToSubmit,
      ...[...body.assignments, ...body.overdueInYourReturns].map((a) => a.return),
    ];
    return [
      ...returns.filter((r) => r.cycle.id === cycleId).map((r) => r.owner.code),
      ...body.toChase
        .filter((c) => c.cycle.id === cycleId)
        .flatMap((c) => [c.ics.code, ...c.owners.map((o) => o.code)]),
      ...body.regionsToChase.filter((r) => r.cycle.id === cycleId).flatMap((r) => r.ics.map((i) => i.code)),
    ];
  }

  it.each(ROLES.map((r) => r.role))('%s: sees its own scope only', async (role) => {
    const res = await clients.get(role)!.get('/api/me/waiting');
    tried += 1;
    expect(res.status).toBe(200);
    const named = codesNamed(res.body as WaitingForYou);
    const inScope = role === 'regional-viewer' ? 'QKK' : IN_SCOPE;
    expect({ role, inScope: named.includes(inScope) }).toEqual({ role, inScope: SEES_IN_SCOPE[role] });
    expect({ role, named: named.filter((c) => c === OUT_OF_SCOPE || c === 'S1Y5D') }).toEqual({
      role,
      named: [],
    });
  });
});
