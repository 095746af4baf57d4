import type { DeliveryStatus, NotificationKind } from '@wgll/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { NoticeEntity } from './notice.entity.js';

/**
 * An e-mail to send for a notice: the queue itself (workers claim rows with FOR UPDATE SKIP LOCKED), and
 * what administrators read: the outbox when no mail service is configured, and failed deliveries.
 */
@Entity({ name: 'email_delivery' })
@Index('email_delivery_due', ['status', 'nextAttemptAt'])
export class EmailDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @OneToOne(() => NoticeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notice_id' })
  notice?: NoticeEntity;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ name: 'to_address', type: 'varchar', length: 320 })
  to: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ name: 'text_body', type: 'text' })
  text: string;

  @Column({ name: 'html_body', type: 'text' })
  html: string;

  /** The one-click unsubscribe address (List-Unsubscribe); null for mail nobody can turn off (invitations). */
  @Column({ name: 'unsubscribe_url', type: 'varchar', length: 1000, nullable: true })
  unsubscribeUrl: string | null;

  /** The body holds a secret (an invitation link): emptied once sent. */
  @Column({ type: 'boolean', default: false })
  secret: boolean;

  @Column({ type: 'varchar', length: 10 })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** While `sending`: when another worker may take the row over (its worker stopped). */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** The mail server's queue id or Notify's notification id. */
  @Column({ name: 'provider_id', type: 'varchar', length: 200, nullable: true })
  providerId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
