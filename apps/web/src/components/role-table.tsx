import type { RoleGrant } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';

import { describeScope, roleLabels } from '../lib/roles';

interface RoleTableProps {
  grants: RoleGrant[];
  caption: string;
  /** Whose roles: "You have" or "They have", for the empty message. */
  emptyMessage: string;
}

/** Each role someone holds and where it applies: the region, ICS or trust, with its ODS code. */
export function RoleTable({ grants, caption, emptyMessage }: RoleTableProps) {
  if (grants.length === 0) return <p>{emptyMessage}</p>;
  return (
    <Table responsive caption={caption} captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Role</Table.Cell>
          <Table.Cell>For</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {grants.map((grant) => (
          <Table.Row key={grant.id}>
            <Table.Cell>{roleLabels[grant.role]}</Table.Cell>
            <Table.Cell>{describeScope(grant.scope)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
