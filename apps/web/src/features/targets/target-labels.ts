import type { TargetCounts, TargetOutlook } from '@wgll/contracts';

import { formatPercent, pluralise } from '../../lib/format';
import { measureIds, measureNames, overallScoreName } from '../../lib/measures';

export const outlookLabels: Record<TargetOutlook, string> = {
  reached: 'Reached',
  'on-track': 'On track',
  'off-track': 'Not on track',
  missed: 'Missed',
  'not-enough-data': 'Not enough data to tell',
};

export const outlookColours: Record<TargetOutlook, 'green' | 'blue' | 'orange' | 'red' | 'grey'> = {
  reached: 'green',
  'on-track': 'blue',
  'off-track': 'orange',
  missed: 'red',
  'not-enough-data': 'grey',
};

/** 0.457 → "46%"; null (no organisations to count) → "No organisations". */
export function percentMet(share: number | null): string {
  return share === null ? 'No organisations' : formatPercent(share);
}

/** "9 of 20 organisations (45%)". */
export function countsSentence(counts: TargetCounts): string {
  return `${counts.met} of ${pluralise(counts.total, 'organisation')} (${percentMet(counts.share)})`;
}

/** The measures' names (WGLL 2021) in the framework's order, and the overall score. */
export const measureOptions: Array<{ value: string; label: string }> = [
  ...measureIds.map((id) => ({ value: id, label: measureNames[id] })),
  { value: 'overall', label: overallScoreName },
];

export const kindLabels = {
  domain: 'A domain at or above a level (read from sealed returns)',
  element: 'An element met (read from sealed returns)',
  measure: 'A measure score, or the overall score, at or above a value',
} as const;
