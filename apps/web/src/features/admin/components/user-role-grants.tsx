import type { RoleGrant, UserSummary } from '@wgll/contracts';
import { Button, Table } from 'nhsuk-react-components';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { WideTable } from '../../../components/table-scroll';
import { ApiRequestError } from '../../../lib/api-client';
import { formatDayOf } from '../../../lib/dates';
import { describeScope, roleLabels } from '../../../lib/roles';
import { useRevokeRole } from '../api/users-api';

export function describeGrant(grant: Pick<RoleGrant, 'role' | 'scope'>): string {
  return grant.scope.code
    ? `${roleLabels[grant.role]} for ${describeScope(grant.scope)}`
    : `${roleLabels[grant.role]} for all of England`;
}

interface UserRoleGrantsProps {
  user: UserSummary;
  /** Tells the page what happened, for its success message. */
  onDone: (message: string) => void;
}

/** The user's roles, each with a Remove button. */
export function UserRoleGrants({ user, onDone }: UserRoleGrantsProps) {
  const revoke = useRevokeRole(user.id);
  const alreadyGone = revoke.error instanceof ApiRequestError && revoke.error.code === 'ROLE_NOT_FOUND';

  function remove(grant: RoleGrant) {
    revoke.mutate(grant.id, { onSuccess: () => onDone(`Removed the role: ${describeGrant(grant)}`) });
  }

  return (
    <>
      {alreadyGone ? (
        <p className="wgll-error-text" role="alert">
          That role had already been removed. Reload the page to see their roles now.
        </p>
      ) : null}
      {revoke.isError && !alreadyGone ? <ApiErrorSummary error={revoke.error} /> : null}
      {user.roles.length === 0 ? (
        <p>They do not have any roles, so they cannot see any organisations.</p>
      ) : (
        <WideTable
          responsive
          caption={`${user.displayName}'s roles`}
          captionProps={{ className: 'nhsuk-u-visually-hidden' }}
        >
          <Table.Head>
            <Table.Row>
              <Table.Cell>Role</Table.Cell>
              <Table.Cell>For</Table.Cell>
              <Table.Cell>Since</Table.Cell>
              <Table.Cell>
                <span className="nhsuk-u-visually-hidden">Action</span>
              </Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {user.roles.map((grant) => (
              <Table.Row key={grant.id}>
                <Table.Cell>{roleLabels[grant.role]}</Table.Cell>
                <Table.Cell>{describeScope(grant.scope)}</Table.Cell>
                <Table.Cell>{formatDayOf(grant.grantedAt)}</Table.Cell>
                <Table.Cell>
                  <Button
                    type="button"
                    secondary
                    small
                    className="nhsuk-u-margin-bottom-0"
                    disabled={revoke.isPending}
                    onClick={() => remove(grant)}
                  >
                    Remove<span className="nhsuk-u-visually-hidden"> the role {describeGrant(grant)}</span>
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </WideTable>
      )}
    </>
  );
}
