import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  EmailDelivery,
  EmailDeliveryList,
  EmailDeliveryQuery,
  Notice,
  NoticeList,
  NotificationKind,
  NotificationPreferences,
  SaveNotificationPreferences,
  UnsubscribeInfo,
} from '@wgll/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AUTH_SECRET } from '../../app.tokens.js';
import { ApiException, NotFoundApiException } from '../../common/api-exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { afterCommit } from '../../database/after-commit.js';
import { PeopleRepository } from '../users/people.repository.js';
import { DeliveryWorker } from './delivery-worker.js';
import { EmailDeliveryEntity } from './entities/email-delivery.entity.js';
import { NoticeEntity } from './entities/notice.entity.js';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity.js';
import { NOTIFICATION_KINDS, OPTIONAL_KINDS } from './notification-kinds.js';
import { type MessageContent, render } from './templates.js';
import { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token.js';

export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
}

/** One event to tell people about. */
export interface Notification {
  kind: NotificationKind;
  /**
   * The event's idempotency key (e.g. the audit entry's id): with the kind and the person, at most one
   * notice and one e-mail exist, however often the event is notified.
   */
  key: string;
  recipients: Recipient[];
  content: MessageContent;
  /** The body holds a secret (an invitation link): kept only until the e-mail is sent. */
  secret?: boolean;
}

/** Rows written per statement, so a large event stays within PostgreSQL's parameter limits. */
const CHUNK = 1000;

/** In-app notices, e-mail preferences and unsubscribing, and the e-mail queue administrators read. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUTH_SECRET) private readonly secret: string,
    private readonly worker: DeliveryWorker,
    private readonly people: PeopleRepository,
  ) {}

  /** The people who have the notice of this kind and key already (reminders skip the work of telling them again). */
  async told(kind: NotificationKind, key: string): Promise<Set<string>> {
    const rows = await this.dataSource.query<{ user_id: string }[]>(
      'SELECT user_id FROM notice WHERE kind = $1 AND key = $2',
      [kind, key],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /**
   * Records a notice for each recipient and queues their e-mail (unless they turned this kind off),
   * in the caller's transaction: both exist if and only if the change commits. Returns the number of
   * notices written (0 when the event was already notified).
   */
  async notify(manager: EntityManager, notification: Notification): Promise<number> {
    const { kind, key, content } = notification;
    const recipients = [...new Map(notification.recipients.map((r) => [r.userId, r])).values()];
    if (recipients.length === 0) return 0;
    const link = content.action?.href ?? null;
    let written = 0;
    for (let i = 0; i < recipients.length; i += CHUNK) {
      const chunk = recipients.slice(i, i + CHUNK);
      const inserted = await manager.query<{ id: string; user_id: string }[]>(
        `INSERT INTO notice (user_id, kind, key, subject, summary, link)
         SELECT u, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS u
         ON CONFLICT (kind, key, user_id) DO NOTHING
         RETURNING id, user_id`,
        [
          chunk.map((r) => r.userId),
          kind,
          key,
          content.subject,
          content.summary,
          link?.startsWith('/') ? link : null,
        ],
      );
      written += inserted.length;
      if (inserted.length === 0) continue;
      const optedOut = NOTIFICATION_KINDS[kind].optional
        ? new Set(
            (
              await manager.query<{ user_id: string }[]>(
                `SELECT user_id FROM notification_preference
                 WHERE kind = $1 AND NOT email AND user_id = ANY($2::uuid[])`,
                [kind, inserted.map((n) => n.user_id)],
              )
            ).map((row) => row.user_id),
          )
        : new Set<string>();
      const byUser = new Map(chunk.map((r) => [r.userId, r]));
      const mails = inserted
        .filter((n) => !optedOut.has(n.user_id))
        .map((n) => {
          const person = byUser.get(n.user_id)!;
          const token = NOTIFICATION_KINDS[kind].optional
            ? unsubscribeToken(this.secret, n.user_id, kind)
            : null;
          const publicUrl = this.config.auth.publicUrl;
          // The e-mail's link opens a page that confirms; mail programs POST to the API's address (RFC 8058).
          const page = token ? `${publicUrl}/unsubscribe?token=${token}` : null;
          const mail = render(content, person.displayName, publicUrl, page);
          const oneClick = token ? `${publicUrl}/api/notifications/unsubscribe?token=${token}` : null;
          return { noticeId: n.id, to: person.email, ...mail, unsubscribeUrl: oneClick };
        });
      if (mails.length === 0) continue;
      await manager.query(
        `INSERT INTO email_delivery (notice_id, kind, to_address, subject, text_body, html_body, unsubscribe_url, secret, status)
         SELECT m.notice_id, $6, m.to_address, $7, m.text_body, m.html_body, m.unsubscribe_url, $8, $9
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
           AS m(notice_id, to_address, text_body, html_body, unsubscribe_url)`,
        [
          mails.map((m) => m.noticeId),
          mails.map((m) => m.to),
          mails.map((m) => m.text),
          mails.map((m) => m.html),
          mails.map((m) => m.unsubscribeUrl),
          kind,
          content.subject,
          notification.secret ?? false,
          this.config.mail.transport === 'outbox' ? 'outbox' : 'queued',
        ],
      );
    }
    if (written > 0 && manager.queryRunner?.isTransactionActive)
      afterCommit(manager, () => this.worker.wake());
    return written;
  }

  async recent(userId: string): Promise<NoticeList> {
    const rows = await this.dataSource.getRepository(NoticeEntity).find({
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 50,
    });
    const [counted] = await this.dataSource.query<{ unread: number }[]>(
      `SELECT count(*)::int AS unread FROM notice WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return { items: rows.map(toNotice), unread: counted?.unread ?? 0 };
  }

  async markRead(userId: string, ids: string[] | undefined): Promise<NoticeList> {
    await this.dataSource.query(
      `UPDATE notice SET read_at = now()
       WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids ?? null],
    );
    return this.recent(userId);
  }

  async preferences(userId: string): Promise<NotificationPreferences> {
    const rows = await this.dataSource.getRepository(NotificationPreferenceEntity).findBy({ userId });
    const off = new Set(rows.filter((r) => !r.email).map((r) => r.kind));
    return {
      items: OPTIONAL_KINDS.map((kind) => ({
        kind,
        label: NOTIFICATION_KINDS[kind].label,
        email: !off.has(kind),
      })),
    };
  }

  async savePreferences(
    userId: string,
    input: SaveNotificationPreferences,
  ): Promise<NotificationPreferences> {
    await this.dataSource.transaction(async (manager) => {
      for (const item of input.items) await this.setEmail(manager, userId, item.kind, item.email);
    });
    return this.preferences(userId);
  }

  async unsubscribeInfo(token: string): Promise<UnsubscribeInfo> {
    const { userId, kind } = this.readToken(token);
    const person = (await this.people.byIds([userId])).get(userId);
    if (!person) {
      throw new NotFoundApiException(
        'NOT_FOUND',
        'This unsubscribe link is for an account that no longer exists.',
      );
    }
    const [pref] = await this.dataSource.query<{ email: boolean }[]>(
      `SELECT email FROM notification_preference WHERE user_id = $1 AND kind = $2`,
      [userId, kind],
    );
    return {
      kind,
      label: NOTIFICATION_KINDS[kind].label,
      email: maskEmail(person.email),
      subscribed: pref?.email ?? true,
    };
  }

  /** One click: turns off e-mail of the token's kind for the token's person. Idempotent. */
  async unsubscribe(token: string): Promise<UnsubscribeInfo> {
    const { userId, kind } = this.readToken(token);
    await this.dataSource.transaction((manager) => this.setEmail(manager, userId, kind, false));
    return this.unsubscribeInfo(token);
  }

  async deliveries(query: EmailDeliveryQuery): Promise<EmailDeliveryList> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const [rows, total] = await this.dataSource.getRepository(EmailDeliveryEntity).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toDelivery), total, page, pageSize, transport: this.config.mail.transport };
  }

  /** Sends a failed delivery again (or an outbox message, once a mail service is configured). */
  async retry(id: string): Promise<EmailDelivery> {
    const repo = this.dataSource.getRepository(EmailDeliveryEntity);
    const found = await repo.findOneBy({ id });
    if (!found) throw new NotFoundApiException('NOT_FOUND', 'There is no such e-mail.');
    const retryable =
      found.status === 'failed' || (found.status === 'outbox' && this.config.mail.transport !== 'outbox');
    if (!retryable) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'DELIVERY_NOT_RETRYABLE',
        found.status === 'outbox'
          ? 'No mail service is configured, so this message stays in the outbox.'
          : `This e-mail is ${found.status}: only a failed one can be sent again.`,
      );
    }
    await this.dataSource.query(
      `UPDATE email_delivery SET status = 'queued', attempts = 0, next_attempt_at = now(), locked_until = NULL
       WHERE id = $1 AND status IN ('failed', 'outbox')`,
      [id],
    );
    this.worker.wake();
    return toDelivery(await repo.findOneByOrFail({ id }));
  }

  private readToken(token: string): { userId: string; kind: NotificationKind } {
    const read = readUnsubscribeToken(this.secret, token);
    if (!read || !NOTIFICATION_KINDS[read.kind].optional) {
      throw new ApiException(
        HttpStatus.BAD_REQUEST,
        'UNSUBSCRIBE_INVALID',
        'This unsubscribe link is not valid. Copy the whole link from the e-mail, or sign in and change your e-mail settings.',
        [{ field: 'token', messages: ['This unsubscribe link is not valid'] }],
      );
    }
    return read;
  }

  private async setEmail(manager: EntityManager, userId: string, kind: NotificationKind, email: boolean) {
    await manager.query(
      `INSERT INTO notification_preference (user_id, kind, email) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`,
      [userId, kind, email],
    );
  }
}

function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}…@${domain}`;
}

function toNotice(row: NoticeEntity): Notice {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    summary: row.summary,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

function toDelivery(row: EmailDeliveryEntity): EmailDelivery {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to,
    subject: row.subject,
    text: row.text,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    providerId: row.providerId,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    nextAttemptAt: row.status === 'queued' ? row.nextAttemptAt.toISOString() : null,
  };
}
