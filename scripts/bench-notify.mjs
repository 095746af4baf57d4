// npm run bench:notify: queues MESSAGES e-mails (default 10,000) in one transaction, as one event with
// that many recipients, and lets the API's workers send them to an SMTP server started here. Prints the
// queueing time, the delivery rate, and that every e-mail arrived exactly once (by Message-ID): none
// duplicated, none lost. On DATABASE_URL when set (use a database of its own), otherwise embedded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { createApp } from '../apps/api/dist/app.factory.js';
import { loadConfig } from '../apps/api/dist/config/app-config.js';
import { NotificationsService } from '../apps/api/dist/modules/notifications/notifications.service.js';

const MESSAGES = Number(process.env.MESSAGES ?? 10_000);
const CONCURRENCY = Number(process.env.MAIL_CONCURRENCY ?? 8);

// The test SMTP server: reads each message and keeps its Message-ID (no full parse, so the server
// costs little next to the API in this one process).
const received = new Map();
let accepted = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk) => {
      if (head.length < 8192) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? '(none)';
      received.set(id, (received.get(id) ?? 0) + 1);
      accepted += 1;
      callback();
    });
  },
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${server.server.address().port}`;

const dataDir = mkdtempSync(join(tmpdir(), 'wgll-bench-'));
const defaults = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const config = {
  ...defaults,
  dataDir,
  seedDemo: false,
  seedPublishedResults: false,
  mail: { ...defaults.mail, transport: 'smtp', smtpUrl, notify: undefined, concurrency: CONCURRENCY },
};
const running = await createApp(config);
const db = running.app.get(DataSource);
const service = running.app.get(NotificationsService);
const mode = running.database.mode;

try {
  const run = `${Date.now().toString(36)}`;
  const people = await db.query(
    `INSERT INTO app_user (email, display_name, status)
     SELECT 'bench-' || $1 || '-' || n || '@bench.wgll.example', 'Bench person ' || n, 'active'
     FROM generate_series(1, $2::int) AS n RETURNING id, email, display_name`,
    [run, MESSAGES],
  );
  const recipients = people.map((p) => ({ userId: p.id, email: p.email, displayName: p.display_name }));
  const content = {
    subject: 'The bench return has been submitted',
    summary: 'Someone has submitted the bench return. It is sealed and can no longer change.',
    details: ['Its scores now count in the results.'],
    action: { href: '/returns/00000000-0000-4000-8000-000000000000', label: 'See the submitted return' },
  };
  const queuedAt = Date.now();
  const written = await db.transaction((manager) =>
    service.notify(manager, { kind: 'return-sealed', key: `bench:${run}`, recipients, content }),
  );
  const queueMs = Date.now() - queuedAt;
  // The same event again: nothing more is queued.
  const again = await db.transaction((manager) =>
    service.notify(manager, { kind: 'return-sealed', key: `bench:${run}`, recipients, content }),
  );
  const ids = (
    await db.query(`SELECT d.id FROM email_delivery d JOIN notice n ON n.id = d.notice_id WHERE n.key = $1`, [
      `bench:${run}`,
    ])
  ).map((r) => `<${r.id}@notifications.wgll>`);
  const started = Date.now();
  const deadline = started + 30 * 60_000;
  let lastPrint = started;
  while (accepted < ids.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (Date.now() - lastPrint > 5000) {
      lastPrint = Date.now();
      process.stdout.write(`  … ${accepted} received\n`);
    }
  }
  // Wait for the last rows to be marked sent.
  let unsent = 1;
  while (unsent > 0 && Date.now() < deadline) {
    [{ unsent }] = await db.query(
      `SELECT count(*)::int AS unsent FROM email_delivery d JOIN notice n ON n.id = d.notice_id
       WHERE n.key = $1 AND d.status <> 'sent'`,
      [`bench:${run}`],
    );
    if (unsent > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (Date.now() - started) / 1000;
  const duplicated = [...received.values()].filter((n) => n > 1).length;
  const lost = ids.filter((id) => !received.has(id)).length;
  const stray = [...received.keys()].filter((id) => !ids.includes(id)).length;
  process.stdout.write(
    `\nbench:notify (${mode} database, MAIL_CONCURRENCY=${CONCURRENCY})\n` +
      `  queued:     ${written} notices and ${ids.length} e-mails in one transaction in ${queueMs} ms; the same event again queued ${again}\n` +
      `  delivered:  ${accepted} e-mails in ${seconds.toFixed(1)} s = ${(accepted / seconds).toFixed(0)} e-mails/s to the test SMTP server\n` +
      `  duplicated: ${duplicated}   lost: ${lost}   unexpected: ${stray}   left unsent: ${unsent}\n`,
  );
  if (duplicated || lost || stray || unsent || accepted !== ids.length) process.exitCode = 1;
} finally {
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
}
