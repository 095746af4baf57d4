import { CycleEntity } from '../../cycles/cycle.entity.js';
import { IcsEntity } from '../../organisations/entities/ics.entity.js';
import { OrganisationEntity } from '../../organisations/entities/organisation.entity.js';
import type { ReturnLevel, ReturnState } from '@wgll/contracts';
import type { CareSetting } from '@wgll/framework';
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

/**
 * A return: one per trust × care setting × cycle, or the ICB's own (system) return per cycle. Once
 * submitted it is sealed: a database trigger refuses any change to it or its answers, evidence,
 * assignments and approvals, except the reopening that starts its next revision.
 */
@Entity({ name: 'assessment_return' })
@Index('assessment_return_organisation', ['cycleId', 'organisationCode', 'careSetting'], {
  unique: true,
  where: "level = 'organisation'",
})
@Index('assessment_return_system', ['cycleId', 'icsCode'], { unique: true, where: "level = 'system'" })
@Check(
  'assessment_return_owner',
  "(level = 'organisation' AND organisation_code IS NOT NULL AND care_setting IS NOT NULL AND ics_code IS NULL)" +
    " OR (level = 'system' AND ics_code IS NOT NULL AND organisation_code IS NULL AND care_setting IS NULL)",
)
@Check('assessment_return_state', "state IN ('draft', 'awaiting-approval', 'approved', 'submitted')")
@Check('assessment_return_revision', 'revision >= 1')
export class AssessmentReturnEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @Column({ type: 'varchar', length: 12 })
  level: ReturnLevel;

  @Column({ name: 'organisation_code', type: 'varchar', length: 10, nullable: true })
  organisationCode: string | null;

  @Column({ name: 'ics_code', type: 'varchar', length: 10, nullable: true })
  icsCode: string | null;

  @Column({ name: 'care_setting', type: 'varchar', length: 20, nullable: true })
  careSetting: CareSetting | null;

  @Column({ name: 'framework_id', type: 'varchar', length: 100 })
  frameworkId: string;

  @Column({ name: 'framework_version', type: 'varchar', length: 40 })
  frameworkVersion: string;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  state: ReturnState;

  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ name: 'carried_forward_from', type: 'uuid', nullable: true })
  carriedForwardFrom: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Moved by every change to the return's state or evidence; an answer save moves only its answer's. */
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @ManyToOne(() => CycleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: CycleEntity;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_code' })
  organisation?: OrganisationEntity;

  @ManyToOne(() => IcsEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ics_code' })
  ics?: IcsEntity;
}
