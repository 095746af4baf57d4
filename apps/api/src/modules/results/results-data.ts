import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CareSetting, MeasureId, Publication, ResultCycle, ResultSource } from '@wgll/contracts';
import { CARE_SETTINGS, MEASURE_IDS } from '@wgll/framework';
import { DataSource } from 'typeorm';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { cycleStatus, financialYearName } from '../cycles/cycles.mapper.js';
import { AppliedImportsReader } from '../imports/applied-imports.reader.js';
import { todayInLondon } from '../../common/iso-date.js';
import { ResultScoresReader, type StoredScoreRow } from '../result-store/result-scores.reader.js';
import { ResultsChanges } from '../result-store/results-changes.js';
import { DemoMarkersRepository } from '../demo/demo-markers.repository.js';

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

type RawRow = StoredScoreRow;

/** The framework version each sealed return answered, by return id. */
type Frameworks = ReadonlyMap<string, { frameworkId: string; version: string }>;

/** One owner's result in a cycle, on one framework version (sealed results only). */
const ownerKey = (
  r: Pick<RawRow, 'level' | 'code' | 'care_setting' | 'return_id'>,
  frameworks: Frameworks,
) => {
  const framework = r.return_id ? frameworks.get(r.return_id) : undefined;
  return [r.level, r.code, r.care_setting ?? '', framework?.frameworkId, framework?.version].join('|');
};

/**
 * How long a dataset is trusted before it is read again. Every change to results clears it at once,
 * in every API process (ResultsChanges); the limit is a backstop should a notification be lost.
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
    private readonly assessments: AssessmentsReader,
    private readonly imports: AppliedImportsReader,
    private readonly scores: ResultScoresReader,
    changes: ResultsChanges,
    private readonly demo: DemoMarkersRepository,
  ) {
    changes.onChange(() => this.forget());
  }

  /** Forgets everything read: results changed (and the change has committed). */
  private forget(): void {
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
      Array<{ id: string; name: string; reference_date: string; opens_on: string; closes_on: string }>
    >(
      `SELECT c.id, c.name, c.reference_date::text, c.opens_on::text, c.closes_on::text
       FROM cycle c
       ORDER BY c.reference_date DESC, c.name DESC`,
    );
    const counts = await this.scores.countsByCycle();
    const applied = await this.imports.latestApplied();
    const today = todayInLondon();
    const demo = await this.demo.all('cycle');
    return rows.map((r) => {
      const held = counts.get(r.id) ?? {
        published: 0,
        sealed: 0,
        publishedSystem: 0,
        sealedSystem: 0,
        publishedSettings: [],
        sealedSettings: [],
      };
      const publication = applied.get(r.id);
      const published = publication !== undefined;
      const source: ResultSource | null = published
        ? 'published'
        : held.sealed + held.sealedSystem > 0
          ? 'sealed'
          : null;
      return {
        id: r.id,
        name: r.name,
        referenceDate: r.reference_date,
        source,
        publication: publication
          ? {
              title: publication.sourceTitle,
              fileName: publication.fileName,
              publicationDate: publication.publicationDate,
              importedAt: publication.appliedAt.toISOString(),
            }
          : null,
        organisationResults: published ? held.published : held.sealed,
        systemResults: published ? held.publishedSystem : held.sealedSystem,
        careSettings: CARE_SETTINGS.filter((s) =>
          (published ? held.publishedSettings : held.sealedSettings).includes(s),
        ),
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
    const rows = await this.scores.sealedOveralls(cycleId);
    const frameworks = await this.assessments.frameworksIn(cycleId);
    return new Map(
      rows.filter((r) => frameworks.has(r.return_id!)).map((r) => [ownerKey(r, frameworks), r.overall]),
    );
  }

  private comparable(
    row: RawRow,
    previous: { overalls: Map<string, number | null>; frameworks: Frameworks } | null,
  ): { comparable: number | null; previousComparable: number | null } {
    if (!previous)
      return { comparable: row.comparable_overall, previousComparable: row.previous_comparable_overall };
    const before = previous.overalls.get(ownerKey(row, previous.frameworks)) ?? null;
    return { comparable: before === null ? null : row.overall, previousComparable: before };
  }

  private async readDataset(cycleId: string): Promise<CycleDataset | null> {
    const cycle = (await this.cycles()).find((c) => c.id === cycleId);
    if (!cycle) return null;
    const base = { cycle, source: cycle.source, publication: cycle.publication };
    if (!cycle.source) return { ...base, previousCycleName: null, rows: [] };
    // Published: the year NHS England compared with. Sealed: the cycle before (same framework version).
    const previousYear = (await this.imports.latestAppliedTo(cycleId))?.previousComparableYear;
    const [before] = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM cycle WHERE reference_date < $1 AND retired_at IS NULL
       ORDER BY reference_date DESC, name DESC LIMIT 1`,
      [cycle.referenceDate],
    );
    const raw = await this.scores.rowsOf(cycleId, cycle.source);
    const previous =
      cycle.source === 'sealed' && before
        ? {
            overalls: await this.sealedOveralls(before.id),
            frameworks: await this.assessments.frameworksIn(cycleId),
          }
        : null;
    return {
      ...base,
      previousCycleName: previousYear ? financialYearName(previousYear) : (before?.name ?? null),
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
