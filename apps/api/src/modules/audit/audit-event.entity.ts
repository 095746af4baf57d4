import type { AuditAction } from '@wgll/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what, when and from where. Append-only: a trigger refuses deletes, and updates other than
 * linking an unchained row into the hash chain once (see audit-chain.ts).
 */
@Entity({ name: 'audit_event' })
@Index('audit_event_actor', ['actorId', 'occurredAt'])
@Index('audit_event_chain_seq', ['chainSeq'], { unique: true })
@Index('audit_event_unchained', ['id'], { where: 'chain_hash IS NULL' })
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

  /** Position in the hash chain (1, 2, 3, …), set by the chainer shortly after the row commits. */
  @Column({ name: 'chain_seq', type: 'bigint', nullable: true })
  chainSeq: string | null;

  /** SHA-256 of the previous row's chain_hash and this row's canonical content; null until chained. */
  @Column({ name: 'chain_hash', type: 'char', length: 64, nullable: true })
  chainHash: string | null;
}
