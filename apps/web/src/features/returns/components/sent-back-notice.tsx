import type { ReturnDetail } from '@wgll/contracts';
import { WarningCallout } from 'nhsuk-react-components';

import { formatDate, formatDayOf } from '../../../lib/dates';

/**
 * The board's comments when it sent the return back instead of approving it: shown to the team on the
 * return until they send it for approval again (the API gives `sentBack` only while that holds).
 */
export function SentBackNotice({ detail }: { detail: ReturnDetail }) {
  const sentBack = detail.sentBack;
  if (!sentBack) return null;
  const meeting = [
    sentBack.meetingDate ? `at its meeting on ${formatDate(sentBack.meetingDate)}` : '',
    sentBack.minuteReference ? `minute ${sentBack.minuteReference}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <WarningCallout>
      <WarningCallout.Heading>The board sent this return back</WarningCallout.Heading>
      <p>The board sent this return back on {formatDayOf(sentBack.declinedAt)}:</p>
      <blockquote className="wgll-board-comments">{sentBack.reason}</blockquote>
      <p>
        Recorded by {sentBack.decliner.displayName}
        {meeting ? ` (${meeting})` : ''}. Make the changes the board asks for, then mark the return ready for
        approval again.
      </p>
    </WarningCallout>
  );
}
