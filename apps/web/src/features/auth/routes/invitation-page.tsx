import { Button, SummaryList } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { FormErrorSummary } from '../../../components/form-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { checkNewPassword, NewPasswordFields } from '../../../components/new-password-fields';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/dates';
import { apiFieldErrors, isFormProblem, type FormError } from '../../../lib/form-errors';
import { useAcceptInvitation, useInvitation } from '../api/invitation-api';

const ids = { password: 'password', confirmation: 'confirmPassword' };

function isInvalidInvitation(error: unknown): boolean {
  return error instanceof ApiRequestError && (error.code === 'INVITATION_INVALID' || error.isNotFound);
}

const INVALID_TITLE = 'This invitation link cannot be used';

function InvalidInvitation() {
  return (
    <>
      <h1>{INVALID_TITLE}</h1>
      <p>This invitation link has expired or has already been used. Ask your administrator for a new one.</p>
      <p>
        If you have already set your password, <Link to="/sign-in">sign in</Link>.
      </p>
    </>
  );
}

/** /invitations/:token: someone invited by an administrator chooses a password and is signed in. */
export function InvitationPage() {
  const token = useParams()['token'] ?? '';
  const navigate = useNavigate();
  const invitation = useInvitation(token);
  const accept = useAcceptInvitation(token);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checkErrors, setCheckErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const errors =
    checkErrors.length > 0 ? checkErrors : apiFieldErrors(accept.error, { password: ids.password });
  const invalid = isInvalidInvitation(invitation.error) || isInvalidInvitation(accept.error);
  useDocumentTitle(invalid ? INVALID_TITLE : `${errors.length > 0 ? 'Error: ' : ''}Set your password`);

  if (invalid) return <InvalidInvitation />;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkNewPassword(password, confirmation, ids);
    setCheckErrors(found);
    setAttempt((value) => value + 1);
    if (found.length > 0) return;
    accept.mutate({ password }, { onSuccess: () => void navigate('/', { replace: true }) });
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Set your password</h1>
        {invitation.isPending ? <LoadingMessage>Loading your invitation…</LoadingMessage> : null}
        {invitation.isError ? <ApiErrorSummary error={invitation.error} /> : null}
        {invitation.isSuccess ? (
          <>
            <p>You have been invited to use the WGLL digital maturity service.</p>
            <SummaryList>
              <SummaryList.Row>
                <SummaryList.Key>Name</SummaryList.Key>
                <SummaryList.Value>{invitation.data.displayName}</SummaryList.Value>
              </SummaryList.Row>
              <SummaryList.Row>
                <SummaryList.Key>Email address</SummaryList.Key>
                <SummaryList.Value>{invitation.data.email}</SummaryList.Value>
              </SummaryList.Row>
            </SummaryList>
            <p>
              Choose a password to finish setting up your account. This link works once, and expires on{' '}
              {formatDateTime(invitation.data.expiresAt)}.
            </p>
            {accept.isError && !isFormProblem(accept.error) ? (
              <ApiErrorSummary key={attempt} error={accept.error} />
            ) : null}
            <FormErrorSummary key={attempt} errors={errors} />
            <form method="post" noValidate onSubmit={handleSubmit}>
              <NewPasswordFields
                ids={ids}
                labels={{ password: 'Create a password', confirmation: 'Enter the password again' }}
                password={password}
                confirmation={confirmation}
                errors={errors}
                onPasswordChange={setPassword}
                onConfirmationChange={setConfirmation}
              />
              <Button type="submit" disabled={accept.isPending}>
                Set password and sign in
              </Button>
            </form>
          </>
        ) : null}
      </div>
    </div>
  );
}
