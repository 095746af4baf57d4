import type { ReturnDetail } from '@wgll/contracts';
import { Button, TextInput } from 'nhsuk-react-components';
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
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { useApproveReturn } from '../api/returns-api';
import { returnPeople } from '../return-labels';

const ids = { meetingDate: 'meeting-date', minuteReference: 'minute-reference' };
const fieldIds = { meetingDate: dateInputTarget(ids.meetingDate), minuteReference: ids.minuteReference };

/**
 * A board approver records the board's approval (for an ICB's system return, the ICS lead records
 * the ICB board's): the meeting's date and the minute reference.
 */
export function ApproveForm({ detail, onApproved }: { detail: ReturnDetail; onApproved: () => void }) {
  const approve = useApproveReturn(detail.id);
  const people = returnPeople(detail);
  const [meetingDate, setMeetingDate] = useState<DateParts>(emptyDateParts);
  const [minuteReference, setMinuteReference] = useState('');
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errors =
    checkErrors.length > 0 ? checkErrors : apiFieldErrors(approve.error, fieldIds, { conflicts: true });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const found: FormError[] = [];
    const date = readDateParts(meetingDate, 'Date of the board meeting');
    if ('error' in date) found.push({ id: fieldIds.meetingDate, message: date.error });
    if (!minuteReference.trim())
      found.push({ id: ids.minuteReference, message: 'Enter the minute reference' });
    setCheckErrors(found);
    if (found.length > 0 || !('date' in date)) return;
    approve.mutate(
      { meetingDate: date.date, minuteReference: minuteReference.trim() },
      {
        onSuccess: () => {
          setMeetingDate(emptyDateParts);
          setMinuteReference('');
          onApproved();
        },
      },
    );
  }

  return (
    <section aria-labelledby="approve-heading">
      <h2 id="approve-heading">Record the board’s approval</h2>
      {approve.isError && !isFormProblem(approve.error, [], { conflicts: true }) ? (
        <ApiErrorSummary key={attempt} error={approve.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} />
      <p>{`Record the approval${people.onBehalf} once ${people.board} has approved the return at a meeting.`}</p>
      <form method="post" noValidate onSubmit={handleSubmit}>
        <DateFields
          id={ids.meetingDate}
          legend="Date of the board meeting"
          hint="For example, 27 3 2026"
          value={meetingDate}
          error={errorFor(errors, fieldIds.meetingDate)}
          onChange={setMeetingDate}
        />
        <TextInput
          id={ids.minuteReference}
          name="minuteReference"
          label="Minute reference"
          labelProps={{ size: 's' }}
          hint="The reference of the board minute that records the approval, for example BM/2026/031"
          width={20}
          autoComplete="off"
          value={minuteReference}
          error={errorFor(errors, ids.minuteReference)}
          onChange={(event) => setMinuteReference(event.target.value)}
        />
        <Button type="submit" disabled={approve.isPending}>
          Record approval
        </Button>
      </form>
    </section>
  );
}
