import type { Role } from '@wgll/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  JoinColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from './user.entity.js';

/**
 * One role held by a user, scoped by an ODS code: a region (regional viewer), an ICB (ICS lead),
 * an organisation (trust roles) or nothing (national administrator).
 */
@Entity({ name: 'role_assignment' })
@Check(
  'role_assignment_role',
  "role IN ('national-administrator', 'regional-viewer', 'ics-lead', 'trust-lead', 'trust-contributor', 'board-approver')",
)
@Check('role_assignment_scope', "(role = 'national-administrator') = (scope_code IS NULL)")
@Index('role_assignment_unique', ['userId', 'role', 'scopeCode'], { unique: true })
@Index('role_assignment_national_unique', ['userId', 'role'], { unique: true, where: 'scope_code IS NULL' })
export class RoleAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('role_assignment_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 30 })
  role: Role;

  @Column({ name: 'scope_code', type: 'varchar', length: 10, nullable: true })
  scopeCode: string | null;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;
}
