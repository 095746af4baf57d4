import { randomUUID } from 'node:crypto';
import type { AuditEvent, AuditList, Role, SessionInfo } from '@wgll/contracts';
import supertest from 'supertest';
import { hashPassword } from '../../../src/common/secrets.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let passwordHash: Promise<string> | undefined;

type Agent = ReturnType<typeof supertest.agent>;

/** A browser-like client: keeps cookies and sends the CSRF token on writes. */
export interface Client {
  agent: Agent;
  csrf: string;
  get(path: string): supertest.Test;
  post(path: string, body?: object): supertest.Test;
  patch(path: string, body?: object): supertest.Test;
  put(path: string, body?: object): supertest.Test;
  delete(path: string): supertest.Test;
}

export async function anonymousClient(t: TestApp): Promise<Client> {
  const agent = supertest.agent(t.running.app.getHttpServer());
  const session = (await agent.get('/api/auth/session').expect(200)).body as SessionInfo;
  const client: Client = {
    agent,
    csrf: session.csrfToken,
    get: (path) => agent.get(path),
    post: (path, body) =>
      agent
        .post(path)
        .set('x-csrf-token', client.csrf)
        .send(body ?? {}),
    patch: (path, body) =>
      agent
        .patch(path)
        .set('x-csrf-token', client.csrf)
        .send(body ?? {}),
    put: (path, body) =>
      agent
        .put(path)
        .set('x-csrf-token', client.csrf)
        .send(body ?? {}),
    delete: (path) => agent.delete(path).set('x-csrf-token', client.csrf),
  };
  return client;
}

/** The value of a signed-in client's access cookie, to replay it as a thief would. */
export function accessTokenOf(client: Client): string | undefined {
  return client.agent.jar.getCookie('wgll_access', {
    domain: '127.0.0.1',
    path: '/',
    secure: false,
    script: false,
  })?.value;
}

export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Client> {
  const client = await anonymousClient(t);
  const res = await client.post('/api/auth/sign-in', { email, password });
  if (res.status !== 200)
    throw new Error(`Sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}

export interface TestUser {
  id: string;
  email: string;
}

/** An active user with these roles, written straight to the database (a factory, not the API). */
export async function createUser(
  t: TestApp,
  grants: { role: Role; scopeCode?: string | null }[],
  options: { status?: 'active' | 'invited' | 'disabled'; email?: string } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `user-${randomUUID()}@test.wgll.example`;
  const dataSource = t.dataSource;
  const [{ id }] = await dataSource.query<[{ id: string }]>(
    `INSERT INTO app_user (email, display_name, password_hash, status) VALUES ($1, $2, $3, $4) RETURNING id`,
    [
      email,
      `Test ${grants.map((g) => g.role).join(' + ') || 'no role'}`,
      await passwordHash,
      options.status ?? 'active',
    ],
  );
  for (const grant of grants) {
    await dataSource.query('INSERT INTO role_assignment (user_id, role, scope_code) VALUES ($1, $2, $3)', [
      id,
      grant.role,
      grant.scopeCode ?? null,
    ]);
  }
  return { id, email };
}

/** Creates a user with these roles and signs them in. */
export async function clientWith(
  t: TestApp,
  grants: { role: Role; scopeCode?: string | null }[],
): Promise<Client> {
  const user = await createUser(t, grants);
  return signIn(t, user.email);
}

/** The audit entries of one action whose actor is labelled `label` (the email typed at sign-in), newest first. */
export async function auditOf(admin: Client, action: string, label: string): Promise<AuditEvent[]> {
  const res = await admin.get(`/api/audit?action=${action}&pageSize=100`).expect(200);
  return (res.body as AuditList).items.filter((e) => e.actor?.label === label);
}
