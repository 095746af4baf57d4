import type { CompletionState, Distribution, QuartilePosition } from '@wgll/contracts';

import { pluralise, returnStateLabels } from '../../lib/format';

export { measureIds, measureNames } from '../../lib/measures';

/** Positions are said by quarter, never as a rank. */
export const positionLabels: Record<QuartilePosition, string> = {
  'lowest-quarter': 'Lowest quarter',
  'second-quarter': 'Second quarter (below the median)',
  'at-median': 'At the median',
  'third-quarter': 'Third quarter (above the median)',
  'highest-quarter': 'Highest quarter',
};

export function positionLabel(position: QuartilePosition | null): string {
  return position ? positionLabels[position] : 'Not shown';
}

export const completionStates: CompletionState[] = [
  'not-started',
  'draft',
  'awaiting-approval',
  'approved',
  'submitted',
];

export const completionStateLabels: Record<CompletionState, string> = {
  'not-started': 'Not started',
  ...returnStateLabels,
};

export const SUPPRESSED_TEXT = 'Fewer than 5 organisations – not shown';

export const TOO_FEW_TEXT = 'too few organisations to compare';

/**
 * Why a withheld distribution has no figures: national figures from fewer than 5 organisations, or a
 * comparison (ICS median, spread, region median) from fewer than 3, said with the count.
 */
export function withheldText(distribution: Pick<Distribution, 'count' | 'reason'>): string {
  return distribution.reason === 'too-few'
    ? `${pluralise(distribution.count, 'organisation')}: ${TOO_FEW_TEXT}`
    : SUPPRESSED_TEXT;
}
