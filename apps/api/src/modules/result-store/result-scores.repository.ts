import { Injectable } from '@nestjs/common';
import type { CareSetting, MeasureId, ReturnScores } from '@wgll/contracts';
import { publishedOverall } from '@wgll/scoring';
import type { EntityManager } from 'typeorm';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';
import { sealedScoreColumns } from './result-scores.reader.js';

/** One published row, matched to ODS codes, ready to store. */
export interface PublishedScore {
  level: 'organisation' | 'system';
  organisationCode: string | null;
  icsCode: string;
  careSetting: CareSetting | null;
  measures: Partial<Record<MeasureId, number>>;
  comparableOverall: number | null;
  previousComparableOverall: number | null;
}

export interface SealedScoresInput {
  cycleId: string;
  referenceDate: string;
  returnId: string;
  revision: number;
  level: 'organisation' | 'system';
  organisationCode: string | null;
  icsCode: string | null;
  careSetting: CareSetting | null;
  scores: ReturnScores;
}

/**
 * The writes of result_score: published rows of an import and the scores of a return as sealed, in
 * the caller's transaction. Inside this module only: other modules write through ResultsWriter (which
 * announces each change) and read through ResultScoresReader.
 */
@Injectable()
export class ResultScoresRepository {
  constructor(private readonly hierarchy: HierarchyRepository) {}

  private async regionOf(manager: EntityManager, icsCode: string, at: string): Promise<string | null> {
    return (await this.hierarchy.placeIcs(icsCode, at, manager))?.region ?? null;
  }

  /** Replaces the cycle's published results with these rows (one transaction, the caller's). */
  async replacePublished(
    manager: EntityManager,
    cycleId: string,
    referenceDate: string,
    importId: string,
    rows: readonly PublishedScore[],
  ): Promise<void> {
    await manager.query(`DELETE FROM result_score WHERE cycle_id = $1 AND source = 'published'`, [cycleId]);
    const regions = new Map<string, string | null>();
    for (const row of rows) {
      if (!regions.has(row.icsCode))
        regions.set(row.icsCode, await this.regionOf(manager, row.icsCode, referenceDate));
    }
    // Batches keep each statement's parameters well under PostgreSQL's limit.
    for (let start = 0; start < rows.length; start += 200) {
      const batch = rows.slice(start, start + 200);
      const params: unknown[] = [];
      const values = batch.map((row) => {
        params.push(
          cycleId,
          row.level,
          row.organisationCode,
          row.icsCode,
          regions.get(row.icsCode) ?? null,
          row.careSetting,
          JSON.stringify(row.measures),
          publishedOverall(row.measures),
          row.comparableOverall,
          row.previousComparableOverall,
          importId,
        );
        const n = params.length - 11;
        return `(${Array.from({ length: 11 }, (_, i) => `$${n + i + 1}`).join(', ')}, 'published')`;
      });
      await manager.query(
        `INSERT INTO result_score (cycle_id, level, organisation_code, ics_code, region_code, care_setting,
           measures, overall, comparable_overall, previous_comparable_overall, import_id, source)
         VALUES ${values.join(', ')}`,
        params,
      );
    }
  }

  /**
   * Stores a sealed return's scores, placed in the cycle's hierarchy (its ICS and region on the
   * reference date). A later seal of the same return (after a reopening) replaces them.
   */
  async recordSealed(manager: EntityManager, input: SealedScoresInput): Promise<void> {
    let icsCode = input.icsCode;
    if (input.level === 'organisation') {
      const placed = await this.hierarchy.placeOrganisation(
        input.organisationCode!,
        input.referenceDate,
        manager,
      );
      icsCode = placed?.ics ?? null;
    }
    // An organisation outside every ICS on the reference date has nowhere to be compared; an earlier
    // seal's scores for the return are not kept in its place.
    if (!icsCode) {
      await manager.query('DELETE FROM result_score WHERE return_id = $1', [input.returnId]);
      return;
    }
    const { measures, domainLevels } = sealedScoreColumns(input.scores);
    await manager.query(
      `INSERT INTO result_score (cycle_id, source, level, organisation_code, ics_code, region_code, care_setting,
         measures, overall, domain_levels, return_id, revision)
       VALUES ($1, 'sealed', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (return_id) WHERE return_id IS NOT NULL DO UPDATE SET
         measures = EXCLUDED.measures, overall = EXCLUDED.overall, domain_levels = EXCLUDED.domain_levels,
         revision = EXCLUDED.revision, ics_code = EXCLUDED.ics_code, region_code = EXCLUDED.region_code,
         recorded_at = now()`,
      [
        input.cycleId,
        input.level,
        input.organisationCode,
        icsCode,
        await this.regionOf(manager, icsCode, input.referenceDate),
        input.careSetting,
        JSON.stringify(measures),
        input.scores.overall,
        JSON.stringify(domainLevels),
        input.returnId,
        input.revision,
      ],
    );
  }
}
