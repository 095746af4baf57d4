import type { DeclineRequest, ReturnDetail } from '@wgll/contracts';
import { Button, CharacterCount, TextInput, WarningCallout } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import {
  dateInputTarget,
  DateFields,
  emptyDateParts,
  readDateParts,
  type DateParts,
} from '../../../components/date-fields';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { todayIso } from '../../../lib/dates';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { sentenceCase } from '../../../lib/format';
import { useDeclineReturn } from '../api/returns-api';
import { returnPeople } from '../return-labels';

/** The longest reason the API accepts. */
export const SEND_BACK_REASON_MAX = 2000;

const ids = { reason: 'send-back-reason', meetingDate: 'send-back-meeting-date', minute: 'send-back-minute' };
const fieldIds = {
  reason: ids.reason,
  meetingDate: dateInputTarget(ids.meetingDate),
  minuteReference: ids.minute,
};

/**
 * A board approver sends a return awaiting approval back to the team, with the board's comments,
 * instead of approving it. Two steps: the comments, then a confirmation.
 */
export function SendBackForm({ detail, onSentBack }: { detail: ReturnDetail; onSentBack: () => void }) {
  const decline = useDeclineReturn(detail.id);
  const people = returnPeople(detail);
  const [reason, setReason] = useState('');
  const [meetingDate, setMeetingDate] = useState<DateParts>(emptyDateParts);
  const [minute, setMinute] = useState('');
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [confirming, setConfirming] = useState<DeclineRequest | null>(null);
  const errors =
    checkErrors.length > 0 ? checkErrors : apiFieldErrors(decline.error, fieldIds, { conflicts: true });

  function check(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const found: FormError[] = [];
    const text = reason.trim();
    if (!text) found.push({ id: ids.reason, message: 'Enter why the board is sending the return back' });
    else if (text.length > SEND_BACK_REASON_MAX)
      found.push({ id: ids.reason, message: 'The reason must be 2,000 characters or fewer' });
    const anyDate = meetingDate.day || meetingDate.month || meetingDate.year;
    const date = anyDate ? readDateParts(meetingDate, 'Date of the board meeting') : null;
    if (date && 'error' in date) found.push({ id: fieldIds.meetingDate, message: date.error });
    else if (date && date.date > todayIso())
      found.push({
        id: fieldIds.meetingDate,
        message: 'The date of the board meeting must be today or in the past',
      });
    setCheckErrors(found);
    if (found.length > 0) return;
    setConfirming({
      reason: text,
      ...(date && 'date' in date ? { meetingDate: date.date } : {}),
      ...(minute.trim() ? { minuteReference: minute.trim() } : {}),
    });
  }

  function send() {
    if (!confirming) return;
    // The form is gone once the return is a draft again, so the page is told through the promise.
    decline.mutateAsync(confirming).then(onSentBack, () => setConfirming(null));
  }

  return (
    <section aria-labelledby="send-back-heading">
      <h2 id="send-back-heading">Send back to the team</h2>
      {decline.isError && !isFormProblem(decline.error, [], { conflicts: true }) ? (
        <ApiErrorSummary key={attempt} error={decline.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} />
      {confirming ? (
        <WarningCallout>
          <WarningCallout.Heading>Send the return back to the team?</WarningCallout.Heading>
          <p>
            The return becomes a draft again. {sentenceCase(people.lead)} and the people answering it will see
            the board’s comments:
          </p>
          <blockquote className="wgll-board-comments">{confirming.reason}</blockquote>
          <div className="nhsuk-button-group">
            <Button type="button" warning disabled={decline.isPending} onClick={send}>
              Yes, send it back
            </Button>
            <Button type="button" secondary onClick={() => setConfirming(null)}>
              No, change the comments
            </Button>
          </div>
        </WarningCallout>
      ) : (
        <>
          <p>
            If the board did not approve the return, send it back with the board’s comments. It becomes a
            draft again so that {people.lead} can make the changes and send it for approval again.
          </p>
          <form method="post" noValidate onSubmit={check}>
            <CharacterCount
              id={ids.reason}
              name="reason"
              label="What the board wants changed"
              labelProps={{ size: 's' }}
              hint={`${sentenceCase(people.lead)}, the people answering the return and anyone reading its history will see this.`}
              maxLength={SEND_BACK_REASON_MAX}
              rows={5}
              value={reason}
              error={errorFor(errors, ids.reason)}
              onChange={(event) => setReason(event.target.value)}
            />
            <DateFields
              id={ids.meetingDate}
              legend="Date of the board meeting (optional)"
              hint="For example, 27 3 2026"
              value={meetingDate}
              error={errorFor(errors, fieldIds.meetingDate)}
              onChange={setMeetingDate}
            />
            <TextInput
              id={ids.minute}
              name="minuteReference"
              label="Minute reference (optional)"
              labelProps={{ size: 's' }}
              width={20}
              autoComplete="off"
              maxLength={100}
              value={minute}
              error={errorFor(errors, ids.minute)}
              onChange={(event) => setMinute(event.target.value)}
            />
            <Button type="submit" secondary>
              Send back to the team
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
