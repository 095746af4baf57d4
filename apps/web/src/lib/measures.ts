import type { MeasureId } from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';

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

/** The mean of the seven measure scores, by name. */
export const overallScoreName = 'Overall score';
