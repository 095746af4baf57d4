import { InsetText } from 'nhsuk-react-components';

import '../results.css';

/** Said on every results page: comparisons guide support; they do not rank. */
export function ResultsNotice() {
  return (
    <InsetText>
      <p>
        These comparisons show where support may help. They are not a league table: organisations are compared
        only within the same care setting, and positions are shown by quarter, never by rank.
      </p>
    </InsetText>
  );
}
