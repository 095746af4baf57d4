import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { useFrameworkVersion } from '../../../lib/api/frameworks-api';
import { usePlan } from '../../../lib/api/plans-api';
import { useReturnDetail } from '../api/plan-api';
import type { PlanData } from '../plan-labels';

function Problem({ error, loading }: { error?: unknown; loading?: boolean }) {
  const heading = loading ? 'Improvement plan' : 'Sorry, there is a problem with the service';
  useDocumentTitle(heading);
  return (
    <>
      <h1>{heading}</h1>
      {loading ? <LoadingMessage>Loading the plan…</LoadingMessage> : <ApiErrorSummary error={error} />}
    </>
  );
}

/**
 * Loads the return named in the address (`:id`), its framework version and its improvement plan, and
 * shows `children` with them; otherwise says why not.
 */
export function PlanLoader({ children }: { children: (data: PlanData) => ReactNode }) {
  const id = useParams()['id'] ?? '';
  const detail = useReturnDetail(id);
  const framework = useFrameworkVersion(
    detail.data?.framework.frameworkId ?? '',
    detail.data?.framework.version ?? '',
    detail.data?.careSetting ?? undefined,
    { enabled: detail.data !== undefined },
  );
  const plan = usePlan(id);

  if (detail.data && framework.data && plan.data) {
    return <>{children({ detail: detail.data, framework: framework.data, plan: plan.data })}</>;
  }
  const error = detail.error ?? plan.error ?? framework.error;
  if (error instanceof ApiRequestError && error.isNotFound) {
    return (
      <NotFound>
        <p>There is no assessment return at this address, or it has been removed.</p>
        <p>
          <Link to="/">Go to the home page</Link> to find your organisation&apos;s returns.
        </p>
      </NotFound>
    );
  }
  if (error instanceof ApiRequestError && error.isForbidden) return <Forbidden />;
  if (error) return <Problem error={error} />;
  return <Problem loading />;
}
