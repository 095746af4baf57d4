/**
 * `kill -9` while a batch of e-mail is being sent (issue 20), in both database modes. The demo world
 * written at start queues its workflow e-mails; the test's SMTP server accepts the first ones, then
 * holds every message it is given without answering, so each of the API's sending loops is waiting on
 * the server when the process is killed. Those messages were never accepted (no `250` reply), so after
 * the restart — once their lease runs out — they are sent again. Every e-mail the database holds must
 * then have reached the server exactly once (counted by Message-ID), and none may be left unsent.
 */
import { type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { EmailDeliveryList } from '@wgll/contracts';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { type ApiProcess, type DatabaseMode, newStore, startApi } from './support/api-process.js';
import { RawClient } from './support/raw-http.js';

const DEMO_PASSWORD = 'wgll-demo-2026';
const CONCURRENCY = 4;
const ACCEPTED_BEFORE_KILL = 20;
const counts: string[] = [];

afterAll(() => {
  process.stdout.write(`\nE-mail after kill -9:\n${counts.map((c) => `  ${c}`).join('\n')}\n`);
});

/** An SMTP server that accepts messages until `hold()`, then keeps each one waiting until `release()`. */
async function gatedMailServer() {
  const accepted: string[] = [];
  let holding = false;
  let held = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      void simpleParser(stream).then((mail) => {
        if (holding) {
          held += 1;
          // Never answered: its sender is killed while it waits, so the message was never accepted.
          return;
        }
        accepted.push(mail.messageId ?? '(none)');
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    held: () => held,
    hold: () => (holding = true),
    /** Stops holding: later messages are accepted (those held stay unanswered: their sender died). */
    release: () => (holding = false),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitUntil(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function deliveries(client: RawClient): Promise<EmailDeliveryList['items']> {
  const all: EmailDeliveryList['items'] = [];
  for (let page = 1; ; page += 1) {
    const res = await client.send({
      method: 'GET',
      path: `/api/notifications/deliveries?pageSize=100&page=${page}`,
    });
    if (res.status !== 200) throw new Error(`deliveries: ${res.status} ${res.text}`);
    const list = res.json as EmailDeliveryList;
    all.push(...list.items);
    if (page * 100 >= list.total) return all;
  }
}

async function crashWhileSending(mode: DatabaseMode): Promise<void> {
  const mail = await gatedMailServer();
  const store = await newStore(mode);
  Object.assign(store.env, {
    SMTP_URL: mail.url,
    MAIL_FROM: 'WGLL <wgll@test.example>',
    MAIL_CONCURRENCY: String(CONCURRENCY),
    MAIL_LEASE_SECONDS: '5',
    MAIL_RETRY_SECONDS: '1',
  });
  let api: ApiProcess | undefined;
  try {
    // Accept the first messages, then hold: each sending loop ends up waiting on the server.
    const accepting = setInterval(() => {
      if (mail.accepted.length >= ACCEPTED_BEFORE_KILL) mail.hold();
    }, 5);
    api = await startApi(store, 300_000);
    await waitUntil(() => mail.accepted.length >= ACCEPTED_BEFORE_KILL, 120_000, 'the first e-mails');
    clearInterval(accepting);
    mail.hold();
    await waitUntil(() => mail.held() >= CONCURRENCY, 120_000, 'every sending loop to be waiting');
    const before = mail.accepted.length;
    await api.kill();
    mail.release();

    api = await startApi(store, 300_000);
    const admin = await new RawClient(Number(new URL(api.baseUrl).port)).signIn(
      'admin@demo.wgll.example',
      DEMO_PASSWORD,
    );
    let rows = await deliveries(admin);
    await waitUntil(
      async () => {
        rows = await deliveries(admin);
        // Settled: every row done, and as many distinct messages received as rows (a reminder run may add rows).
        return (
          rows.length > 0 &&
          rows.every((d) => d.status === 'sent' || d.status === 'failed') &&
          new Set(mail.accepted).size >= rows.length
        );
      },
      180_000,
      'every e-mail to be sent',
    );
    expect(rows.filter((d) => d.status !== 'sent')).toEqual([]);
    // Each delivery reached the server once, by its Message-ID; nothing else arrived.
    const expected = rows.map((d) => `<${d.id}@notifications.wgll>`).sort();
    const times = new Map<string, number>();
    for (const id of mail.accepted) times.set(id, (times.get(id) ?? 0) + 1);
    const repeated = [...times].filter(([, n]) => n > 1);
    expect(repeated).toEqual([]);
    expect([...times.keys()].sort()).toEqual(expected);
    counts.push(
      `${mode}: ${before} e-mails accepted before the kill, ${mail.held()} in flight at the kill, ` +
        `${rows.length} in all: each received once, none lost`,
    );
  } finally {
    await api?.stop();
    await store.dispose();
    await mail.close();
  }
}

describe('kill -9 while e-mail is being sent', () => {
  (process.env['DATABASE_URL'] ? it : it.skip)(
    'delivers every e-mail exactly once on PostgreSQL',
    async () => {
      await crashWhileSending('postgres');
    },
    900_000,
  );

  it('delivers every e-mail exactly once on the embedded database', async () => {
    await crashWhileSending('embedded');
  }, 900_000);
});
