import type { CareSetting, MeasureId, TargetKind } from '@wgll/contracts';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Scores are stored as exact numerics; read back as numbers. */
const numeric = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A national target (issue 19): what counts for an organisation (a domain at or above a level, an
 * element met, a measure score at or above a value), for which care settings, the share of
 * organisations to reach and by when. Domain and element targets keep the domain's lineage, so they
 * follow it into later framework versions. `version` counts changes (409 on a stale one).
 */
@Entity({ name: 'national_target' })
@Check('national_target_kind', `kind IN ('domain', 'element', 'measure')`)
@Check('national_target_percent', `percent BETWEEN 1 AND 100`)
export class NationalTargetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 10 })
  kind: TargetKind;

  @Column({ name: 'framework_id', type: 'varchar', length: 100, nullable: true })
  frameworkId: string | null;

  @Column({ name: 'domain_id', type: 'varchar', length: 100, nullable: true })
  domainId: string | null;

  @Column({ name: 'lineage_id', type: 'varchar', length: 100, nullable: true })
  lineageId: string | null;

  @Column({ type: 'smallint', nullable: true })
  level: number | null;

  @Column({ name: 'element_id', type: 'varchar', length: 100, nullable: true })
  elementId: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  measure: MeasureId | 'overall' | null;

  @Column({ type: 'numeric', precision: 3, scale: 2, nullable: true, transformer: numeric })
  value: number | null;

  @Column({ name: 'care_settings', type: 'text', array: true })
  careSettings: CareSetting[];

  @Column({ type: 'smallint' })
  percent: number;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;
}
