import { AssessmentReturnEntity } from './assessment-return.entity.js';
import type { Confidence } from '@wgll/contracts';
import { Check, Column, Entity, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';

/** One domain's answer in a return. `version` starts at 1 and grows with every change (optimistic locking). */
@Entity({ name: 'domain_answer' })
@Check('domain_answer_confidence', "confidence IS NULL OR confidence IN ('low', 'medium', 'high')")
@Check('domain_answer_not_applicable', 'NOT not_applicable OR cardinality(met) = 0')
@Check('domain_answer_none_met', 'NOT none_met OR (cardinality(met) = 0 AND NOT not_applicable)')
export class DomainAnswerEntity {
  @PrimaryColumn({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @PrimaryColumn({ name: 'domain_id', type: 'varchar', length: 100 })
  domainId: string;

  /** Element ids ticked as met. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  met: string[];

  @Column({ name: 'not_applicable', type: 'boolean', default: false })
  notApplicable: boolean;

  /**
   * The person confirmed that none of the elements is met yet. With an element ticked or "not
   * applicable", one of the three ways a domain is answered (`isAnswered` in libs/scoring).
   */
  @Column({ name: 'none_met', type: 'boolean', default: false })
  noneMet: boolean;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ type: 'varchar', length: 6, nullable: true })
  confidence: Confidence | null;

  /** Evidence of the same return cited by this answer. */
  @Column({ name: 'evidence_ids', type: 'uuid', array: true, default: () => "'{}'" })
  evidenceIds: string[];

  @Column({ type: 'int' })
  version: number;

  /** Carried forward from an earlier cycle and not yet confirmed or changed. */
  @Column({ name: 'to_confirm', type: 'boolean', default: false })
  toConfirm: boolean;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @ManyToOne(() => AssessmentReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  assessmentReturn?: AssessmentReturnEntity;
}
