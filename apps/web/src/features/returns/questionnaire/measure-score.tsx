import type { MeasureResult } from '@wgll/scoring';

import { pluralise } from '../../../lib/format';
import { formatScore } from '../return-format';

/** The measure's score, computed live from the answers on screen: the mean of its scored domains' levels. */
export function MeasureScore({ result }: { result: MeasureResult | undefined }) {
  if (!result) return null;
  let explanation: string;
  if (result.missing > 0) {
    explanation = `${pluralise(result.missing, 'domain')} still to answer. The measure is scored once every domain is answered.`;
  } else if (result.score === null) {
    explanation = 'Every domain is not applicable, so the measure has no score.';
  } else {
    explanation = `The average level of ${pluralise(result.scored, 'domain')}${
      result.notApplicable > 0
        ? `, leaving out ${pluralise(result.notApplicable, 'domain')} not applicable`
        : ''
    }.`;
  }
  return (
    <div className="wgll-measure-score">
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">Measure score</h2>
      <p className="nhsuk-heading-l nhsuk-u-margin-bottom-1">{formatScore(result.score)}</p>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{explanation}</p>
    </div>
  );
}
