import type { Cycle } from '@wgll/contracts';
import { Button, Select } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { DateFields, dateInputTarget, toDateParts, type DateParts } from '../../../components/date-fields';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { sortCycles } from '../../../lib/api/cycles-api';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { useUpdateCycle } from '../api/cycles-api';
import { readDates } from '../cycle-form-values';

const cycleId = 'change-cycle';
const dateFields = {
  opensOn: { id: 'change-opens-on', label: 'Opening date' },
  closesOn: { id: 'change-closes-on', label: 'Closing date' },
};
const fieldIds = {
  opensOn: dateInputTarget(dateFields.opensOn.id),
  closesOn: dateInputTarget(dateFields.closesOn.id),
};

function datesOf(cycle: Cycle | undefined): { opensOn: DateParts; closesOn: DateParts } {
  return { opensOn: toDateParts(cycle?.opensOn), closesOn: toDateParts(cycle?.closesOn) };
}

/** Moves a cycle's opening and closing dates, for example to give trusts longer. */
export function CycleDatesForm({
  cycles,
  onChanged,
}: {
  cycles: Cycle[];
  onChanged: (cycle: Cycle) => void;
}) {
  const sorted = sortCycles(cycles);
  const [chosenId, setChosenId] = useState(sorted[0]?.id ?? '');
  const chosen = cycles.find((cycle) => cycle.id === chosenId);
  const [dates, setDates] = useState(() => datesOf(chosen));
  const update = useUpdateCycle(chosenId);
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errors = checkErrors.length > 0 ? checkErrors : apiFieldErrors(update.error, fieldIds);

  function choose(id: string) {
    setChosenId(id);
    setDates(datesOf(cycles.find((cycle) => cycle.id === id)));
    setCheckErrors([]);
    update.reset();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const read = readDates(dates, dateFields);
    const found = [...read.errors];
    const { opensOn, closesOn } = read.dates;
    if (opensOn && closesOn && closesOn < opensOn) {
      found.push({
        id: fieldIds.closesOn,
        message: 'Closing date must be the same as or after the opening date',
      });
    }
    setCheckErrors(found);
    if (found.length > 0 || !opensOn || !closesOn) return;
    update.mutate({ opensOn, closesOn }, { onSuccess: onChanged });
  }

  return (
    <section aria-labelledby="change-dates-heading">
      <h2 id="change-dates-heading">Change a cycle’s dates</h2>
      <p>Answers are accepted only while a cycle is open, from its opening date to its closing date.</p>
      {update.isError && !isFormProblem(update.error) ? (
        <ApiErrorSummary key={attempt} error={update.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} />
      <form method="post" noValidate onSubmit={handleSubmit}>
        <Select
          id={cycleId}
          name="cycle"
          label="Cycle"
          labelProps={{ size: 's' }}
          value={chosenId}
          onChange={(event) => choose(event.target.value)}
        >
          {sorted.map((cycle) => (
            <option key={cycle.id} value={cycle.id}>
              {cycle.name}
            </option>
          ))}
        </Select>
        <DateFields
          id={dateFields.opensOn.id}
          legend="Opens on"
          value={dates.opensOn}
          error={errorFor(errors, fieldIds.opensOn)}
          onChange={(value) => setDates({ ...dates, opensOn: value })}
        />
        <DateFields
          id={dateFields.closesOn.id}
          legend="Closes on"
          value={dates.closesOn}
          error={errorFor(errors, fieldIds.closesOn)}
          onChange={(value) => setDates({ ...dates, closesOn: value })}
        />
        <Button type="submit" secondary disabled={update.isPending}>
          Change the dates
        </Button>
      </form>
    </section>
  );
}
