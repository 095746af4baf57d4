import { Button, SummaryList } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';

import { RoleTable } from '../../../components/role-table';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useCurrentUser, useSignOut } from '../../../lib/api/session-api';
import { ChangePasswordForm } from '../components/change-password-form';

const signedInWithLabels = {
  password: 'Email and password',
  sso: 'Single sign-on',
  invitation: 'An invitation link',
};

/** /account: who the user is, their roles, changing their password and signing out. */
export function AccountPage() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  const [hasErrors, setHasErrors] = useState(false);
  useDocumentTitle(`${hasErrors ? 'Error: ' : ''}Your account`);

  // The route guard only shows this page to a signed-in user.
  if (!user) return null;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Your account</h1>
        <SummaryList>
          <SummaryList.Row>
            <SummaryList.Key>Name</SummaryList.Key>
            <SummaryList.Value>{user.displayName}</SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Email address</SummaryList.Key>
            <SummaryList.Value>{user.email}</SummaryList.Value>
          </SummaryList.Row>
          <SummaryList.Row>
            <SummaryList.Key>Signed in with</SummaryList.Key>
            <SummaryList.Value>{signedInWithLabels[user.signedInWith]}</SummaryList.Value>
          </SummaryList.Row>
        </SummaryList>

        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading">Your roles</h2>
          <RoleTable
            grants={user.roles}
            caption="Your roles"
            emptyMessage="You do not have any roles yet. Ask your administrator to give you one."
          />
          <p>
            To change your roles, ask your organisation&apos;s administrator or the national administrator.
          </p>
        </section>

        <section aria-labelledby="notifications-heading">
          <h2 id="notifications-heading">Notifications</h2>
          <p>
            <Link to="/account/notifications">See your notifications and choose which come by e-mail</Link>
          </p>
        </section>

        <section aria-labelledby="password-heading">
          <h2 id="password-heading">Change your password</h2>
          <ChangePasswordForm onErrorsChange={setHasErrors} />
        </section>

        <section aria-labelledby="sign-out-heading">
          <h2 id="sign-out-heading">Sign out</h2>
          <p>Sign out when you have finished, especially on a shared computer.</p>
          <Button type="button" secondary disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out
          </Button>
        </section>
      </div>
    </div>
  );
}
