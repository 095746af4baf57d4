import type { SessionInfo } from '@wgll/contracts';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { apiUrl } from '../../../lib/api-client';
import { useSession, type SignedOutState } from '../../../lib/api/session-api';
import { SignInForm } from '../components/sign-in-form';
import { safeReturnTo } from '../return-to';

const SSO_FAILED = 'Single sign-on did not complete. Try again or sign in with your email and password.';

function SingleSignOn({ sso, returnTo }: { sso: SessionInfo['sso']; returnTo: string }) {
  if (!sso.enabled) return null;
  // A plain link: the API redirects the browser to the identity provider and back.
  const href = apiUrl(`/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
  return (
    <section aria-labelledby="sso-heading" className="nhsuk-u-margin-top-6">
      <h2 id="sso-heading" className="nhsuk-heading-m">
        Or use single sign-on
      </h2>
      <p>If your organisation has set it up, you can sign in with your NHS account instead.</p>
      {/* A plain link styled as a button: it leaves the app for the identity provider. */}
      <a href={href} className="nhsuk-button nhsuk-button--secondary">
        {sso.label || 'Sign in with NHS'}
      </a>
    </section>
  );
}

/** /sign-in: email and password, or single sign-on; then back to the page the user wanted. */
export function SignInPage() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnTo(searchParams.get('returnTo'));
  const ssoFailed = searchParams.get('error') === 'sso-failed';
  const signedOut = (location.state as Partial<SignedOutState> | null)?.signedOut === true;
  const [hasErrors, setHasErrors] = useState(ssoFailed);

  useDocumentTitle(`${hasErrors ? 'Error: ' : ''}Sign in`);

  // Someone already signed in has nothing to do here (unless they have just signed out).
  if (session.data?.user && !signedOut) return <Navigate to={returnTo} replace />;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {signedOut ? <SuccessBanner heading="You have signed out" /> : null}
        <h1>Sign in</h1>
        <p>Sign in to use the WGLL digital maturity service.</p>
        {session.isPending ? <LoadingMessage>Loading…</LoadingMessage> : null}
        {session.isError ? <ApiErrorSummary error={session.error} /> : null}
        {session.isSuccess ? (
          <>
            <SignInForm
              initialError={ssoFailed ? SSO_FAILED : undefined}
              onErrorsChange={setHasErrors}
              onSignedIn={() => void navigate(returnTo, { replace: true })}
            />
            <SingleSignOn sso={session.data.sso} returnTo={returnTo} />
          </>
        ) : null}
        <h2 className="nhsuk-heading-s nhsuk-u-margin-top-6">If you cannot sign in</h2>
        <p>
          If you have forgotten your password, or do not have an account yet, ask your organisation&apos;s
          administrator or the national administrator. They can send you a link to set a new password.
        </p>
      </div>
    </div>
  );
}
