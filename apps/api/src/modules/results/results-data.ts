import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CareSetting, MeasureId, Publication, ResultCycle, ResultSource } from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';
import { DataSource } from 'typeorm';
import { cycleStatus, financialYearName } from '../cycles/cycles.mapper.js';
import { DemoMarkersRepository } from '../demo/demo-markers.repository.js';
import { todayInLondon } from '../organisations/dated-period.js';

/** One stored result, with the names of its organisation, ICS and region. */
export interface ScoreRow {
  level: 'organisation' | 'system';
  /** The organisation's ODS code, or the ICB's for a system row. */
  code: string;
  name: string;
  icsCode: string;
  icsName: string;
  regionCode: string | null;
  regionName: string | null;
  careSetting: CareSetting | null;
  measures: Record<MeasureId, number | null>;
  overall: number | null;
  comparable: number | null;
  previousComparable: number | null;
  returnId: string | null;
  revision: number | null;
}

/** A cycle's results from one source: published when the cycle has an applied import, else sealed. */
export interface CycleDataset {
  cycle: ResultCycle;
  source: ResultSource | null;
  publication: Publication | null;
  /** E.g. "2024/25": the year NHS England's comparable overall scores compare with. */
  previousCycleName: string | null;
  rows: ScoreRow[];
}

interface RawRow {
  level: 'organisation' | 'system';
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
  framework_id: string | null;
  framework_version: string | null;
}

/** One owner's result in a cycle, on one framework version. */
const ownerKey = (
  r: Pick<RawRow, 'level' | 'code' | 'care_setting' | 'framework_id' | 'framework_version'>,
) => [r.level, r.code, r.care_setting ?? '', r.framework_id, r.framework_version].join('|');

/**
 * How long a dataset is trusted before it is read again. Writes in this process (imports, seals)
 * clear it at once; the limit bounds how stale another API process can be.
 */
const DATASET_SECONDS = 30;
const MAX_VIEWS = 2000;

interface Held<T> {
  /** When it was read. */
  at: number;
  data: Promise<T>;
  /** Read successfully (so it may be served while it is read again). */
  ready?: boolean;
  refreshing?: boolean;
}

/**
 * Reads results for the views. Results change only when an import is applied or a return is
 * sealed, so each cycle's rows are read once into memory and the views computed from them are kept
 * until the next change.
 */
@Injectable()
export class ResultsData {
  private readonly datasets = new Map<string, Held<CycleDataset | null>>();
  private readonly views = new WeakMap<CycleDataset, Map<string, unknown>>();
  private cycleList: Held<ResultCycle[]> | null = null;
  /** Moves on at each invalidation, so a read begun before it never replaces what came after. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly demo: DemoMarkersRepository,
  ) {}

  /** Forget everything read: call after a change to results has committed. */
  invalidate(): void {
    this.generation += 1;
    this.datasets.clear();
    this.cycleList = null;
  }

  /** Every cycle, newest reference date first, with where its results come from. `fresh`: read again now. */
  cycles(fresh = false): Promise<ResultCycle[]> {
    if (fresh) this.cycleList = null;
    this.cycleList = this.hold(
      this.cycleList,
      () => this.readCycles(),
      (next) => (this.cycleList = next),
    );
    return this.cycleList.data;
  }

  dataset(cycleId: string): Promise<CycleDataset | null> {
    const held = this.hold(
      this.datasets.get(cycleId),
      () => this.readDataset(cycleId),
      (next) => (next ? this.datasets.set(cycleId, next) : this.datasets.delete(cycleId)),
    );
    this.datasets.set(cycleId, held);
    return held.data;
  }

  /**
   * What is held, read again when missing; when merely old, still served while it is read again in
   * the background (so no request waits for the re-read), then replaced through `replace`.
   */
  private hold<T>(
    held: Held<T> | null | undefined,
    read: () => Promise<T>,
    replaceHeld: (next: Held<T> | null) => void,
  ): Held<T> {
    const generation = this.generation;
    const replace = (next: Held<T> | null) => {
      if (this.generation === generation) replaceHeld(next);
    };
    if (held && !this.expired(held.at)) return held;
    if (held?.ready && !held.refreshing) {
      held.refreshing = true;
      read().then(
        (value) => replace({ at: Date.now(), data: Promise.resolve(value), ready: true }),
        // Keep serving what is held; the next request tries again.
        () => (held.refreshing = false),
      );
      return held;
    }
    if (held) return held;
    const fresh: Held<T> = { at: Date.now(), data: read() };
    fresh.data.then(
      () => (fresh.ready = true),
      () => replace(null),
    );
    return fresh;
  }

  /** A view computed once per dataset (so a change, which brings a new dataset, recomputes it). */
  view<T>(dataset: CycleDataset, key: string, compute: () => Promise<T> | T): Promise<T> {
    let views = this.views.get(dataset);
    if (!views) this.views.set(dataset, (views = new Map<string, unknown>()));
    const held = views.get(key) as Promise<T> | undefined;
    if (held) return held;
    const value = Promise.resolve().then(compute);
    value.catch(() => views.delete(key));
    if (views.size >= MAX_VIEWS) views.clear();
    views.set(key, value);
    return value;
  }

  private expired(at: number): boolean {
    return Date.now() - at > DATASET_SECONDS * 1000;
  }

  private async readCycles(): Promise<ResultCycle[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        name: string;
        reference_date: string;
        opens_on: string;
        closes_on: string;
        published: number;
        sealed: number;
        published_system: number;
        sealed_system: number;
        title: string | null;
        file_name: string | null;
        publication_date: string | null;
        applied_at: Date | null;
      }>
    >(
      `SELECT c.id, c.name, c.reference_date::text, c.opens_on::text, c.closes_on::text,
              count(*) FILTER (WHERE s.source = 'published' AND s.level = 'organisation')::int AS published,
              count(*) FILTER (WHERE s.source = 'sealed' AND s.level = 'organisation')::int AS sealed,
              count(*) FILTER (WHERE s.source = 'published' AND s.level = 'system')::int AS published_system,
              count(*) FILTER (WHERE s.source = 'sealed' AND s.level = 'system')::int AS sealed_system,
              i.source_title AS title, i.file_name, i.publication_date::text, i.applied_at
       FROM cycle c
       LEFT JOIN result_score s ON s.cycle_id = c.id
       LEFT JOIN LATERAL (
         SELECT * FROM result_import ri WHERE ri.cycle_id = c.id AND ri.state = 'applied'
         ORDER BY ri.applied_at DESC LIMIT 1) i ON true
       GROUP BY c.id, i.source_title, i.file_name, i.publication_date, i.applied_at
       ORDER BY c.reference_date DESC, c.name DESC`,
    );
    const today = todayInLondon();
    const demo = await this.demo.all('cycle');
    return rows.map((r) => {
      const published = r.applied_at !== null;
      const source: ResultSource | null = published
        ? 'published'
        : r.sealed + r.sealed_system > 0
          ? 'sealed'
          : null;
      return {
        id: r.id,
        name: r.name,
        referenceDate: r.reference_date,
        source,
        publication: published
          ? {
              title: r.title!,
              fileName: r.file_name!,
              publicationDate: r.publication_date,
              importedAt: r.applied_at!.toISOString(),
            }
          : null,
        organisationResults: published ? r.published : r.sealed,
        systemResults: published ? r.published_system : r.sealed_system,
        current: cycleStatus({ opensOn: r.opens_on, closesOn: r.closes_on }, today) === 'open',
        demo: demo.has(r.id),
      };
    });
  }

  /**
   * Sealed results year on year: against the same owner's sealed result in the cycle before, when
   * both answered the same framework version (so every domain is comparable). Read with the dataset,
   * so a late or repeated seal of last year's return counts. Matched here, not in SQL, so the cost
   * stays linear whatever the planner's statistics say.
   */
  private async sealedOveralls(cycleId: string): Promise<Map<string, number | null>> {
    const rows = await this.dataSource.query<
      Array<
        Pick<RawRow, 'level' | 'code' | 'care_setting' | 'overall' | 'framework_id' | 'framework_version'>
      >
    >(
      `SELECT s.level, coalesce(s.organisation_code, s.ics_code) AS code, s.care_setting, s.overall,
              r.framework_id, r.framework_version
       FROM result_score s JOIN assessment_return r ON r.id = s.return_id
       WHERE s.cycle_id = $1 AND s.source = 'sealed'`,
      [cycleId],
    );
    return new Map(rows.map((r) => [ownerKey(r), r.overall]));
  }

  private comparable(
    row: RawRow,
    previous: Map<string, number | null> | null,
  ): { comparable: number | null; previousComparable: number | null } {
    if (!previous)
      return { comparable: row.comparable_overall, previousComparable: row.previous_comparable_overall };
    const before = previous.get(ownerKey(row)) ?? null;
    return { comparable: before === null ? null : row.overall, previousComparable: before };
  }

  private async readDataset(cycleId: string): Promise<CycleDataset | null> {
    const cycle = (await this.cycles()).find((c) => c.id === cycleId);
    if (!cycle) return null;
    const base = { cycle, source: cycle.source, publication: cycle.publication };
    if (!cycle.source) return { ...base, previousCycleName: null, rows: [] };
    // Published: the year NHS England compared with. Sealed: the cycle before (same framework version).
    const [years] = await this.dataSource.query<{ previous: number | null }[]>(
      `SELECT (workbook -> 'comparableYears' ->> 'previous')::int AS previous FROM result_import
       WHERE cycle_id = $1 AND state = 'applied' ORDER BY applied_at DESC LIMIT 1`,
      [cycleId],
    );
    const [before] = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM cycle WHERE reference_date < $1 AND retired_at IS NULL
       ORDER BY reference_date DESC, name DESC LIMIT 1`,
      [cycle.referenceDate],
    );
    const raw = await this.dataSource.query<RawRow[]>(
      `SELECT s.level, coalesce(s.organisation_code, s.ics_code) AS code, coalesce(o.name, i.name) AS name,
              s.ics_code, i.name AS ics_name, s.region_code, r.name AS region_name, s.care_setting,
              s.measures, s.overall, s.return_id, s.revision, s.comparable_overall,
              s.previous_comparable_overall, sr.framework_id, sr.framework_version
       FROM result_score s
       JOIN ics i ON i.ods_code = s.ics_code
       LEFT JOIN organisation o ON o.ods_code = s.organisation_code
       LEFT JOIN region r ON r.ods_code = s.region_code
       LEFT JOIN assessment_return sr ON s.source = 'sealed' AND sr.id = s.return_id
       WHERE s.cycle_id = $1 AND s.source = $2
       ORDER BY name, s.care_setting`,
      [cycleId, cycle.source],
    );
    const previous = cycle.source === 'sealed' && before ? await this.sealedOveralls(before.id) : null;
    return {
      ...base,
      previousCycleName: years?.previous ? financialYearName(years.previous) : (before?.name ?? null),
      rows: raw.map((r) => ({
        level: r.level,
        code: r.code,
        name: r.name,
        icsCode: r.ics_code,
        icsName: r.ics_name,
        regionCode: r.region_code,
        regionName: r.region_name,
        careSetting: r.care_setting,
        measures: Object.fromEntries(MEASURE_IDS.map((m) => [m, r.measures[m] ?? null])) as Record<
          MeasureId,
          number | null
        >,
        overall: r.overall,
        ...this.comparable(r, previous),
        returnId: r.return_id,
        revision: r.revision,
      })),
    };
  }
}
