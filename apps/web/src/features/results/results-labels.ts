import type { CompletionState, Distribution, MeasureId, QuartilePosition } from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';

import { pluralise, returnStateLabels } from '../../lib/format';

/** The seven measures in the framework's order. */
export const measureIds: readonly MeasureId[] = MEASURE_IDS;

/**
 * The measures' names in the WGLL framework (2021). NHS England's 2025 data file names some of them
 * differently ("Support Workforce", "Empower People"); the ids are the same.
 */
export const measureNames: Record<MeasureId, string> = {
  'well-led': 'Well led',
  'smart-foundations': 'Ensure smart foundations',
  'safe-practice': 'Safe practice',
  'support-people': 'Support people',
  'empower-citizens': 'Empower citizens',
  'improve-care': 'Improve care',
  'healthy-populations': 'Healthy populations',
};

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
