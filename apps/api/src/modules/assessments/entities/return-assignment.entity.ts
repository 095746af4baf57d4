import { AssessmentReturnEntity } from './assessment-return.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';
import type { MeasureId } from '@wgll/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';

/** A measure, or a single domain, of a return given to someone to answer. */
@Entity({ name: 'return_assignment' })
@Index('return_assignment_measure', ['returnId', 'measure'], { unique: true, where: 'measure IS NOT NULL' })
@Index('return_assignment_domain', ['returnId', 'domainId'], { unique: true, where: 'domain_id IS NOT NULL' })
@Index('return_assignment_assignee', ['assigneeId'])
@Check('return_assignment_target', '(measure IS NULL) <> (domain_id IS NULL)')
export class ReturnAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  measure: MeasureId | null;

  @Column({ name: 'domain_id', type: 'varchar', length: 100, nullable: true })
  domainId: string | null;

  @Column({ name: 'assignee_id', type: 'uuid' })
  assigneeId: string;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy: string | null;

  /** The day the work is due by (UK date), if the assigner gave one. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt: Date;

  @ManyToOne(() => AssessmentReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  assessmentReturn?: AssessmentReturnEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: UserEntity;
}
