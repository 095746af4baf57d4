import type { NotificationKind } from '@wgll/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity.js';

/**
 * An in-app notice: one row per person per event. Unique on kind, idempotency key and person, so an
 * event recorded twice (a retry, a restart) never notifies anyone twice.
 */
@Entity({ name: 'notice' })
@Index('notice_once', ['kind', 'key', 'userId'], { unique: true })
@Index('notice_user_created', ['userId', 'createdAt'])
export class NoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  /** The event's idempotency key, e.g. `return:<id>:revision:2`. */
  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  summary: string;

  /** A path in the web app, e.g. /returns/<id>/approval. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
