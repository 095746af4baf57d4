import { Button } from 'nhsuk-react-components';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { useVerifySeal } from '../api/returns-api';

/** Recomputes the seal's hash on the server and says whether it still matches. */
export function SealCheck({ returnId, revision }: { returnId: string; revision: number }) {
  const verify = useVerifySeal(returnId, revision);
  const result = verify.data;

  return (
    <section aria-labelledby="seal-check-heading">
      <h2 id="seal-check-heading">Check the seal</h2>
      <p>
        The service recomputes the SHA-256 hash of the stored copy and compares it with the hash recorded when
        the return was sealed.
      </p>
      <Button type="button" secondary disabled={verify.isPending} onClick={() => verify.mutate()}>
        Check the seal
      </Button>
      <div aria-live="polite" role="status">
        {verify.isPending ? <p>Checking the seal…</p> : null}
        {result?.verified ? (
          <div className="wgll-result wgll-result--ok">
            <p className="nhsuk-u-font-weight-bold">
              The seal is intact: the stored hash matches the snapshot.
            </p>
            <p className="nhsuk-u-margin-bottom-0">
              Hash computed now: <code className="wgll-hash">{result.computedSha256}</code>
            </p>
          </div>
        ) : null}
        {result && !result.verified ? (
          <div className="wgll-result wgll-result--failed">
            <p className="nhsuk-u-font-weight-bold">
              The seal is broken: the stored copy does not match the hash recorded when the return was sealed.
            </p>
            <p>
              Recorded hash: <code className="wgll-hash">{result.sha256}</code>
            </p>
            <p>
              Hash computed now: <code className="wgll-hash">{result.computedSha256}</code>
            </p>
            <p className="nhsuk-u-margin-bottom-0">
              Do not rely on this copy. Tell the national administrator so they can investigate.
            </p>
          </div>
        ) : null}
      </div>
      {verify.isError ? <ApiErrorSummary error={verify.error} /> : null}
    </section>
  );
}
