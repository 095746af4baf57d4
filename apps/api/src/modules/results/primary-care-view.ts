import type { MeasureId, PrimaryCareResults, ResultCycle } from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';
import { formatIsoDate } from '../../common/iso-date.js';
import { PRIMARY_CARE_MEASURES } from '../result-store/primary-care-scores.repository.js';

/**
 * An ICB's primary care survey scores as the ICS view gives them: every measure, those the survey
 * does not score said so, with what the figures are and where they come from. Null without scores.
 */
export function primaryCareView(
  cycle: ResultCycle,
  scores: Partial<Record<MeasureId, number>> | null,
): PrimaryCareResults | null {
  if (!scores) return null;
  const { publication } = cycle;
  const source = publication
    ? `${publication.title}${publication.publicationDate ? `, published ${formatIsoDate(publication.publicationDate)}` : ''}`
    : 'NHS England’s published Digital Maturity Assessment';
  return {
    cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
    publication,
    description:
      `NHS England’s primary care survey (${source}): the ICB’s own answers about general practice ` +
      `in its area, scored on ${PRIMARY_CARE_MEASURES.length} of the ${MEASURE_IDS.length} measures, ` +
      `for the ${cycle.name} cycle.`,
    measures: MEASURE_IDS.map((measure) => {
      const inSurvey = (PRIMARY_CARE_MEASURES as readonly MeasureId[]).includes(measure);
      return { measure, inSurvey, score: inSurvey ? (scores[measure] ?? null) : null };
    }),
  };
}
