import type { PlanApprovalRecord } from '@wgll/contracts';
import { Button, Table, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import {
  dateInputTarget,
  DateFields,
  emptyDateParts,
  readDateParts,
  type DateParts,
} from '../../../components/date-fields';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { WideTable } from '../../../components/table-scroll';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
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

const ids = { meetingDate: 'plan-meeting-date', minuteReference: 'plan-minute-reference' };
const fieldIds = { meetingDate: dateInputTarget(ids.meetingDate), minuteReference: ids.minuteReference };

/** A board approver records the board's approval of the plan on its own (the return is sealed). */
export function ApprovePlanForm({ returnId, onApproved }: { returnId: string; onApproved: () => void }) {
  const approve = useApprovePlan(returnId);
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
    <section aria-labelledby="approve-plan-heading">
      <h3 id="approve-plan-heading" className="nhsuk-heading-m">
        Record the board’s approval of the plan
      </h3>
      {approve.isError && !isFormProblem(approve.error, [], { conflicts: true }) ? (
        <ApiErrorSummary key={attempt} error={approve.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} headingLevel="h3" />
      <p>
        The return is sealed, so the board approves the plan on its own. The plan is kept as it stands now,
        beside the approval; it can still change afterwards.
      </p>
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
          Approve the plan
        </Button>
      </form>
    </section>
  );
}
