import type { Cycle } from '@wgll/contracts';

import { formatDate } from '../../../lib/dates';
import { CycleStatusTag } from '../../cycles/components/cycle-status-tag';

/** The cycle shown, its status and when answers are accepted. */
export function CycleDates({ cycle }: { cycle: Cycle }) {
  return (
    <p>
      <strong>{cycle.name}</strong> <CycleStatusTag status={cycle.status} /> Answers are accepted from{' '}
      {formatDate(cycle.opensOn)} to {formatDate(cycle.closesOn)}.
    </p>
  );
}
