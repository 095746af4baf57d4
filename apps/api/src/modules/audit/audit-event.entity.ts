import type { AuditAction } from '@wgll/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what, when and from where. Append-only (a trigger refuses updates and deletes). */
@Entity({ name: 'audit_event' })
@Index('audit_event_actor', ['actorId', 'occurredAt'])
@Index('audit_event_target', ['targetType', 'targetId'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Index('audit_event_occurred_at')
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  /** The actor's email at the time (or the email typed, for a failed sign-in). */
  @Column({ name: 'actor_label', type: 'varchar', length: 254, nullable: true })
  actorLabel: string | null;

  @Column({ type: 'varchar', length: 40 })
  action: AuditAction;

  @Column({ name: 'target_type', type: 'varchar', length: 30, nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 100, nullable: true })
  targetId: string | null;

  @Column({ name: 'target_label', type: 'varchar', length: 254, nullable: true })
  targetLabel: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: object;
}
