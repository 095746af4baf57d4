import type {
  MeasureId,
  NationalTrends,
  TrendBreak,
  TrendCycle,
  TrendPoint,
  TrendSeriesKey,
  TrustTrends,
} from '@wgll/contracts';

import { overallScoreName } from '../../lib/measures';
import { measureIds, measureNames } from './results-labels';

export const trendSeriesNames: Record<TrendSeriesKey, string> = {
  ...measureNames,
  overall: overallScoreName,
  'comparable-overall': 'Overall, comparable domains (NHS England)',
};

/** One row of the trend table: a cycle, or the break before it (with why). */
export type TrendTableRow =
  | { kind: 'break'; cycle: TrendCycle; reason: string }
  | {
      kind: 'cycle';
      cycle: TrendCycle;
      /** Where the cycle's figures come from, in words. */
      instrument: string;
      values: Record<TrendSeriesKey, number | null>;
    };

/** What the trust's and an area's trends share: the cycles and a series per key. */
export type TrendSeriesSet = Pick<TrustTrends, 'cycles' | 'measures'>;

const seriesByName = (points: TrendPoint[]) => new Map(points.map((p) => [p.cycle.name, p]));

/**
 * The trust's table: one row per cycle, oldest first, and a row before each cycle where the line
 * breaks, saying why. The breaks are those of the overall score (every measure shares them), else of
 * NHS England's comparable overall.
 */
export function trustTrendRows(trends: TrendSeriesSet): TrendTableRow[] {
  const series = new Map(trends.measures.map((m) => [m.key, seriesByName(m.points)]));
  const rows: TrendTableRow[] = [];
  for (const cycle of trends.cycles) {
    const points = trends.measures.map((m) => series.get(m.key)!.get(cycle.name)).filter((p) => p);
    const lead = series.get('overall')!.get(cycle.name) ?? points[0];
    if (lead?.break) rows.push({ kind: 'break', cycle, reason: lead.break.reason });
    rows.push({
      kind: 'cycle',
      cycle,
      instrument: sentenceStart(lead?.instrument.label ?? ''),
      values: Object.fromEntries(
        trends.measures.map((m) => [m.key, series.get(m.key)!.get(cycle.name)?.value ?? null]),
      ) as Record<TrendSeriesKey, number | null>,
    });
  }
  return rows;
}

const sentenceStart = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** England's table rows: per cycle, the median per measure, with the breaks. */
export function nationalTrendRows(trends: NationalTrends) {
  return trends.points.flatMap((point) => [
    ...(point.break ? [{ kind: 'break' as const, cycle: point.cycle, reason: point.break.reason }] : []),
    { kind: 'cycle' as const, cycle: point.cycle, instrument: sentenceStart(point.instrument.label), point },
  ]);
}

/** A chart row: one per cycle; each unbroken run of the series has its own key, so breaks are gaps. */
export type TrendChartRow = { name: string } & Record<string, number | string | null>;

export interface TrendChartData {
  rows: TrendChartRow[];
  /** Keys of the trust's runs (`trust0`, `trust1`…) and England's (`england0`…). */
  trustRuns: string[];
  englandRuns: string[];
  /** Cycles where a line breaks: a labelled marker is drawn there. */
  breaks: string[];
}

function addRuns(
  rows: Map<string, TrendChartRow>,
  prefix: string,
  points: Array<{ cycle: TrendCycle; value: number | null; break: TrendBreak | null }>,
  breaks: Set<string>,
): string[] {
  const runs: string[] = [];
  let run = -1;
  for (const point of points) {
    if (run < 0 || point.break) {
      run += 1;
      runs.push(`${prefix}${run}`);
      if (point.break) breaks.add(point.cycle.name);
    }
    const row = rows.get(point.cycle.name);
    if (row) row[`${prefix}${run}`] = point.value;
  }
  return runs;
}

export function trendChartData(
  trends: TrendSeriesSet,
  national: NationalTrends | undefined,
  key: TrendSeriesKey,
): TrendChartData {
  const rows = new Map<string, TrendChartRow>(trends.cycles.map((c) => [c.name, { name: c.name }]));
  const breaks = new Set<string>();
  const trustRuns = addRuns(rows, 'trust', trends.measures.find((m) => m.key === key)?.points ?? [], breaks);
  const measure = measureIds.includes(key as MeasureId) ? (key as MeasureId) : null;
  const englandRuns =
    measure && national
      ? addRuns(
          rows,
          'england',
          national.points
            .filter((p) => rows.has(p.cycle.name))
            .map((p) => ({ cycle: p.cycle, value: p.measures[measure].median, break: p.break })),
          breaks,
        )
      : [];
  return { rows: [...rows.values()], trustRuns, englandRuns, breaks: [...breaks] };
}
