import type { ResultCycle } from '@wgll/contracts';
import { InsetText } from 'nhsuk-react-components';

import { formatDate } from '../../../lib/dates';

/**
 * Why a region's ICSs differ between cycles: each cycle's results use the hierarchy on the cycle's
 * reference date, and the integrated care boards merged on 1 April 2026.
 */
export function IcsYearsNote({ cycle }: { cycle: ResultCycle }) {
  return (
    <InsetText>
      <p>
        Each organisation’s results count in the ICS it belonged to for that cycle. Some integrated care
        boards merged on 1 April 2026 (42 became 36). So 2025/26 results use the ICSs as they were before the
        mergers of 1 April 2026, when those assessments were made, and 2026/27 results use the ICSs formed by
        them.
      </p>
      <p>
        This cycle ({cycle.name}) uses the ICSs as they were on {formatDate(cycle.referenceDate)}.
      </p>
    </InsetText>
  );
}
