import type { UserSummary } from '@wgll/contracts';
import { Button } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { useCreateInvitation, useUpdateUser } from '../api/users-api';
import { InvitationLinkDetails } from './invitation-link-details';

interface AccountActionsProps {
  user: UserSummary;
  onDone: (message: string) => void;
}

/** Disable or enable the account. Disabling signs them out everywhere. */
export function AccountStatusAction({ user, onDone }: AccountActionsProps) {
  const update = useUpdateUser(user.id);
  const disabled = user.status === 'disabled';

  function toggle() {
    update.mutate(
      { status: disabled ? 'active' : 'disabled' },
      {
        onSuccess: () => onDone(disabled ? 'The account has been enabled' : 'The account has been disabled'),
      },
    );
  }

  return (
    <>
      {update.isError ? <ApiErrorSummary error={update.error} /> : null}
      {disabled ? (
        <p>This account is disabled: they cannot sign in. Enable it to let them sign in again.</p>
      ) : (
        <p>
          Disable the account if they no longer need the service. They are signed out straight away and cannot
          sign in until it is enabled again. Their roles are kept.
        </p>
      )}
      <Button
        type="button"
        warning={!disabled}
        secondary={disabled}
        disabled={update.isPending}
        onClick={toggle}
      >
        {disabled ? 'Enable account' : 'Disable account'}
      </Button>
    </>
  );
}

/** A new invitation link, for someone who lost theirs or has forgotten their password. */
export function NewInvitationAction({ user }: { user: UserSummary }) {
  const invite = useCreateInvitation(user.id);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (invite.isSuccess) heading.current?.focus();
  }, [invite.isSuccess, invite.data]);

  return (
    <>
      <p>
        {user.status === 'invited'
          ? 'They have not set a password yet. If their invitation link is lost or has expired, create a new one.'
          : 'If they have forgotten their password, create a new invitation link. They use it to choose a new password.'}{' '}
        Any earlier link stops working.
      </p>
      {invite.isError ? <ApiErrorSummary error={invite.error} /> : null}
      <Button type="button" secondary disabled={invite.isPending} onClick={() => invite.mutate()}>
        Create a new invitation link
      </Button>
      {invite.isSuccess ? (
        <>
          <h3 ref={heading} tabIndex={-1} className="wgll-focus-target">
            New invitation link
          </h3>
          <InvitationLinkDetails link={invite.data} email={user.email} />
        </>
      ) : null}
    </>
  );
}
