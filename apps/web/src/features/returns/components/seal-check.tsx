import type { SealVerification } from '@wgll/contracts';
import { Button } from 'nhsuk-react-components';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { useVerifySeal } from '../api/returns-api';

const KIND_LABELS: Record<SealVerification['live']['differences'][number]['kind'], string> = {
  return: 'Return',
  framework: 'Framework',
  answer: 'Answer',
  evidence: 'Evidence',
  approval: 'Board approval',
  score: 'Score',
};

/** One check's outcome: the sentence first, then what differs, so nothing relies on colour. */
function SealCheckResult({ result }: { result: SealVerification }) {
  const ok = result.verified && result.live.matches;
  const differences = result.live.differences;
  return (
    <div className={`wgll-result ${ok ? 'wgll-result--ok' : 'wgll-result--failed'}`}>
      <p className="nhsuk-u-font-weight-bold">{result.summary}</p>
      {result.verified ? (
        <p>
          Hash computed now: <code className="wgll-hash">{result.computedSha256}</code>
        </p>
      ) : (
        <>
          <p>
            Recorded hash: <code className="wgll-hash">{result.sha256}</code>
          </p>
          <p>
            Hash computed now: <code className="wgll-hash">{result.computedSha256}</code>
          </p>
          {result.auditedSha256 && result.auditedSha256 !== result.sha256 ? (
            <p>
              Hash the audit log recorded at sealing:{' '}
              <code className="wgll-hash">{result.auditedSha256}</code>
            </p>
          ) : null}
        </>
      )}
      {differences.length > 0 ? (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            What differs from the sealed copy
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Part
              </th>
              <th scope="col" className="nhsuk-table__header">
                Difference
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {differences.map((d, i) => (
              <tr key={`${d.kind}-${d.id}-${i}`} className="nhsuk-table__row">
                <td className="nhsuk-table__cell">{KIND_LABELS[d.kind]}</td>
                <td className="nhsuk-table__cell">{d.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result.live.note ? <p>{result.live.note}</p> : null}
      {ok ? null : (
        <p className="nhsuk-u-margin-bottom-0">
          Do not rely on this return until it has been investigated. Tell the national administrator.
        </p>
      )}
    </div>
  );
}

/** Recomputes the seal's hash on the server and says whether it still matches. */
export function SealCheck({ returnId, revision }: { returnId: string; revision: number }) {
  const verify = useVerifySeal(returnId, revision);
  const result = verify.data;

  return (
    <section aria-labelledby="seal-check-heading">
      <h2 id="seal-check-heading">Check the seal</h2>
      <p>
        The service recomputes the SHA-256 hash of the stored copy and compares it with the hash recorded when
        the return was sealed. It also compares the answers, evidence, board approvals and scores held now for
        this revision with the sealed copy.
      </p>
      <Button type="button" secondary disabled={verify.isPending} onClick={() => verify.mutate()}>
        Check the seal
      </Button>
      <div aria-live="polite" role="status">
        {verify.isPending ? <p>Checking the seal…</p> : null}
        {result ? <SealCheckResult result={result} /> : null}
      </div>
      {verify.isError ? <ApiErrorSummary error={verify.error} /> : null}
    </section>
  );
}
