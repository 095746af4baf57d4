import type { Capabilities } from '@wgll/contracts';
import { Navigate, Outlet, useLocation } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { useDocumentTitle } from '../../../components/use-document-title';
import { signedOutState, useCurrentUser, useSession } from '../../../lib/api/session-api';
import { signInPath } from '../return-to';

function SessionProblem({ error }: { error: unknown }) {
  useDocumentTitle('Sorry, there is a problem with the service');
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <ApiErrorSummary error={error} />
    </>
  );
}

/**
 * The route guard: the pages below it need a signed-in user. Anyone else goes to the sign-in page,
 * which brings them back here afterwards; someone who has just signed out is told they have.
 */
export function RequireSignIn() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <LoadingMessage>Checking you are signed in…</LoadingMessage>;
  if (session.isError && !session.data) return <SessionProblem error={session.error} />;
  if (session.data?.endedByUser) return <Navigate to="/sign-in" state={signedOutState} replace />;
  if (!session.data?.user) return <Navigate to={signInPath(location)} replace />;
  return <Outlet />;
}

/** The pages below it need one of the user's capabilities; without it they see why not. */
export function RequireCapability({ capability }: { capability: keyof Capabilities }) {
  const user = useCurrentUser();
  if (!user?.capabilities[capability]) return <Forbidden />;
  return <Outlet />;
}
