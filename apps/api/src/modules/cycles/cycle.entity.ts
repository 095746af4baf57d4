import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An assessment round (e.g. "2026/27"): the framework version for each level, when it accepts
 * answers, and the date on which the organisation hierarchy is read for its returns.
 */
@Entity({ name: 'cycle' })
// Names are unique among current cycles: one retired by mistake can be created again, rightly.
@Index('cycle_name', ['name'], { unique: true, where: 'retired_at IS NULL' })
@Check('cycle_dates', 'opens_on <= closes_on')
export class CycleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ name: 'organisation_framework_id', type: 'varchar', length: 100 })
  organisationFrameworkId: string;

  @Column({ name: 'organisation_framework_version', type: 'varchar', length: 40 })
  organisationFrameworkVersion: string;

  @Column({ name: 'system_framework_id', type: 'varchar', length: 100 })
  systemFrameworkId: string;

  @Column({ name: 'system_framework_version', type: 'varchar', length: 40 })
  systemFrameworkVersion: string;

  @Column({ name: 'opens_on', type: 'date' })
  opensOn: string;

  @Column({ name: 'closes_on', type: 'date' })
  closesOn: string;

  @Column({ name: 'reference_date', type: 'date' })
  referenceDate: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When a national administrator retired it (hidden from choosing); null while in use. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Column({ name: 'retired_by', type: 'uuid', nullable: true })
  retiredBy: string | null;
}
