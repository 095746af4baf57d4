import type { UserSummary } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { WideTable } from '../../../components/table-scroll';
import { UserStatusTag } from '../../../components/user-status-tag';
import { formatDateTime } from '../../../lib/dates';
import { userPath } from '../../../lib/links';
import { roleLabels } from '../../../lib/roles';

/** `Trust lead (RJ1)`: a role and its scope code, short enough for a table. */
function shortRoles(user: UserSummary): string {
  if (user.roles.length === 0) return 'None';
  return user.roles
    .map((grant) =>
      grant.scope.code ? `${roleLabels[grant.role]} (${grant.scope.code})` : roleLabels[grant.role],
    )
    .join(', ');
}

export function UsersTable({ users, caption }: { users: UserSummary[]; caption: string }) {
  return (
    <WideTable responsive caption={caption} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Name</Table.Cell>
          <Table.Cell>Email address</Table.Cell>
          <Table.Cell>Roles</Table.Cell>
          <Table.Cell>Status</Table.Cell>
          <Table.Cell>Last signed in</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {users.map((user) => (
          <Table.Row key={user.id}>
            <Table.Cell>
              <Link to={userPath(user.id)}>{user.displayName}</Link>
            </Table.Cell>
            <Table.Cell>{user.email}</Table.Cell>
            <Table.Cell>{shortRoles(user)}</Table.Cell>
            <Table.Cell>
              <UserStatusTag status={user.status} />
            </Table.Cell>
            <Table.Cell>{user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'Never'}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}
