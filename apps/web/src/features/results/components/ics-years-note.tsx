import type { ResultCycle } from '@wgll/contracts';
import { InsetText } from 'nhsuk-react-components';

import { FIRST_DAY_AFTER_MERGERS, formatDate } from '../../../lib/dates';

/**
 * Why a region's ICSs differ between cycles: each cycle's results use the hierarchy on the cycle's
 * reference date, and the integrated care boards merged on FIRST_DAY_AFTER_MERGERS.
 */
export function IcsYearsNote({ cycle }: { cycle: ResultCycle }) {
  const mergers = formatDate(FIRST_DAY_AFTER_MERGERS);
  return (
    <InsetText>
      <p>
        Each organisation’s results count in the ICS it belonged to for that cycle. Some integrated care
        boards merged on {mergers} (42 became 36). So 2025/26 results use the ICSs as they were before the
        mergers of {mergers}, when those assessments were made, and 2026/27 results use the ICSs formed by
        them.
      </p>
      <p>
        This cycle ({cycle.name}) uses the ICSs as they were on {formatDate(cycle.referenceDate)}.
      </p>
    </InsetText>
  );
}
