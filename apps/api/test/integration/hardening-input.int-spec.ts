/**
 * Input hardening (issue 12): input that used to answer 500 answers a 400 with its field (or the
 * right 4xx), and writes nothing. Deep nesting, unpaired surrogates, nulls and wrong shapes, dates
 * that are not dates, huge page numbers, malformed multipart and uploads refused before they were
 * read (the answer must arrive, not a reset connection). Also the security headers on every
 * response, and an organisation's team read on the same date as its access check.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, Evidence, OrganisationTeam, ReturnDetail, SaveAnswerRequest } from '@wgll/contracts';
import { CookieAccessInfo } from 'cookiejar';
import type supertest from 'supertest';
import { routeDeclarations } from '../../src/modules/access/route-declarations.js';
import { type Client, anonymousClient, clientWith, createUser } from './support/auth.js';
import { answer, answerAll, isoDay, returnsWorld, type ReturnsWorld } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: ReturnsWorld;
let ret: ReturnDetail;
let anon: Client;
let userId: string;

const MAX_EVIDENCE_BYTES = 64 * 1024;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const NO_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await startTestApp({
    config: { evidence: { maxFileBytes: MAX_EVIDENCE_BYTES, extensions: ['pdf', 'png', 'docx'] } },
  });
  w = await returnsWorld(t);
  ret = await w.newReturn();
  anon = await anonymousClient(t);
  userId = (await createUser(t, [{ role: 'trust-lead', scopeCode: 'RJ1' }])).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const TABLES = [
  'audit_event',
  'app_user',
  'role_assignment',
  'cycle',
  'evidence',
  'result_import',
  'framework_version',
  'domain_answer',
] as const;

/** Rows in the tables a refused request could have written to. */
async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await t.dataSource.query<[Record<string, number>]>(
    `SELECT ${TABLES.map((name) => `(SELECT count(*)::int FROM ${name}) AS ${name}`).join(', ')}`,
  );
  return row;
}

/** Runs the request and checks it was refused with `status` (and `field`, if given), writing nothing. */
async function refused(
  send: () => supertest.Test | Promise<supertest.Response>,
  status: number,
  field?: string,
): Promise<ApiError> {
  const before = await rowCounts();
  const res = await send();
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  const body = res.body as ApiError;
  expect(body.statusCode).toBe(status);
  expect(body.code).not.toBe('INTERNAL_ERROR');
  if (field !== undefined) expect(body.errors?.map((e) => e.field)).toContain(field);
  expect(await rowCounts()).toEqual(before);
  return body;
}

function rawJson(client: Client, method: 'post' | 'put' | 'patch', path: string, text: string) {
  return client.agent[method](path)
    .set('x-csrf-token', client.csrf)
    .set('content-type', 'application/json')
    .send(text);
}

function multipart(client: Client, path: string, contentType: string, body: string | Buffer) {
  return client.agent
    .post(path)
    .set('x-csrf-token', client.csrf)
    .set('content-type', contentType)
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body));
}

const filePart = (boundary: string, name: string, content: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
  `Content-Type: application/octet-stream\r\n\r\n${content}`;

describe('deeply nested JSON', () => {
  const deepArray = '['.repeat(3000) + ']'.repeat(3000);
  const deepObject = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);

  it.each([
    ['arrays', deepArray],
    ['objects', deepObject],
  ])('signed out: POST /api/auth/sign-in with nested %s is a 400 on body', async (_kind, text) => {
    const body = await refused(() => rawJson(anon, 'post', '/api/auth/sign-in', text), 400, 'body');
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/more than 32 levels deep/);
  });

  it('is a 400 on every kind of JSON route, before any validator walks it', async () => {
    const routes: [Client, 'post' | 'put' | 'patch', string][] = [
      [w.admin, 'post', '/api/cycles'],
      [w.admin, 'post', '/api/frameworks'],
      [w.admin, 'post', '/api/users'],
      [w.admin, 'patch', `/api/users/${userId}`],
      [w.admin, 'post', `/api/imports/${NO_ID}/matches`],
      [w.lead, 'put', `/api/returns/${ret.id}/answers/${ret.answers[0]?.domainId ?? 'well-led-d'}`],
      [w.lead, 'post', `/api/returns/${ret.id}/evidence/links`],
      [w.lead, 'post', `/api/returns/${ret.id}/reopen`],
    ];
    for (const [client, method, path] of routes) {
      for (const text of [deepArray, deepObject]) {
        await refused(() => rawJson(client, method, path, text), 400, 'body');
      }
    }
  });

  it('counts only real nesting: brackets inside text are text', async () => {
    const title = `${'[{'.repeat(100)} a title with brackets`;
    const res = await w.lead.post(`/api/returns/${ret.id}/evidence/links`, {
      title,
      url: 'https://intranet.example.nhs.uk/a',
    });
    expect(res.status).toBe(201);
    expect((res.body as Evidence).title).toBe(title);
  });

  it('a JSON body over 1 MB is a 413 PAYLOAD_TOO_LARGE, not INTERNAL_ERROR', async () => {
    const text = JSON.stringify({ name: 'x'.repeat(1_100_000) });
    const body = await refused(() => rawJson(w.admin, 'post', '/api/cycles', text), 413);
    expect(body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('JSON naming __proto__ is a 400, not a polluted prototype', async () => {
    await refused(() => rawJson(w.admin, 'post', '/api/cycles', '{"name":"x","__proto__":{"a":1}}'), 400);
    expect(({} as Record<string, unknown>)['a']).toBeUndefined();
  });

  it('an address with a broken %-encoding answers a 400 in the API’s shape', async () => {
    const bad = await refused(() => w.admin.get('/api/organisations/%ED%A0%80'), 400);
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad).sort()).toEqual(['code', 'message', 'statusCode']);
  });

  it('a body in a format no route takes is a 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const body = await refused(
      () =>
        w.admin.agent
          .post('/api/cycles')
          .set('x-csrf-token', w.admin.csrf)
          .set('content-type', 'application/xml')
          .send('<cycle/>'),
      415,
    );
    expect(body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('unpaired surrogates and NUL characters', () => {
  const LONE = 'Board paper \ud800';

  it('are refused with their field before any validator or the database sees them', async () => {
    await refused(
      () =>
        w.lead.post(`/api/returns/${ret.id}/evidence/links`, {
          title: LONE,
          url: 'https://intranet.example.nhs.uk/a',
        }),
      400,
      'title',
    );
    await refused(
      () => w.admin.patch(`/api/users/${userId}`, { displayName: 'Jo \udc00 Bloggs' }),
      400,
      'displayName',
    );
    await refused(
      () =>
        w.admin.post('/api/cycles', {
          name: '2027\ud800',
          organisationFramework: { frameworkId: w.org.frameworkId, version: w.org.version },
          systemFramework: { frameworkId: w.sys.frameworkId, version: w.sys.version },
          opensOn: '2027-04-01',
          closesOn: '2027-09-30',
          referenceDate: '2027-04-01',
        }),
      400,
      'name',
    );
    // The email validator used to throw "URI malformed".
    const email = await refused(
      () =>
        w.admin.post('/api/users', {
          email: 'jo\ud800@nhs.net',
          displayName: 'Jo',
          roles: [{ role: 'trust-lead', scopeCode: 'RJ1' }],
        }),
      400,
      'email',
    );
    expect(email.errors?.[0]?.messages[0]).toMatch(/broken character/);
    // In a nested field, in a name, and in a query: all with their path.
    await refused(
      () =>
        w.admin.post('/api/users', {
          email: 'a@nhs.net',
          displayName: 'A',
          roles: [{ role: 'trust-lead', scopeCode: 'RJ\udfff' }],
        }),
      400,
      'roles.0.scopeCode',
    );
    await refused(() => w.admin.post('/api/users', { ['\ud800']: 1 }), 400, '\ufffd');
    await refused(() => w.admin.get(`/api/users?q=${encodeURIComponent('a\u0000b')}`), 400, 'q');
  });

  it('a whole character made of a surrogate pair is fine', async () => {
    const res = await w.lead.post(`/api/returns/${ret.id}/evidence/links`, {
      title: '📄 Board paper',
      url: 'https://intranet.example.nhs.uk/b',
    });
    expect(res.status).toBe(201);
    expect((res.body as Evidence).title).toBe('📄 Board paper');
  });

  it('in a multipart title field is a 400 on title', async () => {
    // Multipart text is UTF-8, which cannot carry a lone surrogate (it arrives as U+FFFD); NUL can.
    const upload = (title: string) =>
      w.lead.agent
        .post(`/api/returns/${ret.id}/evidence/files`)
        .set('x-csrf-token', w.lead.csrf)
        .field('title', title)
        .attach('file', PDF, 'paper.pdf');
    await refused(() => upload('a\u0000b'), 400, 'title');
  });
});

describe('nulls, wrong shapes, dates and numbers', () => {
  it('PATCH /api/users/:id with displayName or status null is a 400 with the field', async () => {
    await refused(
      () => w.admin.patch(`/api/users/${userId}`, { displayName: null, status: 'active' }),
      400,
      'displayName',
    );
    await refused(() => w.admin.patch(`/api/users/${userId}`, { status: null }), 400, 'status');
  });

  it('POST /api/users with roles that are not objects is a 400 on roles', async () => {
    const user = (roles: unknown) => ({ email: 'shape@nhs.net', displayName: 'Shape', roles });
    await refused(() => w.admin.post('/api/users', user([[]])), 400, 'roles');
    await refused(() => w.admin.post('/api/users', user([['trust-lead']])), 400, 'roles');
    await refused(() => w.admin.post('/api/users', user([null])), 400, 'roles');
    await refused(() => w.admin.post('/api/users', user(['trust-lead'])), 400, 'roles');
  });

  it('POST /api/cycles with a framework reference that is a list is a 400 on it', async () => {
    const cycle = (organisationFramework: unknown, systemFramework: unknown) => ({
      name: 'Shapes',
      organisationFramework,
      systemFramework,
      opensOn: '2027-04-01',
      closesOn: '2027-09-30',
      referenceDate: '2027-04-01',
    });
    const sys = { frameworkId: w.sys.frameworkId, version: w.sys.version };
    const org = { frameworkId: w.org.frameworkId, version: w.org.version };
    await refused(() => w.admin.post('/api/cycles', cycle([], sys)), 400, 'organisationFramework');
    await refused(() => w.admin.post('/api/cycles', cycle(org, [])), 400, 'systemFramework');
    await refused(() => w.admin.post('/api/cycles', cycle([org], sys)), 400, 'organisationFramework');
    await refused(() => w.admin.post('/api/cycles', cycle('x', sys)), 400, 'organisationFramework');
  });

  it('PATCH /api/cycles/:id with a null date is a 400 on it', async () => {
    const cycles = (await w.admin.get('/api/cycles')).body as { items: { id: string }[] };
    await refused(
      () => w.admin.patch(`/api/cycles/${cycles.items[0]!.id}`, { opensOn: null }),
      400,
      'opensOn',
    );
  });

  it('POST /api/frameworks with a publication date that is not a date is a 400 on publishedOn', async () => {
    for (const publishedOn of ['not-a-date', '2026-13-45', '2026-02-30']) {
      const body = await refused(
        () => w.admin.post('/api/frameworks', { ...w.org, version: 'bad-date', publishedOn }),
        400,
        'publishedOn',
      );
      expect(body.code).toBe('FRAMEWORK_INVALID');
    }
  });

  it('POST /api/imports/:id/matches with matches that are not objects is a 400 on matches', async () => {
    await refused(() => w.admin.post(`/api/imports/${NO_ID}/matches`, { matches: [[]] }), 400, 'matches');
    await refused(() => w.admin.post(`/api/imports/${NO_ID}/matches`, { matches: {} }), 400, 'matches');
  });

  it('an answer with a version number past any integer column is a 400 on baseVersion', async () => {
    const domainId = ret.answers[0]?.domainId ?? `${w.org.domains[0]!.id}`;
    await refused(
      () =>
        w.lead.put(`/api/returns/${ret.id}/answers/${domainId}`, {
          baseVersion: 1e20,
          met: [],
          notApplicable: false,
          noneMet: false,
          comment: '',
          confidence: null,
          evidenceIds: [],
        }),
      400,
      'baseVersion',
    );
  });

  it('an answer without noneMet is a 400 on noneMet (it is never assumed)', async () => {
    const domainId = ret.answers[0]?.domainId ?? `${w.org.domains[0]!.id}`;
    const body = answer([]) as Partial<SaveAnswerRequest>;
    delete body.noneMet;
    const refusal = await refused(
      () => w.lead.put(`/api/returns/${ret.id}/answers/${domainId}`, body),
      400,
      'noneMet',
    );
    expect(refusal.errors?.find((e) => e.field === 'noneMet')?.messages).toEqual([
      'noneMet must be true or false',
    ]);
  });

  it('an assignment with a null measure is a 400 on measure', async () => {
    await refused(
      () => w.lead.put(`/api/returns/${ret.id}/assignments`, { measure: null, userId: NO_ID }),
      400,
      'measure',
    );
  });

  it.each(['/api/organisations', '/api/me/organisations', '/api/users', '/api/audit'])(
    'GET %s with a page past 1,000,000 is a 400 on page',
    async (path) => {
      await refused(() => w.admin.get(`${path}?page=99999999999999999999`), 400, 'page');
      await refused(() => w.admin.get(`${path}?page=1000001`), 400, 'page');
      const last = await w.admin.get(`${path}?page=1000000&pageSize=100`);
      expect(last.status).toBe(200);
      expect((last.body as { items: unknown[] }).items).toEqual([]);
    },
  );
});

describe('malformed multipart', () => {
  const evidencePath = () => `/api/returns/${ret.id}/evidence/files`;
  const longBoundary = 'b'.repeat(5000);
  const cases: [string, string, string][] = [
    ['no boundary', 'multipart/form-data', filePart('XYZ', 'a.pdf', '%PDF-1.7')],
    [
      'a 5,000-character boundary',
      `multipart/form-data; boundary=${longBoundary}`,
      filePart(longBoundary, 'a.pdf', '%PDF'),
    ],
    [
      'a truncated body',
      'multipart/form-data; boundary=XYZ',
      filePart('XYZ', 'a.pdf', '%PDF-1.7 and then nothing'),
    ],
    [
      'a malformed part header',
      'multipart/form-data; boundary=XYZ',
      '--XYZ\r\nnot a header\r\n\r\nx\r\n--XYZ--\r\n',
    ],
  ];

  it.each(cases)('evidence files: %s is a 400 on file', async (_name, contentType, body) => {
    await refused(() => multipart(w.lead, evidencePath(), contentType, body), 400, 'file');
  });

  it.each(cases)('DMA imports: %s is a 400 on file', async (_name, contentType, body) => {
    const withCycle =
      contentType.includes('XYZ') && !body.startsWith('--XYZ\r\nnot')
        ? `--XYZ\r\nContent-Disposition: form-data; name="cycleId"\r\n\r\n${NO_ID}\r\n${body}`
        : body;
    await refused(() => multipart(w.admin, '/api/imports/dma', contentType, withCycle), 400, 'file');
  });

  it('two files, or an empty file input, are 400s on file', async () => {
    await refused(
      () =>
        w.lead.agent
          .post(evidencePath())
          .set('x-csrf-token', w.lead.csrf)
          .attach('file', PDF, 'one.pdf')
          .attach('file', PDF, 'two.pdf'),
      400,
      'file',
    );
    await refused(
      () =>
        multipart(
          w.lead,
          evidencePath(),
          'multipart/form-data; boundary=XYZ',
          '--XYZ\r\nContent-Disposition: form-data; name="file"; filename=""\r\n' +
            'Content-Type: application/octet-stream\r\n\r\n\r\n--XYZ--\r\n',
        ),
      400,
      'file',
    );
  });
});

/** The cookies a signed-in client sends. */
function cookiesOf(client: Client): string {
  const jar = (client.agent as unknown as { jar: { getCookies(a: unknown): { toValueString(): string } } })
    .jar;
  return jar.getCookies(CookieAccessInfo.All).toValueString();
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: ApiError;
}

/**
 * A plain HTTP client: sends `size` bytes of a multipart upload in 64 KB chunks (waiting whenever
 * the socket is full), and reads the answer. It settles once the answer has arrived *and* every
 * byte was sent: a reset connection or a broken pipe on the way (a server that closed the socket
 * with the upload unread) fails it, even after the answer came.
 */
function rawUpload(path: string, headers: Record<string, string>, size: number): Promise<RawAnswer> {
  const server = t.running.app.getHttpServer();
  const { port } = server.address() as AddressInfo;
  const boundary = 'RawBoundary123';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (error: Error) => {
      failed = true;
      reject(error);
    };
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: {
        ...headers,
        connection: 'close',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + size + tail.length),
      },
    });
    req.on('error', fail);
    const answered = new Promise<RawAnswer>((done) => {
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          try {
            done({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiError,
            });
          } catch (error) {
            fail(error as Error);
          }
        });
      });
    });
    const write = (data: Buffer) =>
      new Promise<void>((done) => {
        if (req.write(data)) done();
        else req.once('drain', () => done());
      });
    const sent = (async () => {
      await write(head);
      for (let n = 0; n < size && !failed; n += chunk.length) {
        await write(chunk.subarray(0, Math.min(chunk.length, size - n)));
      }
      await new Promise<void>((done) => req.end(tail, () => done()));
    })();
    void Promise.all([answered, sent]).then(([answer]) => {
      // A reset reported just after the last write still counts.
      setImmediate(() => {
        if (!failed) resolve(answer);
      });
    });
  });
}

describe('uploads refused before they were read answer cleanly', () => {
  let server: ReturnType<TestApp['running']['app']['getHttpServer']>;

  beforeAll(async () => {
    server = t.running.app.getHttpServer();
    if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });

  const SIXTEEN_MB = 16 * 1024 * 1024;

  it('a file over the evidence limit: 413 EVIDENCE_TOO_LARGE arrives whole', async () => {
    const before = await rowCounts();
    const answer = await rawUpload(
      `/api/returns/${ret.id}/evidence/files`,
      { cookie: cookiesOf(w.lead), 'x-csrf-token': w.lead.csrf },
      SIXTEEN_MB,
    );
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('EVIDENCE_TOO_LARGE');
    expect(await rowCounts()).toEqual(before);
  }, 60_000);

  it('a DMA file over 20 MB: 400 on file arrives whole', async () => {
    const answer = await rawUpload(
      '/api/imports/dma',
      { cookie: cookiesOf(w.admin), 'x-csrf-token': w.admin.csrf },
      21 * 1024 * 1024,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.field)).toEqual(['file']);
  }, 60_000);

  it('refused by the guard (signed out, no CSRF token): 401 and 403 arrive whole', async () => {
    const signedOut = await rawUpload(
      `/api/returns/${ret.id}/evidence/files`,
      { cookie: cookiesOf(anon), 'x-csrf-token': anon.csrf },
      SIXTEEN_MB,
    );
    expect(signedOut.status).toBe(401);
    expect(signedOut.body.code).toBe('UNAUTHENTICATED');
    const noToken = await rawUpload(
      `/api/returns/${ret.id}/evidence/files`,
      { cookie: cookiesOf(w.lead) },
      SIXTEEN_MB,
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('CSRF_FAILED');
  }, 60_000);
});

describe('response headers', () => {
  const expectPolicy = (res: supertest.Response) => {
    const policy = String(res.headers['permissions-policy']);
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(policy).toContain(`${feature}=()`);
    }
  };

  it('every API response has Permissions-Policy and Cache-Control: no-store, errors too', async () => {
    for (const res of [
      await w.admin.get('/api/organisations?pageSize=1'),
      await w.admin.get('/api/auth/session'),
      await anon.get('/api/users'),
      await w.admin.get('/api/no-such-route'),
      await rawJson(w.admin, 'post', '/api/cycles', '[[['),
    ]) {
      expectPolicy(res);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('outside the API (the web app) Permissions-Policy is sent too', async () => {
    expectPolicy(await t.http.get('/'));
  });

  it('evidence file and seal downloads are not stored', async () => {
    const fresh = await w.newReturn();
    const base = `/api/returns/${fresh.id}`;
    const added = await w.lead.agent
      .post(`${base}/evidence/files`)
      .set('x-csrf-token', w.lead.csrf)
      .attach('file', PDF, 'paper.pdf');
    expect(added.status).toBe(201);
    const file = await w.lead.agent.get(`${base}/evidence/${(added.body as Evidence).id}/file`).buffer(true);
    expect(file.status).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');

    await answerAll(w.lead, fresh, w.org);
    expect((await w.lead.post(`${base}/ready`)).status).toBe(200);
    expect(
      (await w.board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'H1' })).status,
    ).toBe(201);
    expect((await w.lead.post(`${base}/submit`)).status).toBe(200);
    const seal = await w.lead.get(`${base}/seals/1`);
    expect(seal.status).toBe(200);
    expect(seal.headers['cache-control']).toBe('no-store');
    expectPolicy(seal);
  }, 60_000);
});

describe('an organisation’s team', () => {
  it('is today’s, and so is its check: the lead of a closed ICB does not see it for an earlier date', async () => {
    // RC9 was in BLMK ICB (QHG) until 31 March 2026, then in NHS Central East ICB (S1Y5D).
    const member = await createUser(t, [{ role: 'trust-lead', scopeCode: 'RC9' }]);
    const closedIcsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'QHG' }]);
    const newIcsLead = await clientWith(t, [{ role: 'ics-lead', scopeCode: 'S1Y5D' }]);

    const old = await closedIcsLead.get('/api/organisations/RC9/team?at=2025-06-01');
    expect(old.status).toBe(403);
    expect(JSON.stringify(old.body)).not.toContain(member.email);
    // Their view of the organisation itself on that date is unchanged.
    expect((await closedIcsLead.get('/api/organisations/RC9?at=2025-06-01')).status).toBe(200);

    for (const at of ['', '?at=2025-06-01']) {
      const res = await newIcsLead.get(`/api/organisations/RC9/team${at}`);
      expect(res.status).toBe(200);
      expect((res.body as OrganisationTeam).members.map((m) => m.email)).toContain(member.email);
    }
  });
});

describe('every route, with awkward input', () => {
  const BODIES: unknown[] = [
    [],
    [[]],
    null,
    'text',
    { '\ud800': 1 },
    { page: 1e30, id: [], cycleId: {}, title: null, name: [null], roles: {}, matches: [null] },
  ];
  const QUERY = '?page=1e30&pageSize=-1&at=2025-02-30&q=%00&cycle=x&careSetting[]=a&threshold=1e999';

  it('never answers 5xx (as a national administrator, with real ids in the path)', async () => {
    const admin = await clientWith(t, [{ role: 'national-administrator' }]);
    // Routes that would end this client's session are tried by the anonymous client above instead.
    const skip = new Set(['POST /auth/sign-out', 'POST /auth/refresh', 'GET /auth/oidc/start']);
    const routes = routeDeclarations(t.running.app).filter((r) => !skip.has(`${r.method} ${r.path}`));
    let tried = 0;
    for (const r of routes) {
      const path = `/api${r.path}`
        .replace(':code', 'RJ1')
        .replace(':frameworkId', w.org.frameworkId)
        .replace(':version', w.org.version)
        .replace(':grantId', NO_ID)
        .replace(':evidenceId', NO_ID)
        .replace(':assignmentId', NO_ID)
        .replace(':domainId', w.org.domains[0]!.id)
        .replace(':revision', '99999999999')
        .replace(':token', 'x'.repeat(30))
        .replace(
          ':id',
          r.path.startsWith('/returns') ? ret.id : r.path.startsWith('/users') ? userId : NO_ID,
        );
      const method = r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const sends =
        method === 'get' || method === 'delete'
          ? [() => admin.agent[method](`${path}${QUERY}`).set('x-csrf-token', admin.csrf)]
          : BODIES.map(
              (body) => () =>
                admin.agent[method](`${path}${QUERY}`)
                  .set('x-csrf-token', admin.csrf)
                  .set('content-type', 'application/json')
                  .send(JSON.stringify(body)),
            );
      for (const send of sends) {
        const res = await send();
        tried += 1;
        expect({ route: `${r.method} ${r.path}`, status: res.status < 500 ? 'not 5xx' : res.status }).toEqual(
          {
            route: `${r.method} ${r.path}`,
            status: 'not 5xx',
          },
        );
      }
    }
    expect(tried).toBeGreaterThan(150);
  }, 120_000);
});
