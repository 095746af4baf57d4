import type { AssignRequest, MeasureId, ReturnDetail } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { Button, Select } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import {
  DateFields,
  dateInputTarget,
  emptyDateParts,
  readDateParts,
  type DateParts,
} from '../../../components/date-fields';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { formatDate, todayIso } from '../../../lib/dates';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { useAssign, useAssignees } from '../api/assignments-api';

const ids = { target: 'assign-target', user: 'assign-user', dueDate: 'assign-due-date' };

/** `measure:well-led` or `domain:<id>` → the request's measure or domain. */
function toTarget(value: string): Pick<AssignRequest, 'measure' | 'domainId'> {
  const [kind, id = ''] = value.split(/:(.*)/s);
  return kind === 'measure' ? { measure: id as MeasureId } : { domainId: id };
}

/** The due date of the work already given for this measure or domain, if any. */
function currentDueDate(detail: ReturnDetail, value: string): string | null {
  const chosen = toTarget(value);
  const given = detail.assignments.find((a) =>
    chosen.measure ? a.measure === chosen.measure : a.domainId === chosen.domainId,
  );
  return given?.dueDate ?? null;
}

interface AssignFormProps {
  detail: ReturnDetail;
  framework: FrameworkVersion;
  onAssigned: (message: string) => void;
}

/** Gives a measure, or a single domain, to someone to answer. */
export function AssignForm({ detail, framework, onAssigned }: AssignFormProps) {
  const assignees = useAssignees(detail.id, true);
  const assign = useAssign(detail.id);
  const [target, setTarget] = useState('');
  const [userId, setUserId] = useState('');
  const [dueDate, setDueDate] = useState<DateParts>(emptyDateParts);
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errors =
    checkErrors.length > 0
      ? checkErrors
      : apiFieldErrors(
          assign.error,
          {
            measure: ids.target,
            domainId: ids.target,
            userId: ids.user,
            dueDate: dateInputTarget(ids.dueDate),
          },
          { conflicts: true },
        );

  function describe(value: string): string {
    const chosen = toTarget(value);
    if (chosen.measure) return framework.measures.find((item) => item.id === chosen.measure)?.name ?? '';
    return framework.domains.find((item) => item.id === chosen.domainId)?.title ?? '';
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const found: FormError[] = [];
    if (!target) found.push({ id: ids.target, message: 'Choose a measure or domain to assign' });
    if (!userId) found.push({ id: ids.user, message: 'Choose who will answer it' });
    let due: string | null = null;
    if (dueDate.day.trim() || dueDate.month.trim() || dueDate.year.trim()) {
      const read = readDateParts(dueDate, 'Due date');
      if ('error' in read) found.push({ id: dateInputTarget(ids.dueDate), message: read.error });
      // As the API rules: a new date is today or later; the date the work already has may be kept.
      else if (read.date < todayIso() && read.date !== currentDueDate(detail, target))
        found.push({
          id: dateInputTarget(ids.dueDate),
          message: 'Enter a due date that is today or in the future',
        });
      else due = read.date;
    }
    setCheckErrors(found);
    if (found.length > 0) return;
    const person = assignees.data?.items.find((item) => item.id === userId);
    assign.mutate(
      { ...toTarget(target), userId, dueDate: due },
      {
        onSuccess: () => {
          onAssigned(
            `Assigned ${describe(target)} to ${person?.displayName ?? 'them'}${due ? `, due by ${formatDate(due)}` : ''}`,
          );
          setTarget('');
          setUserId('');
          setDueDate(emptyDateParts);
        },
      },
    );
  }

  if (assignees.isPending) return <LoadingMessage>Loading the people you can assign…</LoadingMessage>;
  if (assignees.isError) return <ApiErrorSummary error={assignees.error} />;

  return (
    <section aria-labelledby="assign-heading">
      <h2 id="assign-heading">Assign a measure or domain</h2>
      {assign.isError && !isFormProblem(assign.error, [], { conflicts: true }) ? (
        <ApiErrorSummary key={attempt} error={assign.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} />
      <form method="post" noValidate onSubmit={handleSubmit}>
        <Select
          id={ids.target}
          name="target"
          label="What to assign"
          labelProps={{ size: 's' }}
          hint="Assign a whole success measure, or one domain within it. Assigning again replaces the person."
          value={target}
          error={errorFor(errors, ids.target)}
          onChange={(event) => setTarget(event.target.value)}
        >
          <option value="">Choose a measure or domain</option>
          {framework.measures.map((measure) => (
            <optgroup key={measure.id} label={measure.name}>
              <option value={`measure:${measure.id}`}>All of {measure.name}</option>
              {framework.domains
                .filter((domain) => domain.measure === measure.id)
                .map((domain) => (
                  <option key={domain.id} value={`domain:${domain.id}`}>
                    {domain.title}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
        <Select
          id={ids.user}
          name="userId"
          label="Person"
          labelProps={{ size: 's' }}
          hint={
            detail.level === 'system'
              ? 'People with a role at this integrated care board who can answer questions.'
              : 'People with a role at this trust who can answer questions.'
          }
          value={userId}
          error={errorFor(errors, ids.user)}
          onChange={(event) => setUserId(event.target.value)}
        >
          <option value="">Choose a person</option>
          {assignees.data.items.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName} ({person.email})
            </option>
          ))}
        </Select>
        <DateFields
          id={ids.dueDate}
          legend="Due date (optional)"
          hint="The date the work is due by, for example 31 1 2027. Assign again to change the date, or leave it empty to have none."
          value={dueDate}
          error={errorFor(errors, dateInputTarget(ids.dueDate))}
          onChange={setDueDate}
        />
        <Button type="submit" disabled={assign.isPending}>
          Assign
        </Button>
      </form>
    </section>
  );
}
