import type { MeasureId } from '@wgll/contracts';
import { MEASURE_IDS, MEASURE_NAMES } from '@wgll/framework';

/** The seven measures in the framework's order. */
export const measureIds: readonly MeasureId[] = MEASURE_IDS;

/** The measures' names in the WGLL framework (2021). */
export const measureNames: Readonly<Record<MeasureId, string>> = MEASURE_NAMES;

/** The mean of the seven measure scores, by name. */
export const overallScoreName = 'Overall score';
