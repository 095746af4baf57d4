import type { IsoDate } from './common.js';
import type { CareSetting } from './organisations.js';
import type { CommonGap, LevelNumber } from './plans.js';
import type { MeasureId } from './returns.js';
import type { ResultSource } from './results.js';

/**
 * A cell of the ICS's domain-level heatmap: the domain's gated level in the organisation's sealed
 * return, the domain marked not applicable, not asked of it (not for its care setting or not in its
 * framework version), not answered, or no sealed return this cycle.
 */
export type DomainLevelCell =
  | { kind: 'level'; level: LevelNumber }
  | { kind: 'not-applicable' }
  | { kind: 'not-asked' }
  | { kind: 'not-answered' }
  | { kind: 'no-return' };

/** A column of the heatmap: a member organisation running the care setting. */
export interface DomainLevelOrganisation {
  code: string;
  name: string;
  /** Whether it has a sealed return for the cycle and care setting (drafts never count). */
  sealed: boolean;
}

/**
 * GET /api/ics/:code/domain-levels?cycle=&careSetting=&measure= (ICS leads and those above): the domain
 * levels of the member organisations' sealed returns for one care setting, and the ICS's common gaps.
 */
export interface IcsDomainLevels {
  ics: { code: string; name: string };
  cycle: { id: string; name: string; referenceDate: IsoDate };
  /** Where the cycle's results (measure scores) come from; published results have no domain levels. */
  resultsSource: ResultSource | null;
  /** The care settings the member organisations run; `careSetting` is the one shown. */
  careSettings: CareSetting[];
  careSetting: CareSetting;
  /** The measure the rows are filtered to (null: every measure). */
  measure: MeasureId | null;
  organisations: DomainLevelOrganisation[];
  /** How many of `organisations` have a sealed return. */
  sealed: number;
  /** Rows (domains in framework order, grouped by measure), one cell per organisation. */
  domains: { domainId: string; title: string; measure: MeasureId; cells: DomainLevelCell[] }[];
  /**
   * Elements unmet in most of the organisations with a sealed return (of the domains shown). Withheld
   * (`gapsWithheld`, empty) with fewer than 3 organisations: too few organisations to compare.
   */
  commonGaps: CommonGap[];
  gapsWithheld: boolean;
  basis: string;
}

/** An organisation named in a region's list. */
export interface WatchListOrganisation {
  organisation: { code: string; name: string };
  ics: { code: string; name: string };
}

/** The figures a region's lists are about: a measure, or the overall score. */
export type WatchListKey = MeasureId | 'overall';

export interface WatchListMeasure {
  key: WatchListKey;
  /** Organisations scoring strictly below the threshold, lowest first; `of`: how many have a score. */
  below: { of: number; organisations: (WatchListOrganisation & { score: number })[] };
  declining: {
    /** Organisations with a comparable earlier figure (the same instrument): the declining are of these. */
    comparable: number;
    /** With an earlier figure from another instrument (not compared). */
    notComparable: number;
    /** What is compared with what, in plain English. */
    label: string;
    organisations: (WatchListOrganisation & {
      previous: number;
      current: number;
      change: number;
      previousCycleName: string;
    })[];
  };
}

/**
 * GET /api/regions/:code/watch-lists?cycle=&careSetting=&threshold= (regional viewers and national
 * administrators): per measure the region's organisations below the threshold and those declining
 * since the last comparable cycle, named (the region may see them all).
 */
export interface RegionWatchLists {
  region: { code: string; name: string };
  cycle: { id: string; name: string; referenceDate: IsoDate };
  source: ResultSource | null;
  careSettings: CareSetting[];
  careSetting: CareSetting;
  threshold: number;
  /** The organisations of the region with a result in the care setting. */
  organisations: number;
  measures: WatchListMeasure[];
  basis: string;
}
