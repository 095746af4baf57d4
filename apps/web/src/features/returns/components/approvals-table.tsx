import type { Approval } from '@wgll/contracts';
import { Table, Tag } from 'nhsuk-react-components';

import { formatDate, formatDateTime } from '../../../lib/dates';

/** This revision's board approvals, withdrawn ones included (and marked as withdrawn, with why). */
export function ApprovalsTable({ approvals, revision }: { approvals: Approval[]; revision: number }) {
  if (approvals.length === 0) {
    return <p>The board has not approved this revision of the return yet.</p>;
  }
  return (
    <Table responsive caption={`Board approvals of revision ${revision}`}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Approved by</Table.Cell>
          <Table.Cell>Board meeting</Table.Cell>
          <Table.Cell>Minute reference</Table.Cell>
          <Table.Cell>Recorded</Table.Cell>
          <Table.Cell>Status</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {approvals.map((approval) => (
          <Table.Row key={approval.id}>
            <Table.Cell>{approval.approver.displayName}</Table.Cell>
            <Table.Cell>{formatDate(approval.meetingDate)}</Table.Cell>
            <Table.Cell>{approval.minuteReference}</Table.Cell>
            <Table.Cell>{formatDateTime(approval.approvedAt)}</Table.Cell>
            <Table.Cell>
              {approval.withdrawnAt ? (
                <>
                  <Tag modifier="grey">Withdrawn</Tag>
                  <p className="nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                    {formatDateTime(approval.withdrawnAt)}
                    {approval.withdrawnReason ? `: ${approval.withdrawnReason}` : ''}
                  </p>
                </>
              ) : (
                <Tag modifier="green">Current</Tag>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
