import type { DomainTarget, MeasureTarget } from '@wgll/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AssessmentReturnEntity } from '../../assessments/entities/assessment-return.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';

/**
 * A return's improvement plan (issue 17): one per return, created when first saved (or when actions
 * are carried forward into it). `version` counts saves of the targets: 0 until they are first saved.
 */
@Entity({ name: 'improvement_plan' })
@Index('improvement_plan_return', ['returnId'], { unique: true })
export class ImprovementPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @Column({ name: 'target_date', type: 'date', nullable: true })
  targetDate: string | null;

  /** Per domain: `{ domainId, level }`, in framework order. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  targets: DomainTarget[];

  /** Per measure: `{ measure, score }`. */
  @Column({ name: 'measure_targets', type: 'jsonb', default: () => "'[]'" })
  measureTargets: MeasureTarget[];

  @Column({ type: 'int', default: 0 })
  version: number;

  /** The earlier cycle's plan whose open actions were copied in (once, when this plan was created). */
  @Column({ name: 'carried_from_plan_id', type: 'uuid', nullable: true })
  carriedFromPlanId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => AssessmentReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  assessmentReturn?: AssessmentReturnEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by' })
  updater?: UserEntity;

  @ManyToOne(() => ImprovementPlanEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'carried_from_plan_id' })
  carriedFromPlan?: ImprovementPlanEntity;
}
