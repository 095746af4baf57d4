import { AssessmentReturnEntity } from './assessment-return.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';

/** A board approval of one revision of a return; an edit after it withdraws it (kept, with why). */
@Entity({ name: 'return_approval' })
@Index('return_approval_active', ['returnId', 'revision', 'approverId'], {
  unique: true,
  where: 'withdrawn_at IS NULL',
})
export class ReturnApprovalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ name: 'approver_id', type: 'uuid' })
  approverId: string;

  @Column({ name: 'meeting_date', type: 'date' })
  meetingDate: string;

  @Column({ name: 'minute_reference', type: 'varchar', length: 100 })
  minuteReference: string;

  @CreateDateColumn({ name: 'approved_at', type: 'timestamptz' })
  approvedAt: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  @ManyToOne(() => AssessmentReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  assessmentReturn?: AssessmentReturnEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approver_id' })
  approver?: UserEntity;
}
