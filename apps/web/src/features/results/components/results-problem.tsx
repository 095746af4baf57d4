import type { ReactNode } from 'react';

import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { NotFound } from '../../../components/not-found';
import { useDocumentTitle } from '../../../components/use-document-title';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';

import { ApiRequestError } from '../../../lib/api-client';

/** What a failed results request means for the page: the user may not see it, or the place is not there. */
export function resultsProblem(error: unknown): 'forbidden' | 'not-found' | undefined {
  if (!(error instanceof ApiRequestError)) return undefined;
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'not-found';
  return undefined;
}

/**
 * Titles a results page and, when its request was refused or named nothing, gives the page to show
 * instead (403 or a not-found page with `notFound` in it); null otherwise.
 */
export function useResultsProblemPage(
  error: unknown,
  name: string,
  notFound: { heading: string; body: ReactNode },
): ReactNode {
  const problem = resultsProblem(error);
  useDocumentTitle(
    problem === 'forbidden'
      ? FORBIDDEN_TITLE
      : problem === 'not-found'
        ? notFound.heading
        : `Results – ${name}`,
  );
  if (problem === 'forbidden') return <Forbidden />;
  if (problem === 'not-found') return <NotFound heading={notFound.heading}>{notFound.body}</NotFound>;
  return null;
}

/** Shown when no cycle has been set up yet, so there is nothing to show results for. */
export function NoResultCycles({ children }: { children?: ReactNode }) {
  return (
    <>
      <h2>No results yet</h2>
      <p>There are no assessment cycles yet, so there are no results to show.</p>
      {children}
    </>
  );
}

/** The request's state under the filters: loading, a problem, or (while another choice loads) a note. */
export function ResultsRequestState({
  waiting,
  error,
  refreshing,
}: {
  waiting: boolean;
  error: unknown;
  refreshing: boolean;
}) {
  const problem = resultsProblem(error);
  return (
    <>
      {waiting ? <LoadingMessage>Loading the results…</LoadingMessage> : null}
      {error && problem === undefined ? (
        <ApiErrorSummary error={error} fieldIds={{ threshold: 'threshold' }} />
      ) : null}
      {refreshing ? <LoadingMessage>Loading the results…</LoadingMessage> : null}
    </>
  );
}

/**
 * True while a results page waits for its first figures, which also give the place's name: the page
 * then shows only a loading message, and appears whole, rather than with a heading that grows (and
 * moves everything below it) when the name arrives. Not once the cycles or the figures have failed,
 * nor when there is no cycle to ask about.
 */
export function isFirstLoad(
  cycles: { isPending: boolean },
  chosen: unknown,
  query: { data: unknown; error: unknown; isPending: boolean },
): boolean {
  if (query.error) return false;
  // The figures may come before the cycle list (see figuresCycle): the page waits for both.
  return cycles.isPending || (chosen !== undefined && query.isPending);
}
