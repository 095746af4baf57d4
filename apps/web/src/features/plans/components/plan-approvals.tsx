import type { PlanApprovalRecord } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { BoardMeetingForm } from '../../../components/board-meeting-form';
import { WideTable } from '../../../components/table-scroll';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { planPath } from '../../../lib/links';
import { useApprovePlan } from '../api/plan-api';

/** The board's approvals of the plan, each with a link to the plan as it was approved. */
export function PlanApprovalsTable({
  returnId,
  approvals,
}: {
  returnId: string;
  approvals: PlanApprovalRecord[];
}) {
  if (approvals.length === 0) return <p>The board has not approved this plan yet.</p>;
  return (
    <WideTable caption="Board approvals of the plan">
      <Table.Head>
        <Table.Row>
          <Table.Cell>Board meeting</Table.Cell>
          <Table.Cell>Minute reference</Table.Cell>
          <Table.Cell>Recorded by</Table.Cell>
          <Table.Cell>Approved</Table.Cell>
          <Table.Cell>Plan</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {[...approvals].reverse().map((approval) => (
          <Table.Row key={approval.id}>
            <Table.Cell>{formatDate(approval.meetingDate)}</Table.Cell>
            <Table.Cell>{approval.minuteReference}</Table.Cell>
            <Table.Cell>{approval.approver.displayName}</Table.Cell>
            <Table.Cell>
              {approval.returnApprovalId ? 'With the return' : 'On its own'},{' '}
              {formatDateTime(approval.approvedAt)}
            </Table.Cell>
            <Table.Cell>
              <Link to={planPath(returnId, 'approvals', approval.id)}>
                View the plan as approved
                <span className="nhsuk-u-visually-hidden">
                  {' '}
                  at the meeting on {formatDate(approval.meetingDate)}
                </span>
              </Link>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

/** A board approver records the board's approval of the plan on its own (the return is sealed). */
export function ApprovePlanForm({ returnId, onApproved }: { returnId: string; onApproved: () => void }) {
  const approve = useApprovePlan(returnId);
  return (
    <BoardMeetingForm
      idPrefix="plan-"
      heading="Record the board’s approval of the plan"
      headingLevel="h3"
      intro={
        <p>
          The return is sealed, so the board approves the plan on its own. The plan is kept as it stands now,
          beside the approval; it can still change afterwards.
        </p>
      }
      submitLabel="Approve the plan"
      mutation={approve}
      onRecorded={onApproved}
    />
  );
}
