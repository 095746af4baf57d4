import type { ApprovedPlan } from '@wgll/contracts';
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
import { ReturnApprovalEntity } from '../../assessments/entities/return-approval.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';
import { ImprovementPlanEntity } from './improvement-plan.entity.js';

/**
 * A board's approval of a plan, with the plan as approved (`snapshot`): recorded with the return's
 * approval, or on its own (a sealed return's plan). Never changed afterwards (a trigger refuses it).
 */
@Entity({ name: 'plan_approval' })
@Index('plan_approval_plan', ['planId'])
@Index('plan_approval_return_approval', ['returnApprovalId'], { unique: true })
export class PlanApprovalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @Column({ name: 'approver_id', type: 'uuid' })
  approverId: string;

  @Column({ name: 'meeting_date', type: 'date' })
  meetingDate: string;

  @Column({ name: 'minute_reference', type: 'varchar', length: 100 })
  minuteReference: string;

  @CreateDateColumn({ name: 'approved_at', type: 'timestamptz' })
  approvedAt: Date;

  /** The return approval it was recorded with; null when the plan alone was approved. */
  @Column({ name: 'return_approval_id', type: 'uuid', nullable: true })
  returnApprovalId: string | null;

  @Column({ name: 'plan_version', type: 'int' })
  planVersion: number;

  /** The plan as approved (`ApprovedPlan['plan']`). */
  @Column({ type: 'jsonb' })
  snapshot: ApprovedPlan['plan'];

  @ManyToOne(() => ImprovementPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: ImprovementPlanEntity;

  @ManyToOne(() => AssessmentReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  assessmentReturn?: AssessmentReturnEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approver_id' })
  approver?: UserEntity;

  @ManyToOne(() => ReturnApprovalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_approval_id' })
  returnApproval?: ReturnApprovalEntity;
}
