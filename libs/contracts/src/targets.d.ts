import type { IsoDate } from './common.js';
import type { CareSetting } from './organisations.js';
import type { LevelNumber } from './plans.js';
import type { ResultSource } from './results.js';
import type { MeasureId } from './returns.js';

/**
 * National targets (issue 19): a national administrator says what counts for an organisation, for
 * which care settings, the share of organisations to reach and by when; the region and national views
 * show each target's progress.
 */

/** A domain at or above a level, an element met, or a measure score (or the overall score) at or above a value. */
export type TargetKind = 'domain' | 'element' | 'measure';

/** What a target is: every field, as sent to create or change one. Unused fields are null. */
export interface TargetDefinition {
  name: string;
  description: string;
  kind: TargetKind;
  /** Domain and element targets: the framework (e.g. wgll-self-assessment) and the domain's id. */
  frameworkId: string | null;
  domainId: string | null;
  /** Domain targets: the level to reach. */
  level: LevelNumber | null;
  /** Element targets: the element to meet. */
  elementId: string | null;
  /** Measure targets: the measure, or `overall`, and the score to reach (1–5). */
  measure: MeasureId | 'overall' | null;
  value: number | null;
  /** At least one. */
  careSettings: CareSetting[];
  /** The share of organisations to reach, 1–100 (%). */
  percent: number;
  dueDate: IsoDate;
}

export interface SaveTargetRequest extends TargetDefinition {
  /** When changing a target: the version read (409 TARGET_CONFLICT when it has moved on). */
  baseVersion?: number;
}

export interface NationalTarget extends TargetDefinition {
  id: string;
  /** The domain's lineage: the target follows it into later framework versions (and merges). */
  lineageId: string | null;
  /** Plain English, e.g. "Electronic patient record (sf-epr) at level 4 or above". */
  summary: string;
  version: number;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NationalTargetList {
  items: NationalTarget[];
}

export type TargetStatus = 'met' | 'not-yet' | 'no-data';
export type TargetOutlook = 'reached' | 'on-track' | 'off-track' | 'missed' | 'not-enough-data';

export interface TargetCounts {
  /** Organisations in the area with at least one of the target's care settings. */
  total: number;
  met: number;
  notYet: number;
  noData: number;
  /** met / total (0–1): organisations without data count as not there. Null when there are none. */
  share: number | null;
  /** met / (met + notYet): among organisations with data. */
  shareOfKnown: number | null;
}

/** One cycle's figures for a target in an area. */
export interface TargetCycleFigure {
  cycle: { id: string; name: string; referenceDate: IsoDate };
  /** Where the figures come from: sealed returns (domain and element targets), or the results shown for the cycle. */
  source: ResultSource | null;
  counts: TargetCounts;
  /** Why organisations have no data, when that needs saying (e.g. the published results have no domain levels). */
  note: string | null;
}

/** An organisation of the area not yet there (or without data), in the latest cycle with data. */
export interface TargetOrganisation {
  organisation: { code: string; name: string };
  ics: { code: string; name: string };
  status: Exclude<TargetStatus, 'met'>;
  /** The target's care settings the organisation runs. */
  careSettings: CareSetting[];
}

export interface TargetAreaProgress {
  area: { type: 'england' | 'region'; code: string | null; name: string };
  /** The latest cycle where some organisation of the area has data, else the latest cycle; null when there are no cycles. */
  now: TargetCycleFigure | null;
  /** Every cycle with results, oldest first. */
  trend: TargetCycleFigure[];
  outlook: TargetOutlook;
  /** Not yet there, then without data, by name (the region view, and England in the national view); null for the regions of the national view. */
  organisations: TargetOrganisation[] | null;
}

export interface TargetProgress {
  target: NationalTarget;
  areas: TargetAreaProgress[];
}

/** GET /api/regions/:code/targets */
export interface RegionTargets {
  region: { code: string; name: string };
  targets: TargetProgress[];
}

/** GET /api/national/targets: England (with its organisations) and each region (counts). */
export interface NationalTargets {
  targets: TargetProgress[];
}
