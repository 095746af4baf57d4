import type { ReturnDetail } from '@wgll/contracts';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { useReturn } from '../api/returns-api';

function ReturnNotFound() {
  return (
    <NotFound>
      <p>There is no assessment return at this address, or it has been removed.</p>
      <p>
        <Link to="/">Go to the home page</Link> to find your organisation&apos;s returns.
      </p>
    </NotFound>
  );
}

function ReturnProblem({ error, loading }: { error?: unknown; loading?: boolean }) {
  useDocumentTitle(loading ? 'Assessment return' : 'Sorry, there is a problem with the service');
  return (
    <>
      <h1>{loading ? 'Assessment return' : 'Sorry, there is a problem with the service'}</h1>
      {loading ? <LoadingMessage>Loading the return…</LoadingMessage> : <ApiErrorSummary error={error} />}
    </>
  );
}

/**
 * Loads the return named in the address (`:id`) and shows `children` with it; otherwise says why
 * not: loading, not found, not allowed, or a problem with the service.
 */
export function ReturnLoader({ children }: { children: (detail: ReturnDetail) => ReactNode }) {
  const id = useParams()['id'] ?? '';
  const query = useReturn(id);

  if (query.data) return <>{children(query.data)}</>;
  if (query.isPending) return <ReturnProblem loading />;
  if (query.error instanceof ApiRequestError && query.error.isNotFound) return <ReturnNotFound />;
  if (query.error instanceof ApiRequestError && query.error.isForbidden) return <Forbidden />;
  return <ReturnProblem error={query.error} />;
}
