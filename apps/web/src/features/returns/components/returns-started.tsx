import type { CreateReturnsResult } from '@wgll/contracts';

import { SuccessBanner } from '../../../components/success-banner';
import { pluralise } from '../../../lib/format';
import { returnScopeLabel } from '../return-labels';

function names(result: CreateReturnsResult['created']): string {
  return result.map((item) => returnScopeLabel(item)).join(', ');
}

/** What starting returns did: the returns it started, and any that already existed. */
export function ReturnsStarted({ result }: { result: CreateReturnsResult }) {
  const heading =
    result.created.length > 0
      ? `Started ${pluralise(result.created.length, 'return')}: ${names(result.created)}`
      : 'No new returns were started';
  return (
    <SuccessBanner heading={heading}>
      {result.existing.length > 0 ? (
        <p>
          Already started, so left as {result.existing.length === 1 ? 'it was' : 'they were'}:{' '}
          {names(result.existing)}.
        </p>
      ) : null}
      {result.created.some((item) => item.carriedForwardFrom) ? (
        <p>
          Answers were copied from your last submitted return. Confirm or change each one before you submit.
        </p>
      ) : null}
    </SuccessBanner>
  );
}
