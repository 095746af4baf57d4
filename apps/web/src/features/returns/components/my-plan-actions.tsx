import { useQueries } from '@tanstack/react-query';
import type { MyAssignment } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { ActionStateTag } from '../../../components/action-state-tag';
import { WideTable } from '../../../components/table-scroll';
import { planQuery } from '../../../lib/api/plans-api';
import { useCurrentUser } from '../../../lib/api/session-api';
import { formatDate } from '../../../lib/dates';
import { planPath } from '../../../lib/links';
import { returnTitle } from '../return-labels';

/**
 * The improvement plan actions the signed-in user owns, on the returns they have work on: shown
 * only when there are some.
 */
export function MyPlanActions({ items }: { items: MyAssignment[] }) {
  const userId = useCurrentUser()?.id;
  const returns = items
    .map((item) => item.return)
    .filter((summary, index, all) => all.findIndex((other) => other.id === summary.id) === index)
    .filter((summary) => summary.owner.type === 'organisation');
  const plans = useQueries({
    queries: returns.map((summary) => ({ ...planQuery(summary.id), staleTime: 0 })),
  });
  const rows = returns.flatMap((summary, index) =>
    (plans[index]?.data?.actions ?? [])
      .filter((action) => action.owner?.id === userId)
      .map((action) => ({ summary, action })),
  );
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="my-actions-heading">
      <h2 id="my-actions-heading">Your improvement plan actions</h2>
      <p>
        The actions of the improvement plans that you own. Open one to update its state, description or
        evidence.
      </p>
      <WideTable caption="Actions you own">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Action</Table.Cell>
            <Table.Cell>Return</Table.Cell>
            <Table.Cell>Due</Table.Cell>
            <Table.Cell>State</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map(({ summary, action }) => (
            <Table.Row key={action.id}>
              <Table.Cell>
                <Link to={planPath(summary.id, 'actions', action.id)}>{action.title}</Link>
              </Table.Cell>
              <Table.Cell>{returnTitle(summary)}</Table.Cell>
              <Table.Cell>{action.dueDate ? formatDate(action.dueDate) : 'No date'}</Table.Cell>
              <Table.Cell>
                <ActionStateTag state={action.state} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
    </section>
  );
}
