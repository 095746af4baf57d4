import type { ReturnDetail } from '@wgll/contracts';
import { Button } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { apiFieldErrors } from '../../../lib/form-errors';
import { sentenceCase } from '../../../lib/format';
import { useMarkReady } from '../api/returns-api';
import { missingProblems } from '../missing-problems';
import { returnPeople } from '../return-labels';

interface MarkReadyFormProps {
  detail: ReturnDetail;
  onReady: () => void;
}

/** A trust lead (the ICS lead, for a system return) marks a complete draft ready for the board to approve. */
export function MarkReadyForm({ detail, onReady }: MarkReadyFormProps) {
  const markReady = useMarkReady(detail.id);
  const [attempt, setAttempt] = useState(0);
  const incomplete = missingProblems(markReady.error, detail, 'RETURN_INCOMPLETE');
  const problems =
    incomplete.length > 0 ? incomplete : apiFieldErrors(markReady.error, {}, { conflicts: true });
  const people = returnPeople(detail);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    // The form may be gone once the return changes, so the page is told through the promise.
    markReady.mutateAsync().then(onReady, () => undefined);
  }

  return (
    <section aria-labelledby="mark-ready-heading">
      <h2 id="mark-ready-heading">Send the return to the board</h2>
      <FormErrorSummary
        key={attempt}
        title={
          incomplete.length > 0
            ? 'The return cannot go to the board yet: answer or confirm these domains'
            : 'There is a problem'
        }
        errors={problems}
      />
      {markReady.isError && problems.length === 0 ? (
        <ApiErrorSummary key={attempt} error={markReady.error} />
      ) : null}
      <p>
        When every domain is answered and every carried-forward answer confirmed, mark the return ready.{' '}
        {`${sentenceCase(people.approver)} can then record the board’s approval${people.onBehalf}.`}
      </p>
      <form method="post" noValidate onSubmit={handleSubmit}>
        <Button type="submit" disabled={markReady.isPending}>
          Mark ready for board approval
        </Button>
      </form>
    </section>
  );
}
