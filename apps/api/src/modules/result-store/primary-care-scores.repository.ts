import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MeasureId } from '@wgll/contracts';
import type { DataSource, EntityManager } from 'typeorm';

/** The measures NHS England's primary care survey of ICBs scores: five of the seven. */
export const PRIMARY_CARE_MEASURES = [
  'well-led',
  'smart-foundations',
  'support-people',
  'empower-citizens',
  'improve-care',
] as const satisfies readonly MeasureId[];
export type PrimaryCareMeasure = (typeof PRIMARY_CARE_MEASURES)[number];

/** One ICB's published primary care survey scores, matched to its ODS code, ready to store. */
export interface PrimaryCareScore {
  icsCode: string;
  measures: Partial<Record<MeasureId, number>>;
}

/** Writes primary_care_score with a cycle's published results (read through ResultScoresReader). */
@Injectable()
export class PrimaryCareScoresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Replaces the cycle's primary care scores with these rows (the caller's transaction). */
  async replace(
    manager: EntityManager,
    cycleId: string,
    importId: string,
    rows: readonly PrimaryCareScore[],
  ): Promise<void> {
    await manager.query('DELETE FROM primary_care_score WHERE cycle_id = $1', [cycleId]);
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO primary_care_score (cycle_id, ics_code, measures, import_id)
       SELECT $1, r.ics_code, r.measures, $2
       FROM jsonb_to_recordset($3::jsonb) AS r(ics_code varchar, measures jsonb)`,
      [cycleId, importId, JSON.stringify(rows.map((r) => ({ ics_code: r.icsCode, measures: r.measures })))],
    );
  }
}
