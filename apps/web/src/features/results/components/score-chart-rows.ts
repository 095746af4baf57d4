import type { TrustResults } from '@wgll/contracts';

import { measureNames } from '../results-labels';

/** The chart's marks: dark enough against white (3:1 or more), and told apart by shape too. */
export const chartColours = {
  range: '#d8dde0',
  rangeEdge: '#4c6272',
  national: '#212b32',
  ics: '#7c2855',
  score: '#005eb8',
};

export interface ChartRow {
  name: string;
  range: [number, number] | null;
  national: number | null;
  ics: number | null;
  score: number | null;
}

export function chartRows(results: TrustResults): ChartRow[] {
  return results.measures.map((item) => {
    const { national, ics } = item;
    const showNational = !national.suppressed;
    return {
      name: measureNames[item.measure],
      range:
        showNational && national.lowerQuartile !== null && national.upperQuartile !== null
          ? [national.lowerQuartile, national.upperQuartile]
          : null,
      national: showNational ? national.median : null,
      ics: ics.suppressed ? null : ics.median,
      score: item.score,
    };
  });
}
