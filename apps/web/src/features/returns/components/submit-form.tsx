import type { ReturnDetail } from '@wgll/contracts';
import { Button, WarningCallout } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { apiFieldErrors } from '../../../lib/form-errors';
import { returnPath } from '../../../lib/links';
import { useSubmitReturn } from '../api/returns-api';
import { missingProblems } from '../missing-problems';

/**
 * The confirmation of /returns/:id/submit: a trust lead (the ICS lead, for a system return) submits
 * the approved return, and it is sealed. Cancel goes back to the approval page.
 */
export function SubmitForm({ detail, onSubmitted }: { detail: ReturnDetail; onSubmitted: () => void }) {
  const submit = useSubmitReturn(detail.id);
  const [attempt, setAttempt] = useState(0);
  const missing = missingProblems(submit.error, detail, 'RETURN_NOT_APPROVED');
  const problems = missing.length > 0 ? missing : apiFieldErrors(submit.error, {}, { conflicts: true });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    // The form may be gone once the return changes, so the page is told through the promise.
    submit.mutateAsync().then(onSubmitted, () => undefined);
  }

  return (
    <section aria-labelledby="submit-heading">
      <h2 id="submit-heading">Submit the return</h2>
      <FormErrorSummary key={attempt} title="The return cannot be submitted yet" errors={problems} />
      {submit.isError && problems.length === 0 ? (
        <ApiErrorSummary key={attempt} error={submit.error} />
      ) : null}
      <WarningCallout>
        <WarningCallout.Heading>Submitting seals the return</WarningCallout.Heading>
        <p>
          A copy of the return, its scores and the board’s approval is stored with a SHA-256 hash. The return
          then becomes read-only: it cannot be changed without a national administrator, who can only reopen
          it as a new revision.
        </p>
      </WarningCallout>
      <form method="post" noValidate onSubmit={handleSubmit}>
        <div className="nhsuk-button-group">
          <Button type="submit" disabled={submit.isPending}>
            Submit and seal the return
          </Button>
          <Link className="nhsuk-link" to={returnPath(detail.id, 'approval')}>
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
