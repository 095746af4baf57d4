import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MeasureId } from '@wgll/contracts';
import { CycleEntity } from '../../cycles/cycle.entity.js';

export type ResultScoreSource = 'published' | 'sealed';

/**
 * The scores of one organisation (per care setting) or one ICB in one cycle, from NHS England's
 * published file or from a sealed return, computed once and stored so every view reads both alike.
 * The ICS and region are those of the cycle's hierarchy (a result belongs to the ICS the organisation
 * was in for that cycle).
 */
@Entity({ name: 'result_score' })
@Index('result_score_organisation', ['cycleId', 'source', 'organisationCode', 'careSetting'], {
  unique: true,
  where: `level = 'organisation'`,
})
@Index('result_score_system', ['cycleId', 'source', 'icsCode'], { unique: true, where: `level = 'system'` })
@Index('result_score_cycle_ics', ['cycleId', 'icsCode'])
@Index('result_score_return', ['returnId'], { unique: true, where: 'return_id IS NOT NULL' })
@Check('result_score_source', `source IN ('published', 'sealed')`)
@Check('result_score_level', `(level = 'organisation') = (organisation_code IS NOT NULL)`)
export class ResultScoreEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @Column({ type: 'varchar', length: 10 })
  source: ResultScoreSource;

  @Column({ type: 'varchar', length: 12 })
  level: 'organisation' | 'system';

  @Column({ name: 'organisation_code', type: 'varchar', length: 10, nullable: true })
  organisationCode: string | null;

  @Column({ name: 'ics_code', type: 'varchar', length: 10 })
  icsCode: string;

  @Column({ name: 'region_code', type: 'varchar', length: 10, nullable: true })
  regionCode: string | null;

  @Column({ name: 'care_setting', type: 'varchar', length: 20, nullable: true })
  careSetting: string | null;

  /** Measure id → score (full precision; published scores as published). Missing: no score. */
  @Column({ type: 'jsonb' })
  measures: Partial<Record<MeasureId, number>>;

  @Column({ type: 'double precision', nullable: true })
  overall: number | null;

  /** NHS England's overall over comparable domains only, this cycle and the one before. */
  @Column({ name: 'comparable_overall', type: 'double precision', nullable: true })
  comparableOverall: number | null;

  @Column({ name: 'previous_comparable_overall', type: 'double precision', nullable: true })
  previousComparableOverall: number | null;

  /** Sealed returns: domain id → level (null when not applicable). */
  @Column({ name: 'domain_levels', type: 'jsonb', nullable: true })
  domainLevels: Record<string, number | null> | null;

  @Column({ name: 'return_id', type: 'uuid', nullable: true })
  returnId: string | null;

  @Column({ type: 'int', nullable: true })
  revision: number | null;

  @Column({ name: 'import_id', type: 'uuid', nullable: true })
  importId: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @ManyToOne(() => CycleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: CycleEntity;
}
