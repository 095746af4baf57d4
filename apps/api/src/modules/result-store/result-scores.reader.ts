import { Injectable } from '@nestjs/common';
import type { CareSetting, MeasureId, ReturnScores } from '@wgll/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** The stored form of a sealed return's scores. */
export interface SealedScoreColumns {
  measures: Partial<Record<MeasureId, number>>;
  overall: number | null;
  /** Domain id → level (null when not applicable); unanswered domains are left out. */
  domainLevels: Record<string, number | null>;
}

/** What result_score keeps of a return's scores: also how a seal check reads the sealed copy's. */
export function sealedScoreColumns(scores: ReturnScores): SealedScoreColumns {
  const measures: Partial<Record<MeasureId, number>> = {};
  for (const m of scores.measures) if (m.score !== null) measures[m.measure] = m.score;
  const domainLevels = Object.fromEntries(
    scores.domains.filter((d) => d.status !== 'unanswered').map((d) => [d.domainId, d.level]),
  );
  return { measures, overall: scores.overall, domainLevels };
}

/** How many results a cycle holds, by source and level. */
export interface StoredCounts {
  published: number;
  sealed: number;
  publishedSystem: number;
  sealedSystem: number;
  /** Care settings with an organisation result, per source. */
  publishedSettings: CareSetting[];
  sealedSettings: CareSetting[];
}

/** One stored result, with the names of its organisation, ICS and region (as stored, snake case). */
export interface StoredScoreRow {
  level: 'organisation' | 'system';
  /** The organisation's ODS code, or the ICB's for a system row. */
  code: string;
  name: string;
  ics_code: string;
  ics_name: string;
  region_code: string | null;
  region_name: string | null;
  care_setting: CareSetting | null;
  measures: Partial<Record<MeasureId, number>>;
  overall: number | null;
  comparable_overall: number | null;
  previous_comparable_overall: number | null;
  return_id: string | null;
  revision: number | null;
}

/**
 * Reads of result_score, the only module that touches it (see ResultsWriter for its writes): what
 * the results views build on, and the scores a seal check compares with the sealed copy.
 */
@Injectable()
export class ResultScoresReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Results held per cycle id; a cycle with none is absent. */
  async countsByCycle(): Promise<Map<string, StoredCounts>> {
    const rows = await this.dataSource.query<
      Array<{
        cycle_id: string;
        published: number;
        sealed: number;
        published_system: number;
        sealed_system: number;
        published_settings: CareSetting[] | null;
        sealed_settings: CareSetting[] | null;
      }>
    >(
      `SELECT cycle_id,
              count(*) FILTER (WHERE source = 'published' AND level = 'organisation')::int AS published,
              count(*) FILTER (WHERE source = 'sealed' AND level = 'organisation')::int AS sealed,
              count(*) FILTER (WHERE source = 'published' AND level = 'system')::int AS published_system,
              count(*) FILTER (WHERE source = 'sealed' AND level = 'system')::int AS sealed_system,
              array_agg(DISTINCT care_setting::text) FILTER (WHERE source = 'published' AND level = 'organisation')
                AS published_settings,
              array_agg(DISTINCT care_setting::text) FILTER (WHERE source = 'sealed' AND level = 'organisation')
                AS sealed_settings
       FROM result_score GROUP BY cycle_id`,
    );
    return new Map(
      rows.map((r) => [
        r.cycle_id,
        {
          published: r.published,
          sealed: r.sealed,
          publishedSystem: r.published_system,
          sealedSystem: r.sealed_system,
          publishedSettings: r.published_settings ?? [],
          sealedSettings: r.sealed_settings ?? [],
        },
      ]),
    );
  }

  /** A cycle's sealed results that came from a return: who, and the overall score. */
  sealedOveralls(
    cycleId: string,
  ): Promise<Array<Pick<StoredScoreRow, 'level' | 'code' | 'care_setting' | 'overall' | 'return_id'>>> {
    return this.dataSource.query(
      `SELECT s.level, coalesce(s.organisation_code, s.ics_code) AS code, s.care_setting, s.overall, s.return_id
       FROM result_score s
       WHERE s.cycle_id = $1 AND s.source = 'sealed' AND s.return_id IS NOT NULL`,
      [cycleId],
    );
  }

  /** A cycle's results from one source, with names, ordered by name then care setting. */
  rowsOf(cycleId: string, source: 'published' | 'sealed'): Promise<StoredScoreRow[]> {
    return this.dataSource.query(
      `SELECT s.level, coalesce(s.organisation_code, s.ics_code) AS code, coalesce(o.name, i.name) AS name,
              s.ics_code, i.name AS ics_name, s.region_code, r.name AS region_name, s.care_setting,
              s.measures, s.overall, s.return_id, s.revision, s.comparable_overall,
              s.previous_comparable_overall
       FROM result_score s
       JOIN ics i ON i.ods_code = s.ics_code
       LEFT JOIN organisation o ON o.ods_code = s.organisation_code
       LEFT JOIN region r ON r.ods_code = s.region_code
       WHERE s.cycle_id = $1 AND s.source = $2
       ORDER BY name, s.care_setting`,
      [cycleId, source],
    );
  }

  /** The domain levels stored for these sealed returns, by return id. */
  async domainLevelsOf(returnIds: readonly string[]): Promise<Map<string, Record<string, number | null>>> {
    if (returnIds.length === 0) return new Map();
    const rows = await this.dataSource.query<
      { return_id: string; domain_levels: Record<string, number | null> | null }[]
    >(
      `SELECT return_id, domain_levels FROM result_score
       WHERE source = 'sealed' AND return_id = ANY($1::uuid[])`,
      [returnIds],
    );
    return new Map(rows.map((r) => [r.return_id, r.domain_levels ?? {}]));
  }

  /** An ICB's primary care survey scores in a cycle (primary_care_score); null when it has none. */
  async primaryCareOf(cycleId: string, icsCode: string): Promise<Partial<Record<MeasureId, number>> | null> {
    const [row] = await this.dataSource.query<{ measures: Partial<Record<MeasureId, number>> }[]>(
      'SELECT measures FROM primary_care_score WHERE cycle_id = $1 AND ics_code = $2',
      [cycleId, icsCode],
    );
    return row?.measures ?? null;
  }

  /** The stored scores of one sealed revision of a return, if they are still kept. */
  async sealedOf(
    manager: EntityManager,
    returnId: string,
    revision: number,
  ): Promise<SealedScoreColumns | null> {
    const [row] = await manager.query<
      {
        measures: Partial<Record<MeasureId, number>>;
        overall: number | null;
        domain_levels: Record<string, number | null> | null;
      }[]
    >(
      `SELECT measures, overall, domain_levels FROM result_score
       WHERE return_id = $1 AND revision = $2 AND source = 'sealed'`,
      [returnId, revision],
    );
    return row
      ? { measures: row.measures, overall: row.overall, domainLevels: row.domain_levels ?? {} }
      : null;
  }
}
