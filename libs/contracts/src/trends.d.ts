import type { IsoDate } from './common.js';
import type { CareSetting } from './organisations.js';
import type { Distribution } from './results.js';
import type { MeasureId } from './returns.js';

// ---------------------------------------------------------------------------------------------
// Progress over the years: trends across cycles
// ---------------------------------------------------------------------------------------------

/** What produced a figure: NHS England's published national assessment, or a version of our question bank. */
export type TrendInstrument =
  | { kind: 'published'; label: string }
  | { kind: 'question-bank'; frameworkId: string; version: string; label: string };

/** A cycle in a trend. `id` is null for a year known only from a publication (NHS England's 2024/25). */
export interface TrendCycle {
  id: string | null;
  name: string;
  referenceDate: IsoDate;
}

/** Why a figure is not joined to the one before it (plain English). */
export interface TrendBreak {
  reason: string;
  /** Split or merged domains: the titles, in the earlier version, of the domains they came from. */
  from: string[];
}

export interface TrendPoint {
  cycle: TrendCycle;
  instrument: TrendInstrument;
  value: number | null;
  /** Null: joined to the point before (or the first point). Else the line stops here, and why. */
  break: TrendBreak | null;
}

/** `overall`: the mean of the measure scores. `comparable-overall`: NHS England's, on domains asked in both years. */
export type TrendSeriesKey = MeasureId | 'overall' | 'comparable-overall';

export interface MeasureTrend {
  key: TrendSeriesKey;
  points: TrendPoint[];
}

export interface DomainTrend {
  lineageId: string;
  /** The domain's id and title in the newest version that has it. */
  domainId: string;
  title: string;
  measure: MeasureId;
  relation: 'same' | 'reworded' | 'changed' | 'new' | 'split' | 'merged' | null;
  /** The lineage ended after its last point: split, merged or retired, and why. */
  ended: string | null;
  points: TrendPoint[];
}

/** The change from the cycle before to the last, labelled with what it compares. */
export interface TrendChange {
  previous: TrendCycle;
  current: TrendCycle;
  /** True only like for like (same instrument). */
  comparable: boolean;
  /** What is compared ("the same framework version 2026.1, comparable domains"), or why it is not. */
  label: string;
  /** Current − previous per measure and overall; all null when not comparable. */
  measures: Record<MeasureId, number | null>;
  overall: number | null;
}

/** GET /api/organisations/:code/trends?careSetting= */
export interface TrustTrends {
  organisation: { odsCode: string; name: string };
  /** Care settings the organisation has results for in any cycle. */
  careSettings: CareSetting[];
  /** The care setting asked for, else the first of `careSettings`; null when there is none. */
  careSetting: CareSetting | null;
  /** Every cycle with a result for the care setting, oldest first (with NHS England's 2024/25 when published). */
  cycles: TrendCycle[];
  /** The seven measures, the overall score, and NHS England's comparable overall (2024/25 and 2025/26). */
  measures: MeasureTrend[];
  /** Sealed returns' domain levels, joined through lineage; empty without a sealed return. */
  domains: DomainTrend[];
  /** Null with fewer than two cycles. */
  change: TrendChange | null;
  /** How the figures were made, for the label beside the chart and table. */
  basis: string;
}

export interface NationalTrendPoint {
  cycle: TrendCycle;
  instrument: TrendInstrument;
  /** The median (and the rest of the distribution), withheld below 5 organisations. */
  measures: Record<MeasureId, Distribution>;
  break: TrendBreak | null;
}

/** GET /api/national/trends?careSetting= — England's median per measure per cycle, same care setting. */
export interface NationalTrends {
  careSetting: CareSetting;
  points: NationalTrendPoint[];
  basis: string;
}

/** Which ICSs an ICS's earlier cycles are worked out from (across the April 2026 mergers). */
export type TrendBoundaries = 'today' | 'then';

/** An ICS (or part of one) whose members made a figure, e.g. a predecessor before a merger. */
export interface TrendArea {
  odsCode: string;
  name: string;
  /** E.g. "Hertfordshire part" when only part of it passed to the successor; else null. */
  part: string | null;
}

export interface AreaTrendPoint {
  cycle: TrendCycle;
  instrument: TrendInstrument;
  /** The median of the member organisations' scores with the count; under 3 only the count ('too-few'). */
  measures: Record<MeasureId, Distribution>;
  overall: Distribution;
  /** The ICSs whose member organisations' scores were used in this cycle. */
  areas: TrendArea[];
  break: TrendBreak | null;
}

/** One cycle of the ICB's own return (its ICS-level assessment), never an average of its providers. */
export interface SystemTrendPoint {
  cycle: TrendCycle;
  instrument: TrendInstrument;
  /** The ICB's own scores; null when there is no single figure (before a merger). */
  measures: Record<MeasureId, number | null> | null;
  overall: number | null;
  /** Before a merger: each predecessor ICB's own figures, separately (not averaged). */
  predecessors: Array<TrendArea & { measures: Record<MeasureId, number | null>; overall: number | null }>;
  /** Why there is no single figure, in plain English; null when there is one. */
  note: string | null;
  break: TrendBreak | null;
}

/**
 * GET /api/ics/:code/trends?careSetting=&boundaries= and GET /api/regions/:code/trends?careSetting=:
 * per measure per cycle the median of the member organisations' scores (one care setting).
 */
export interface AreaTrends {
  area: { type: 'ics' | 'region'; odsCode: string; name: string };
  careSettings: CareSetting[];
  careSetting: CareSetting | null;
  /** ICS only: today's members throughout, or the ICS(s) as they were in each cycle; null for a region. */
  boundaries: TrendBoundaries | null;
  /** Which it is, in plain English. */
  boundariesLabel: string;
  /** ICS only: the ICSs it was formed from (empty when it was not formed by a merger). */
  predecessors: TrendArea[];
  cycles: TrendCycle[];
  /** Per cycle, with the distributions (median and count). */
  points: AreaTrendPoint[];
  /** The medians as series (null where too few), for the chart and the change since the last cycle. */
  measures: MeasureTrend[];
  change: TrendChange | null;
  /** ICS only: the ICB's own return in each cycle, kept apart from its providers; null for a region. */
  system: SystemTrendPoint[] | null;
  basis: string;
}
