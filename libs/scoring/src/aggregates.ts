import type { CareSetting, MeasureId } from '@wgll/framework';
import { MEASURE_IDS } from '@wgll/framework';

export interface Summary {
  count: number;
  mean: number;
  median: number;
  /** Quartiles by linear interpolation between order statistics (the "inclusive" method, as Excel's QUARTILE.INC). */
  lowerQuartile: number;
  upperQuartile: number;
  min: number;
  max: number;
}

function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below]!;
  return fraction === 0 ? low : low + (sorted[below + 1]! - low) * fraction;
}

/** Count, mean, median, quartiles, min and max of a set of scores; null for an empty set. */
export function summarise(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // Summing in sorted order makes the mean independent of input order, to the last bit.
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return {
    count: sorted.length,
    mean,
    median: quantile(sorted, 0.5),
    lowerQuartile: quantile(sorted, 0.25),
    upperQuartile: quantile(sorted, 0.75),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/** One organisation's scores (for one care setting): null where a measure has no score. */
export interface ScoredOrganisation {
  measures: Partial<Record<MeasureId, number | null>>;
  overall: number | null;
}

export interface ScoreSummaries {
  measures: Record<MeasureId, Summary | null>;
  overall: Summary | null;
}

/** Summaries per measure and overall over a set of organisations; each counts only the scores present. */
export function summariseScores(organisations: readonly ScoredOrganisation[]): ScoreSummaries {
  const present = (values: Array<number | null | undefined>) =>
    values.filter((v): v is number => typeof v === 'number');
  const measures = Object.fromEntries(
    MEASURE_IDS.map((m) => [m, summarise(present(organisations.map((o) => o.measures[m])))]),
  ) as Record<MeasureId, Summary | null>;
  return { measures, overall: summarise(present(organisations.map((o) => o.overall))) };
}

/** Groups items by care setting (comparisons are always within one care setting). */
export function groupByCareSetting<T>(
  items: readonly T[],
  careSettingOf: (item: T) => CareSetting,
): Map<CareSetting, T[]> {
  const groups = new Map<CareSetting, T[]>();
  for (const item of items) {
    const setting = careSettingOf(item);
    const group = groups.get(setting);
    if (group) group.push(item);
    else groups.set(setting, [item]);
  }
  return groups;
}

/** Scores are kept at full precision and rounded only for display: one decimal place, as the DMA publishes. */
export function formatScore(score: number | null): string {
  return score === null ? '–' : (Math.round(score * 10) / 10).toFixed(1);
}

export type QuartilePosition =
  'lowest-quarter' | 'second-quarter' | 'at-median' | 'third-quarter' | 'highest-quarter';

/**
 * Where a score sits in a distribution, by its quartiles: below the lower quartile (lowest quarter),
 * from it to below the median (second), exactly the median, above the median up to the upper
 * quartile (third), or above it (highest). A position, never a rank. Scores are published to one
 * decimal place, so many equal a quartile: those at the median are said to be there, and those at a
 * quartile count in the quarter nearer the median.
 */
export function quartilePosition(score: number, summary: Summary): QuartilePosition {
  if (score === summary.median) return 'at-median';
  if (score < summary.lowerQuartile) return 'lowest-quarter';
  if (score < summary.median) return 'second-quarter';
  if (score <= summary.upperQuartile) return 'third-quarter';
  return 'highest-quarter';
}

/** How many of the scores are strictly below the threshold; share null when there are none. */
export function shareBelow(
  values: readonly number[],
  threshold: number,
): { count: number; of: number; share: number | null } {
  const count = values.filter((v) => v < threshold).length;
  return { count, of: values.length, share: values.length === 0 ? null : count / values.length };
}

export interface MovementSummary {
  count: number;
  improved: number;
  declined: number;
  unchanged: number;
  meanChange: number | null;
  previousMean: number | null;
  currentMean: number | null;
}

/** Differences below this are rounding in published figures, not movement. */
const SAME = 1e-9;

/** Year-on-year movement over pairs of scores of the same organisations (both years present). */
export function summariseMovement(
  pairs: ReadonlyArray<{ previous: number | null; current: number | null }>,
): MovementSummary {
  const both = pairs.filter(
    (p): p is { previous: number; current: number } => p.previous !== null && p.current !== null,
  );
  const mean = (values: number[]) =>
    values.length === 0 ? null : [...values].sort((a, b) => a - b).reduce((s, v) => s + v, 0) / values.length;
  const changes = both.map((p) => p.current - p.previous);
  return {
    count: both.length,
    improved: changes.filter((c) => c > SAME).length,
    declined: changes.filter((c) => c < -SAME).length,
    unchanged: changes.filter((c) => Math.abs(c) <= SAME).length,
    meanChange: mean(changes),
    previousMean: mean(both.map((p) => p.previous)),
    currentMean: mean(both.map((p) => p.current)),
  };
}

/**
 * The overall score of published measure scores: the mean of all seven, never of fewer (a missing
 * measure is missing data, not "not applicable"), so null when any is missing.
 */
export function publishedOverall(measures: Partial<Record<MeasureId, number | null>>): number | null {
  const values = MEASURE_IDS.map((m) => measures[m]);
  if (values.some((v) => typeof v !== 'number')) return null;
  return (values as number[]).reduce((sum, v) => sum + v, 0) / values.length;
}
