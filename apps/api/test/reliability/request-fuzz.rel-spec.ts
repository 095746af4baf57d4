/**
 * Request fuzzing over every route of the OpenAPI document, signed in and out: wrong types, nesting,
 * unpaired surrogates, NUL, huge numbers and texts, impossible dates, bodies that are not JSON,
 * malformed multipart. Every answer must be a 4xx or 2xx with an error code (never a 5xx, never a
 * reset connection), a refused request must write nothing, and the server must stay healthy.
 * FUZZ_RUNS sets the cases per route (default 30); FUZZ_SEED varies them (default fixed).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError } from '@wgll/contracts';
import fc from 'fast-check';
import { createUser, TEST_PASSWORD } from '../integration/support/auth.js';
import { returnsWorld } from '../integration/support/returns.js';
import { startTestApp, type TestApp } from '../integration/support/test-app.js';
import {
  type BodyCase,
  encodeLoose,
  jsonBodyCase,
  multipartCase,
  type MultipartCase,
  type OpenApiDocument,
  pathParamCase,
  queryCase,
  type Route,
  routesOf,
} from './support/openapi-cases.js';
import { RawClient, type RawResponse, sendTruncated } from './support/raw-http.js';
import { WriteWatch } from './support/write-watch.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);

/** Tables a refused request may write to on purpose: the audit log and sign-in throttling. */
const REFUSED_MAY_WRITE = /^(audit_event|sign_in_throttle)$/;
/** Refusing a reused refresh token revokes the session it belongs to (theft protection). */
const REFRESH_MAY_WRITE = /^(auth_session|refresh_token)$/;

let t: TestApp;
let port: number;
let doc: OpenApiDocument;
let watch: WriteWatch;
const known: Record<string, string[]> = {};
let spareUserId: string;
let returnId: string;
let cycleId: string;
let targetId: string;
const clients: Record<'admin' | 'lead' | 'anonymous', RawClient | undefined> = {
  admin: undefined,
  lead: undefined,
  anonymous: undefined,
};
const tally = { cases: 0, byStatus: new Map<number, number>(), routes: 0 };

async function freshClient(kind: keyof typeof clients): Promise<RawClient> {
  const client = new RawClient(port);
  if (kind === 'anonymous') return client.start();
  const user = await createUser(
    t,
    kind === 'admin' ? [{ role: 'national-administrator' }] : [{ role: 'trust-lead', scopeCode: 'RJ1' }],
  );
  return client.signIn(user.email, TEST_PASSWORD);
}

/** Each route starts with signed-in clients (an earlier route may have signed one out or disabled it). */
async function readyClients(): Promise<void> {
  for (const kind of Object.keys(clients) as (keyof typeof clients)[]) {
    const client = clients[kind];
    if (!client || (kind !== 'anonymous' && !(await client.signedIn())))
      clients[kind] = await freshClient(kind);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  await t.running.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.running.app.getHttpServer().address() as AddressInfo).port;
  doc = (await t.http.get('/api/docs/openapi.json')).body as OpenApiDocument;

  // Something real behind each kind of id, so cases reach past "not found".
  const world = await returnsWorld(t);
  const ret = await world.newReturn();
  returnId = ret.id;
  cycleId = ret.cycle.id;
  const link = await world.lead.post(`/api/returns/${ret.id}/evidence/links`, {
    title: 'Digital strategy',
    url: 'https://example.nhs.uk/strategy',
  });
  spareUserId = (await createUser(t, [{ role: 'trust-contributor', scopeCode: 'RJ1' }])).id;
  const action = await world.lead.post(`/api/returns/${ret.id}/plan/actions`, {
    domainId: world.org.domains[0]!.id,
    title: 'An action to fuzz',
  });
  const target = await world.admin.post('/api/targets', {
    name: 'A target to fuzz',
    description: '',
    kind: 'measure',
    frameworkId: null,
    domainId: null,
    level: null,
    elementId: null,
    measure: 'overall',
    value: 3,
    careSettings: ['acute'],
    percent: 90,
    dueDate: '2030-03-31',
  });
  targetId = (target.body as { id?: string }).id ?? randomUUID();
  Object.assign(known, {
    domainId: world.org.domains.map((d) => d.id),
    evidenceId: [(link.body as { id: string }).id ?? randomUUID()],
    revision: ['1', '0'],
    code: ['RJ1', 'QKK', 'Y56', 'R1K'],
    frameworkId: [world.org.frameworkId],
    version: ['1'],
    grantId: [randomUUID()],
    assignmentId: [randomUUID()],
    actionId: [(action.body as { id?: string }).id ?? randomUUID()],
    approvalId: [randomUUID()],
    token: ['x'.repeat(43)],
    cycleId: [cycleId],
    title: ['Evidence'],
  });
  watch = new WriteWatch(t.dataSource, REFUSED_MAY_WRITE);
  await watch.baseline();
}, 180_000);

afterAll(async () => {
  const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  process.stdout.write(
    `\nRequest fuzzing: ${tally.cases} requests over ${tally.routes} routes (seed ${SEED}); ` +
      `statuses ${statuses.join(' ')}; 5xx: ${[...tally.byStatus].filter(([s]) => s >= 500).length}\n`,
  );
  await t?.close();
});

function knownFor(route: Route, name: string): string[] {
  if (name === 'id') {
    if (route.path.startsWith('/api/returns/')) return [returnId];
    if (route.path.startsWith('/api/users/')) return [spareUserId];
    if (route.path.startsWith('/api/cycles/')) return [cycleId];
    if (route.path.startsWith('/api/targets/')) return [targetId];
    return [randomUUID()];
  }
  return known[name] ?? ['x'];
}

interface Case {
  who: keyof typeof clients;
  csrf: boolean;
  params: string[];
  query: string;
  body: BodyCase | MultipartCase | null;
}

function caseFor(route: Route): fc.Arbitrary<Case> {
  const body: fc.Arbitrary<BodyCase | MultipartCase | null> =
    route.body === null
      ? fc.constant(null)
      : route.body.kind === 'multipart'
        ? multipartCase(route.body.fields, known)
        : jsonBodyCase(doc, route.body.schema);
  return fc.record({
    who: fc.constantFrom<Case['who']>('admin', 'admin', 'admin', 'lead', 'anonymous'),
    // Mostly with the CSRF token (a case without it stops at the guard), reproducible from the seed.
    csrf: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
    params: fc.tuple(...route.pathParams.map((p) => pathParamCase(knownFor(route, p)))),
    query: queryCase(doc, route),
    body,
  });
}

async function run(route: Route, c: Case): Promise<RawResponse | { status: number; truncated: true }> {
  let i = 0;
  const path =
    route.path.replace(/\{\w+\}/g, () => encodeLoose(c.params[i++]!)) + (c.query ? `?${c.query}` : '');
  const client = clients[c.who]!;
  const method = route.method.toUpperCase();
  const b = c.body;
  if (b?.kind === 'multipart' && b.declaredLength !== undefined) {
    const status = await sendTruncated(port, {
      method,
      path,
      headers: { cookie: client.cookieHeader(), 'x-csrf-token': client.csrf, 'content-type': b.contentType },
      body: b.body,
      declaredLength: b.declaredLength,
    });
    return { status, truncated: true };
  }
  const headers: Record<string, string> = {};
  let body: Buffer | string | undefined;
  if (b?.kind === 'multipart') {
    headers['content-type'] = b.contentType;
    body = b.body;
  } else if (b?.kind === 'json') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(b.value) ?? 'null';
  } else if (b?.kind === 'raw') {
    headers['content-type'] = b.contentType;
    body = b.text;
  }
  return client.send({ method, path, headers, body }, { csrf: c.csrf });
}

const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a JSON body holds, anywhere (keys too), a NUL or an unpaired surrogate. */
function unstorable(body: Case['body']): boolean {
  let value: unknown;
  if (body?.kind === 'json') value = body.value;
  else if (body?.kind === 'raw' && body.contentType === 'application/json') {
    try {
      value = JSON.parse(body.text);
    } catch {
      return false;
    }
  } else return false;
  const bad = (text: string) => text.includes('\u0000') || UNPAIRED_SURROGATE.test(text);
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string' && bad(v)) return true;
    if (v && typeof v === 'object')
      for (const [k, child] of Object.entries(v)) {
        if (bad(k)) return true;
        stack.push(child);
      }
  }
  return false;
}

/** A failure in a few lines: the error and the start of the case (texts can be 70,000 characters). */
function shortReport(details: fc.RunDetails<[Case]>): void {
  if (!details.failed) return;
  const shown = JSON.stringify(details.counterexample?.[0], (_k, v: unknown) => {
    if (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer')
      v = Buffer.from((v as { data: number[] }).data).toString('latin1');
    return typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}… (${v.length} characters)` : v;
  });
  const cause =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `${cause}\nCase (seed ${details.seed}, path ${details.counterexamplePath}): ${shown?.slice(0, 1500)}`,
  );
}

function seedFor(route: Route): number {
  return createHash('sha256').update(`${SEED} ${route.method} ${route.path}`).digest().readUInt32BE(0);
}

describe('every route of the OpenAPI document', () => {
  it('answers hostile and malformed requests with a 4xx and an error code, and writes nothing when it refuses', async () => {
    const routes = routesOf(doc);
    expect(routes.length).toBeGreaterThan(60);
    const failures: string[] = [];
    for (const route of routes) {
      await readyClients();
      await watch.changed(); // signing clients in wrote; the cases start from here
      tally.routes += 1;
      await fc
        .assert(
          fc.asyncProperty(caseFor(route), async (c) => {
            const res = await run(route, c);
            tally.cases += 1;
            tally.byStatus.set(res.status, (tally.byStatus.get(res.status) ?? 0) + 1);
            const where = `${route.method.toUpperCase()} ${route.path}`;
            if ('truncated' in res) {
              // The client went away mid-upload: no answer is fine, a 5xx is not.
              if (res.status >= 500) throw new Error(`${where}: ${res.status} for a truncated upload`);
            } else {
              if (res.status === 0) throw new Error(`${where}: connection failed (${res.error})`);
              if (res.status >= 500) throw new Error(`${where}: ${res.status} ${res.text.slice(0, 300)}`);
              // 431 comes from Node's HTTP parser (a request line over 16 KB), before the app.
              if (res.status >= 400 && res.status !== 431) {
                const code = (res.json as ApiError | undefined)?.code;
                if (!code || code === 'INTERNAL_ERROR')
                  throw new Error(
                    `${where}: ${res.status} without a proper error code: ${res.text.slice(0, 200)}`,
                  );
              }
              // Text PostgreSQL cannot store faithfully is refused wherever it is in a declared body:
              // accepted, it would be stored changed (NUL) or mangled (an unpaired surrogate).
              if (
                res.status < 300 &&
                route.body?.kind === 'json' &&
                route.body.declared &&
                unstorable(c.body)
              )
                throw new Error(`${where}: ${res.status} for a body with a NUL or an unpaired surrogate`);
            }
            const changed = await watch.changed();
            if (res.status >= 400 || res.status === 0) {
              const mayWrite = route.path === '/api/auth/refresh' ? REFRESH_MAY_WRITE : REFUSED_MAY_WRITE;
              const wrote = changed.filter((table) => !mayWrite.test(table));
              if (wrote.length)
                throw new Error(`${where}: refused with ${res.status} but wrote to ${wrote.join(', ')}`);
            }
          }),
          { numRuns: RUNS, seed: seedFor(route), endOnFailure: true, reporter: shortReport },
        )
        .catch((error: Error) => failures.push(error.message));
      const health = await clients.anonymous!.send({ method: 'GET', path: '/api/health' });
      expect({ route: route.path, status: health.status }).toEqual({ route: route.path, status: 200 });
    }
    // Every route is tried before failing, so one run lists every fault.
    expect(failures).toEqual([]);
    expect(tally.cases).toBeGreaterThanOrEqual(routes.length * RUNS);
  }, 1_800_000);
});
