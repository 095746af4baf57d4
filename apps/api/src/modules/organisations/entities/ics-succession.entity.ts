import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { IcsEntity } from './ics.entity.js';

/** An ICB (or part of one) replaced by another, e.g. QMJ → Z9B2Z on 1 April 2026. */
@Entity({ name: 'ics_succession' })
@Index('ics_succession_successor', ['successorCode'])
export class IcsSuccessionEntity {
  @PrimaryColumn({ name: 'predecessor_code', type: 'varchar', length: 10 })
  predecessorCode: string;

  @PrimaryColumn({ name: 'successor_code', type: 'varchar', length: 10 })
  successorCode: string;

  /** E.g. "Hertfordshire part"; null when the whole ICB passed to the successor. */
  @Column({ type: 'text', nullable: true })
  part: string | null;

  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  @ManyToOne(() => IcsEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'predecessor_code' })
  predecessor?: IcsEntity;

  @ManyToOne(() => IcsEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'successor_code' })
  successor?: IcsEntity;
}
