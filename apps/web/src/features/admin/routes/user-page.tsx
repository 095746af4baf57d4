import { BackLink, SummaryList } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { UserStatusTag } from '../../../components/user-status-tag';
import { ApiRequestError } from '../../../lib/api-client';
import { useCurrentUser } from '../../../lib/api/session-api';
import { formatDateTime } from '../../../lib/dates';
import { useUser } from '../api/users-api';
import { AccountStatusAction, NewInvitationAction } from '../components/account-actions';
import { AddRoleForm } from '../components/add-role-form';
import { UserRoleGrants } from '../components/user-role-grants';

/** /admin/users/:id: one user's details and roles, with what an administrator can change. */
export function UserPage() {
  const id = useParams()['id'] ?? '';
  const query = useUser(id);
  const currentUser = useCurrentUser();
  const [notice, setNotice] = useState<{ message: string; count: number }>();
  const [hasErrors, setHasErrors] = useState(false);
  const user = query.data;

  const forbidden = query.error instanceof ApiRequestError && query.error.isForbidden;
  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  useDocumentTitle(
    forbidden
      ? FORBIDDEN_TITLE
      : notFound
        ? 'User not found'
        : `${hasErrors ? 'Error: ' : ''}${user ? user.displayName : 'User'}`,
  );

  if (forbidden) return <Forbidden />;
  if (notFound) {
    return (
      <NotFound heading="User not found">
        <p>There is no user at this address. They may have been removed, or the address may be wrong.</p>
        <p>
          <Link to="/admin/users">Find a user</Link>
        </p>
      </NotFound>
    );
  }

  const done = (message: string) => setNotice((old) => ({ message, count: (old?.count ?? 0) + 1 }));

  return (
    <>
      <BackLink asElement={Link} to="/admin/users">
        Users
      </BackLink>
      {notice ? <SuccessBanner key={notice.count} heading={notice.message} /> : null}
      {!user ? (
        <>
          <h1>User</h1>
          {query.isPending ? <LoadingMessage>Loading user…</LoadingMessage> : null}
          {query.isError ? <ApiErrorSummary error={query.error} /> : null}
        </>
      ) : (
        <>
          <h1>
            <span className="nhsuk-caption-l">User</span>
            {user.displayName}
          </h1>
          <SummaryList>
            <SummaryList.Row>
              <SummaryList.Key>Email address</SummaryList.Key>
              <SummaryList.Value>{user.email}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Status</SummaryList.Key>
              <SummaryList.Value>
                <UserStatusTag status={user.status} />
              </SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Single sign-on</SummaryList.Key>
              <SummaryList.Value>{user.ssoLinked ? 'Linked' : 'Not linked'}</SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Last signed in</SummaryList.Key>
              <SummaryList.Value>
                {user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'Never'}
              </SummaryList.Value>
            </SummaryList.Row>
            <SummaryList.Row>
              <SummaryList.Key>Added</SummaryList.Key>
              <SummaryList.Value>{formatDateTime(user.createdAt)}</SummaryList.Value>
            </SummaryList.Row>
          </SummaryList>
          {currentUser?.capabilities.readAudit ? (
            <p>
              <Link to={`/admin/audit?userId=${encodeURIComponent(user.id)}`}>
                See what {user.displayName} has done, and what was done to their account
              </Link>
            </p>
          ) : null}

          <section aria-labelledby="roles-heading">
            <h2 id="roles-heading">Roles</h2>
            <UserRoleGrants user={user} onDone={done} />
          </section>

          <section aria-labelledby="add-role-heading">
            <h2 id="add-role-heading">Add a role</h2>
            <AddRoleForm userId={user.id} onDone={done} onErrorsChange={setHasErrors} />
          </section>

          {user.status === 'disabled' ? null : (
            <section aria-labelledby="invitation-heading">
              <h2 id="invitation-heading">Invitation link</h2>
              <NewInvitationAction user={user} />
            </section>
          )}

          <section aria-labelledby="status-heading">
            <h2 id="status-heading">
              {user.status === 'disabled' ? 'Enable the account' : 'Disable the account'}
            </h2>
            <AccountStatusAction user={user} onDone={done} />
          </section>
        </>
      )}
    </>
  );
}
