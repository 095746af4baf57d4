import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../app.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import {
  createTransport,
  type MailTransport,
  type OutgoingMail,
  PermanentMailError,
} from './mail-transport.js';

/** How often an idle worker looks for due messages (a commit that queues one wakes it at once). */
const POLL_MS = 1000;

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  unsubscribe_url: string | null;
  attempts: number;
}

/**
 * Sends queued e-mail. The email_delivery table is the queue: MAIL_CONCURRENCY loops per process each
 * claim one due row (FOR UPDATE SKIP LOCKED, so processes never take the same one) with a lease, send
 * it, and mark it sent, or due again later with exponential back-off, or failed after the last attempt.
 * A row whose lease ran out (its process died mid-send) is due again. Every statement is a single
 * autocommitted query, so a worker never holds the connection while it talks to the mail service.
 */
@Injectable()
export class DeliveryWorker implements BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  private transport: MailTransport | null = null;
  private running = false;
  private loops: Promise<void>[] = [];
  private waiters: Array<() => void> = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts the loops (app.factory.ts, once migrations have run); nothing to do with the outbox. */
  start(): void {
    if (this.running) return;
    this.transport = createTransport(this.config.mail);
    if (!this.transport) return;
    this.running = true;
    this.loops = Array.from({ length: this.config.mail.concurrency }, () => this.loop());
    this.logger.log('Sending e-mail', {
      transport: this.config.mail.transport,
      concurrency: this.config.mail.concurrency,
    });
  }

  /** Something was queued (or retried): idle loops look now rather than at their next poll. */
  wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake();
    // A message being sent finishes (or its lease runs out and another process sends it).
    await Promise.all(this.loops);
    this.transport?.close();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let claimed: Claimed | undefined;
      try {
        claimed = await this.claim();
      } catch (error) {
        if (!this.running) return;
        this.logger.error('Could not read the e-mail queue', { error: String(error) });
      }
      if (!claimed) {
        await this.idle();
        continue;
      }
      await this.deliver(claimed);
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve();
      }, POLL_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
    });
  }

  private async claim(): Promise<Claimed | undefined> {
    const [rows] = await this.dataSource.query<[Claimed[], number]>(
      `UPDATE email_delivery SET status = 'sending', attempts = attempts + 1,
         locked_until = now() + make_interval(secs => $1)
       WHERE id = (
         SELECT id FROM email_delivery
         WHERE (status = 'queued' AND next_attempt_at <= now()) OR (status = 'sending' AND locked_until < now())
         ORDER BY next_attempt_at, id LIMIT 1
         FOR UPDATE SKIP LOCKED)
       RETURNING id, to_address, subject, text_body, html_body, unsubscribe_url, attempts`,
      [this.config.mail.leaseSeconds],
    );
    return rows[0];
  }

  private async deliver(row: Claimed): Promise<void> {
    const mail: OutgoingMail = {
      id: row.id,
      to: row.to_address,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      unsubscribeUrl: row.unsubscribe_url,
    };
    try {
      const { providerId } = await this.transport!.send(mail);
      await this.dataSource.query(
        `UPDATE email_delivery SET status = 'sent', sent_at = now(), locked_until = NULL, last_error = NULL,
           provider_id = $2,
           text_body = CASE WHEN secret THEN '(Removed once sent: it held a secret link.)' ELSE text_body END,
           html_body = CASE WHEN secret THEN '' ELSE html_body END
         WHERE id = $1 AND status = 'sending'`,
        [row.id, providerId],
      );
    } catch (error) {
      const permanent = error instanceof PermanentMailError;
      const last = permanent || row.attempts >= this.config.mail.maxAttempts;
      const message = String((error as Error).message ?? error).slice(0, 2000);
      this.logger.warn(last ? 'E-mail failed' : 'E-mail will be retried', {
        delivery: row.id,
        attempts: row.attempts,
        error: message,
      });
      await this.dataSource
        .query(
          `UPDATE email_delivery SET status = $2, last_error = $3, locked_until = NULL,
             next_attempt_at = now() + make_interval(secs => $4)
           WHERE id = $1 AND status = 'sending'`,
          [
            row.id,
            last ? 'failed' : 'queued',
            message,
            this.config.mail.retrySeconds * 2 ** (row.attempts - 1),
          ],
        )
        .catch((e: unknown) => this.logger.error('Could not record a failed e-mail', { error: String(e) }));
    }
  }
}
