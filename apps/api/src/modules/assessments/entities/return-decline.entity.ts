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
import { AssessmentReturnEntity } from './assessment-return.entity.js';

/**
 * The board sent a revision of a return back to the team instead of approving it, with its comments.
 * Never changed nor deleted (database triggers refuse it).
 */
@Entity({ name: 'return_decline' })
@Index('return_decline_return', ['returnId', 'revision'])
export class ReturnDeclineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ name: 'decliner_id', type: 'uuid' })
  declinerId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'meeting_date', type: 'date', nullable: true })
  meetingDate: string | null;

  @Column({ name: 'minute_reference', type: 'varchar', length: 100, nullable: true })
  minuteReference: string | null;

  @CreateDateColumn({ name: 'declined_at', type: 'timestamptz' })
  declinedAt: Date;

  @ManyToOne(() => AssessmentReturnEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'return_id' })
  assessmentReturn?: AssessmentReturnEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decliner_id' })
  decliner?: UserEntity;
}
