import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EmailDeliveryList } from '@wgll/contracts';
import { loadConfig } from '../../src/config/app-config.js';
import { type Client, clientWith } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 20: GOV.UK Notify, with a double of its HTTP API (only the HTTP level is stood in for: the real
 * notifications-node-client signs and sends each request). Failures are retried with back-off, and a
 * refusal fails at once and shows to administrators.
 */
const SERVICE_ID = '11111111-2222-4333-8444-555555555555';
const KEY_SECRET = '66666666-7777-4888-8999-aaaaaaaaaaaa';
const TEMPLATE_ID = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';

interface NotifyRequest {
  path: string;
  authorization: string;
  body: {
    template_id: string;
    email_address: string;
    personalisation: { subject: string; body: string };
    reference: string;
    one_click_unsubscribe_url?: string;
  };
}

let t: TestApp;
let admin: Client;
let server: Server;
const requests: NotifyRequest[] = [];
/** What the double answers for an address: 201 by default. */
const answers = new Map<string, number[]>();

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request) text += String(chunk);
  return text;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const body = JSON.parse(text) as NotifyRequest['body'];
      requests.push({ path: request.url ?? '', authorization: request.headers.authorization ?? '', body });
      const status = answers.get(body.email_address)?.shift() ?? 201;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          status === 201
            ? { id: crypto.randomUUID(), reference: body.reference, content: {}, uri: '', template: {} }
            : { status_code: status, errors: [{ error: 'BadRequestError', message: `Refused (${status})` }] },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const defaults = loadConfig({});
  t = await startTestApp({
    config: {
      mail: {
        ...defaults.mail,
        transport: 'notify',
        notify: {
          apiKey: `wgll_test-${SERVICE_ID}-${KEY_SECRET}`,
          templateId: TEMPLATE_ID,
          baseUrl: `http://127.0.0.1:${port}`,
        },
        retrySeconds: 1,
        maxAttempts: 3,
      },
    },
  });
  admin = await clientWith(t, [{ role: 'national-administrator' }]);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function invite(answer: number[]): Promise<string> {
  const email = `notify-${crypto.randomUUID()}@test.wgll.example`;
  answers.set(email, answer);
  await admin
    .post('/api/users', {
      email,
      displayName: 'Nina Notify',
      roles: [{ role: 'trust-contributor', scopeCode: 'RJ1' }],
    })
    .expect(201);
  return email;
}

async function waitFor(check: () => Promise<boolean> | boolean, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function statusOf(email: string) {
  const [row] = await t.dataSource.query<{ status: string; attempts: number; last_error: string | null }[]>(
    'SELECT status, attempts, last_error FROM email_delivery WHERE to_address = $1',
    [email],
  );
  return row;
}

describe('GOV.UK Notify', () => {
  it('sends through the generic template, signed with the API key, with the delivery as reference', async () => {
    const email = await invite([]);
    await waitFor(() => requests.some((r) => r.body.email_address === email));
    const sent = requests.find((r) => r.body.email_address === email)!;
    expect(sent.path).toBe('/v2/notifications/email');
    expect(sent.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = JSON.parse(Buffer.from(sent.authorization.split('.')[1]!, 'base64url').toString()) as {
      iss: string;
    };
    expect(claims.iss).toBe(SERVICE_ID);
    expect(sent.body.template_id).toBe(TEMPLATE_ID);
    expect(sent.body.personalisation.subject).toBe('Set up your account for What Good Looks Like');
    expect(sent.body.personalisation.body).toContain('Set up your account: http');
    await waitFor(async () => (await statusOf(email))?.status === 'sent');
    const [row] = await t.dataSource.query<{ id: string; provider_id: string }[]>(
      'SELECT id, provider_id FROM email_delivery WHERE to_address = $1',
      [email],
    );
    expect(sent.body.reference).toBe(row!.id);
    expect(row!.provider_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a 500 is retried with back-off until it goes; a 400 fails at once and shows to administrators', async () => {
    const flaky = await invite([500, 503]);
    const refused = await invite([400]);
    await waitFor(async () => (await statusOf(flaky))?.status === 'sent');
    expect((await statusOf(flaky))!.attempts).toBe(3);
    expect(requests.filter((r) => r.body.email_address === flaky)).toHaveLength(3);
    await waitFor(async () => (await statusOf(refused))?.status === 'failed');
    expect((await statusOf(refused))!.attempts).toBe(1);
    const failed = (await admin.get('/api/notifications/deliveries?status=failed&pageSize=100').expect(200))
      .body as EmailDeliveryList;
    const shown = failed.items.find((d) => d.to === refused)!;
    expect(shown.lastError).toContain('Refused (400)');
    expect(failed.transport).toBe('notify');
    // Sent again on request: the double now accepts it.
    await admin.post(`/api/notifications/deliveries/${shown.id}/retry`).expect(200);
    await waitFor(async () => (await statusOf(refused))?.status === 'sent');
    expect(requests.filter((r) => r.body.email_address === refused)).toHaveLength(2);
  });
});
