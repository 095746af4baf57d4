import type { ApproveRequest } from '@wgll/contracts';
import { Button, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent, type ReactNode } from 'react';

import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../lib/form-errors';
import { ApiErrorSummary } from './api-error-summary';
import { dateInputTarget, DateFields, emptyDateParts, readDateParts, type DateParts } from './date-fields';
import { FormErrorSummary } from './form-error-summary';

/** What the form needs of the mutation that records the approval (a TanStack Query mutation). */
export interface BoardMeetingMutation {
  mutate(body: ApproveRequest, options: { onSuccess: () => void }): void;
  error: unknown;
  isError: boolean;
  isPending: boolean;
}

/**
 * The board's approval of something (a return, an improvement plan): the meeting's date and the
 * minute reference, checked here first, then by the API.
 */
export function BoardMeetingForm({
  idPrefix,
  heading,
  headingLevel,
  intro,
  submitLabel,
  mutation,
  onRecorded,
}: {
  /** Prefix of the fields' ids, unique on the page. */
  idPrefix: string;
  heading: string;
  headingLevel: 'h2' | 'h3';
  intro: ReactNode;
  submitLabel: string;
  mutation: BoardMeetingMutation;
  onRecorded: () => void;
}) {
  const ids = { meetingDate: `${idPrefix}meeting-date`, minuteReference: `${idPrefix}minute-reference` };
  const fieldIds = { meetingDate: dateInputTarget(ids.meetingDate), minuteReference: ids.minuteReference };
  const [meetingDate, setMeetingDate] = useState<DateParts>(emptyDateParts);
  const [minuteReference, setMinuteReference] = useState('');
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errors =
    checkErrors.length > 0 ? checkErrors : apiFieldErrors(mutation.error, fieldIds, { conflicts: true });
  const Heading = headingLevel;
  const headingId = `${idPrefix}approve-heading`;

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
    mutation.mutate(
      { meetingDate: date.date, minuteReference: minuteReference.trim() },
      {
        onSuccess: () => {
          setMeetingDate(emptyDateParts);
          setMinuteReference('');
          onRecorded();
        },
      },
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId} className={headingLevel === 'h3' ? 'nhsuk-heading-m' : undefined}>
        {heading}
      </Heading>
      {mutation.isError && !isFormProblem(mutation.error, [], { conflicts: true }) ? (
        <ApiErrorSummary key={attempt} error={mutation.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} headingLevel={headingLevel} />
      {intro}
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
        <Button type="submit" disabled={mutation.isPending}>
          {submitLabel}
        </Button>
      </form>
    </section>
  );
}
