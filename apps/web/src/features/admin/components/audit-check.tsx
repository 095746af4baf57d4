import type { AuditChainVerification } from '@wgll/contracts';
import { Button } from 'nhsuk-react-components';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { useAuditCheck } from '../api/audit-api';

function AuditCheckResult({ result }: { result: AuditChainVerification }) {
  return (
    <div className={`wgll-check ${result.intact ? 'wgll-check--ok' : 'wgll-check--failed'}`}>
      <p className="nhsuk-u-font-weight-bold">{result.summary}</p>
      {result.firstBreak && result.firstBreak.kind === 'changed' ? <p>{result.firstBreak.message}</p> : null}
      {result.intact ? null : (
        <p>
          Someone with direct access to the database has changed the log. Keep this result and tell the
          service&apos;s security contact.
        </p>
      )}
      {result.head ? (
        <p className="nhsuk-u-margin-bottom-0">
          Last entry checked: position {result.head.seq.toLocaleString('en-GB')}, hash{' '}
          <code className="wgll-check__hash">{result.head.hash}</code>. Noting these lets a later check show
          whether the newest entries were removed.
        </p>
      ) : null}
    </div>
  );
}

/** Recomputes every hash of the audit log's chain on the server and says whether it still holds. */
export function AuditCheck() {
  const check = useAuditCheck();
  return (
    <section aria-labelledby="audit-check-heading">
      <h2 id="audit-check-heading">Check the audit log</h2>
      <p>
        Each entry carries a hash of the one before it. The check recomputes them all, in order, and shows the
        first entry that was changed, moved or deleted.
      </p>
      <Button type="button" secondary disabled={check.isPending} onClick={() => check.mutate()}>
        Check the audit log
      </Button>
      <div aria-live="polite" role="status">
        {check.isPending ? <p>Checking the audit log…</p> : null}
        {check.data ? <AuditCheckResult result={check.data} /> : null}
      </div>
      {check.isError ? <ApiErrorSummary error={check.error} /> : null}
    </section>
  );
}
