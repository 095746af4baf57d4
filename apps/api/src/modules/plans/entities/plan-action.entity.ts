import type { ActionFunding, ActionState } from '@wgll/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity.js';
import { ImprovementPlanEntity } from './improvement-plan.entity.js';

/** One action of an improvement plan. `version` starts at 1 and grows with every change. */
@Entity({ name: 'plan_action' })
@Index('plan_action_plan', ['planId'])
@Index('plan_action_carried', ['planId', 'carriedFromActionId'], { unique: true })
@Check('plan_action_state', "state IN ('not-started', 'in-progress', 'done', 'blocked')")
@Check(
  'plan_action_blocked_reason',
  "(state = 'blocked' AND blocked_reason IS NOT NULL AND length(btrim(blocked_reason)) > 0) OR (state <> 'blocked' AND blocked_reason IS NULL)",
)
@Check(
  'plan_action_funding',
  "funding IS NULL OR funding IN ('capital', 'revenue', 'national-programme', 'none-needed')",
)
export class PlanActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'domain_id', type: 'varchar', length: 100 })
  domainId: string;

  /** The unmet elements the action meets once done. */
  @Column({ name: 'element_ids', type: 'text', array: true, default: () => "'{}'" })
  elementIds: string[];

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 12 })
  state: ActionState;

  @Column({ name: 'blocked_reason', type: 'text', nullable: true })
  blockedReason: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  funding: ActionFunding | null;

  @Column({ name: 'expected_benefit', type: 'text', default: '' })
  expectedBenefit: string;

  /** Evidence of the plan's return. */
  @Column({ name: 'evidence_ids', type: 'uuid', array: true, default: () => "'{}'" })
  evidenceIds: string[];

  /** The earlier cycle's action this one was copied from. */
  @Column({ name: 'carried_from_action_id', type: 'uuid', nullable: true })
  carriedFromActionId: string | null;

  @Column({ type: 'int' })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => ImprovementPlanEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: ImprovementPlanEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  @ManyToOne(() => PlanActionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'carried_from_action_id' })
  carriedFromAction?: PlanActionEntity;
}
