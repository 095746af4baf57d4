import type { CreateReturnsResult } from '@wgll/contracts';

import { SuccessBanner } from '../../../components/success-banner';
import { pluralise } from '../../../lib/format';
import { returnScopeLabel } from '../return-labels';

function names(result: CreateReturnsResult['created']): string {
  return result.map((item) => returnScopeLabel(item)).join(', ');
}

interface ReturnsStartedProps {
  result: CreateReturnsResult;
  /** The user asked to start from the last submitted return. */
  carryForward?: boolean;
}

/**
 * What starting returns did: the returns it started, any that already existed, and, when asked to
 * start from the last submitted return, which had one to copy and which start empty.
 */
export function ReturnsStarted({ result, carryForward = false }: ReturnsStartedProps) {
  const empty = carryForward ? result.created.filter((item) => !item.carriedForwardFrom) : [];
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
      {empty.length > 0 ? (
        <p>
          {empty.length === result.created.length
            ? `There is no submitted return from an earlier cycle to start from, so ${empty.length === 1 ? 'the return starts' : 'the returns start'} empty.`
            : `There is no submitted return from an earlier cycle for ${names(empty)}, so ${empty.length === 1 ? 'it starts' : 'they start'} empty.`}
        </p>
      ) : null}
    </SuccessBanner>
  );
}
