import type { ReturnDetail } from '@wgll/contracts';
import { Button, Textarea } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { apiFieldErrors, errorFor, isFormProblem, type FormError } from '../../../lib/form-errors';
import { sentenceCase } from '../../../lib/format';
import { useReopenReturn } from '../api/returns-api';
import { returnPeople } from '../return-labels';

const reasonId = 'reopen-reason';

/** A national administrator reopens a submitted return as its next revision, saying why. */
export function ReopenForm({ detail, onReopened }: { detail: ReturnDetail; onReopened: () => void }) {
  const reopen = useReopenReturn(detail.id);
  const [reason, setReason] = useState('');
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errors =
    checkErrors.length > 0
      ? checkErrors
      : apiFieldErrors(reopen.error, { reason: reasonId }, { conflicts: true });
  const people = returnPeople(detail);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const found = reason.trim()
      ? []
      : [{ id: reasonId, message: 'Enter the reason for reopening the return' }];
    setCheckErrors(found);
    if (found.length > 0) return;
    // The form may be gone once the return changes, so the page is told through the promise.
    reopen.mutateAsync({ reason: reason.trim() }).then(onReopened, () => undefined);
  }

  return (
    <section aria-labelledby="reopen-heading">
      <h2 id="reopen-heading">Reopen the return</h2>
      {reopen.isError && !isFormProblem(reopen.error, [], { conflicts: true }) ? (
        <ApiErrorSummary key={attempt} error={reopen.error} />
      ) : null}
      <FormErrorSummary key={attempt} errors={errors} />
      <p>
        Reopening starts revision {detail.revision + 1} as a draft, with the same answers, so {people.owner}{' '}
        can correct it. It then needs the board’s approval and submitting again. Earlier seals are kept and
        can still be checked.
      </p>
      <form method="post" noValidate onSubmit={handleSubmit}>
        <Textarea
          id={reasonId}
          name="reason"
          label="Reason for reopening"
          labelProps={{ size: 's' }}
          hint={`${sentenceCase(people.owner)} and anyone reading the return’s history will see this.`}
          rows={4}
          value={reason}
          error={errorFor(errors, reasonId)}
          onChange={(event) => setReason(event.target.value)}
        />
        <Button type="submit" warning disabled={reopen.isPending}>
          Reopen the return
        </Button>
      </form>
    </section>
  );
}
