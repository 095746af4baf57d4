import type { CreateReturnsResult, Cycle } from '@wgll/contracts';
import { Button, Checkboxes } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { useStartSystemReturn } from '../api/returns-api';
import { isFormRefusal, refusalErrors } from '../return-errors';

interface StartSystemReturnFormProps {
  code: string;
  cycle: Cycle;
  onStarted: (result: CreateReturnsResult) => void;
}

/** Starts the ICB's own system-level return for a cycle. */
export function StartSystemReturnForm({ code, cycle, onStarted }: StartSystemReturnFormProps) {
  const start = useStartSystemReturn(code);
  const [carryForward, setCarryForward] = useState(false);
  const [attempt, setAttempt] = useState(0);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    // The form may be gone once the return changes, so the page is told through the promise.
    start.mutateAsync({ cycleId: cycle.id, carryForward }).then(onStarted, () => undefined);
  }

  return (
    <section aria-labelledby="start-return-heading">
      <h2 id="start-return-heading">Start the system return for {cycle.name}</h2>
      {start.isError && !isFormRefusal(start.error) ? (
        <ApiErrorSummary key={attempt} error={start.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={refusalErrors(start.error)} />
      <form method="post" noValidate onSubmit={handleSubmit}>
        <Checkboxes name="carryForward">
          <Checkboxes.Item
            id="carry-forward"
            value="yes"
            checked={carryForward}
            onChange={(event) => setCarryForward(event.target.checked)}
            hint="Only when the ICB submitted a system return in an earlier cycle. Check each copied answer is still right before you submit."
          >
            Start from our last submitted return (answers are copied and marked to confirm)
          </Checkboxes.Item>
        </Checkboxes>
        <Button type="submit" disabled={start.isPending}>
          Start returns
        </Button>
      </form>
    </section>
  );
}
