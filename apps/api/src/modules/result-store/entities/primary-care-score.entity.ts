import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MeasureId } from '@wgll/contracts';
import { CycleEntity } from '../../cycles/cycle.entity.js';

/**
 * An ICB's scores in NHS England's primary care survey for one cycle (the "ICB PC" sheet of the
 * published DMA data file): the ICB's own answers about general practice in its area, five of the
 * seven measures. Kept apart from result_score, which holds the ICB's own ICS-level return and its
 * providers' results: these scores are never compared or aggregated with those.
 */
@Entity({ name: 'primary_care_score' })
@Index('primary_care_score_cycle_ics', ['cycleId', 'icsCode'], { unique: true })
export class PrimaryCareScoreEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  /** The ICB's ODS code. */
  @Column({ name: 'ics_code', type: 'varchar', length: 10 })
  icsCode: string;

  /** Measure id → score, as published. Measures the survey does not score are absent. */
  @Column({ type: 'jsonb' })
  measures: Partial<Record<MeasureId, number>>;

  /** The applied import the scores come from. */
  @Column({ name: 'import_id', type: 'uuid' })
  importId: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @ManyToOne(() => CycleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cycle_id' })
  cycle?: CycleEntity;
}
