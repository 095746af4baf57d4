import type { ReturnDetail } from '@wgll/contracts';

import { BoardMeetingForm } from '../../../components/board-meeting-form';
import { useApproveReturn } from '../api/returns-api';
import { returnPeople } from '../return-labels';

/**
 * A board approver records the board's approval (for an ICB's system return, the ICS lead records
 * the ICB board's): the meeting's date and the minute reference.
 */
export function ApproveForm({ detail, onApproved }: { detail: ReturnDetail; onApproved: () => void }) {
  const approve = useApproveReturn(detail.id);
  const people = returnPeople(detail);
  return (
    <BoardMeetingForm
      idPrefix=""
      heading="Record the board’s approval"
      headingLevel="h2"
      intro={
        <p>{`Record the approval${people.onBehalf} once ${people.board} has approved the return at a meeting.`}</p>
      }
      submitLabel="Record approval"
      mutation={approve}
      onRecorded={onApproved}
    />
  );
}
