import type { ReturnDetail } from '@wgll/contracts';
import { InsetText } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { usePlan } from '../../../lib/api/plans-api';
import { planPath } from '../../../lib/links';

/**
 * On the approval page: the board approves the improvement plan as it stands together with the return
 * (the approval records the plan's version). Says how much the plan holds, with a link to read it.
 */
export function PlanWithReturn({ detail }: { detail: ReturnDetail }) {
  const plan = usePlan(detail.id);
  if (!plan.data) return null;
  const targets = plan.data.targets.length;
  const actions = plan.data.actions.length;
  const holds =
    targets === 0 && actions === 0
      ? 'It has no targets or actions yet.'
      : `It has ${targets === 1 ? 'a target for 1 domain' : `targets for ${targets} domains`} and ${
          actions === 1 ? '1 action' : `${actions} actions`
        }.`;
  return (
    <InsetText>
      <p>
        {detail.state === 'submitted'
          ? 'Once the return is sealed, the board can approve its improvement plan on its own, from the plan.'
          : 'When the board approves the return, it also approves the improvement plan as it stands at that moment: the approval records the plan.'}{' '}
        {holds}
      </p>
      <p>
        <Link to={planPath(detail.id)}>Read the improvement plan</Link>
      </p>
    </InsetText>
  );
}
