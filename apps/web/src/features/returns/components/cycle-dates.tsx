import type { Cycle } from '@wgll/contracts';

import { CycleStatusTag } from '../../../components/cycle-status-tag';
import { formatDate } from '../../../lib/dates';

/** The cycle shown, its status and when answers are accepted. */
export function CycleDates({ cycle }: { cycle: Cycle }) {
  return (
    <p>
      <strong>{cycle.name}</strong> <CycleStatusTag status={cycle.status} /> Answers are accepted from{' '}
      {formatDate(cycle.opensOn)} to {formatDate(cycle.closesOn)}.
    </p>
  );
}
