import type { TargetCounts, TargetOutlook } from '@wgll/contracts';

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

/** 0.457 → "46%"; null → "No organisations". */
export function shareText(share: number | null): string {
  return share === null ? 'No organisations' : `${Math.round(share * 100)}%`;
}

/** "9 of 20 organisations (45%)". */
export function countsSentence(counts: TargetCounts): string {
  const of = counts.total === 1 ? '1 organisation' : `${counts.total} organisations`;
  return `${counts.met} of ${of} (${shareText(counts.share)})`;
}

/** The measures' names (WGLL 2021), and the overall score. */
export const measureOptions: Array<{ value: string; label: string }> = [
  { value: 'well-led', label: 'Well led' },
  { value: 'smart-foundations', label: 'Ensure smart foundations' },
  { value: 'safe-practice', label: 'Safe practice' },
  { value: 'support-people', label: 'Support people' },
  { value: 'empower-citizens', label: 'Empower citizens' },
  { value: 'improve-care', label: 'Improve care' },
  { value: 'healthy-populations', label: 'Healthy populations' },
  { value: 'overall', label: 'Overall score' },
];

export const kindLabels = {
  domain: 'A domain at or above a level (read from sealed returns)',
  element: 'An element met (read from sealed returns)',
  measure: 'A measure score, or the overall score, at or above a value',
} as const;
