import type { OrganisationMembership } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { formatDate } from '../../../lib/dates';
import { basisLabels, readableName } from '../../../lib/format';
import { icsPath, regionPath } from '../../../lib/links';

/** Every dated membership, both bases, oldest first. */
export function MembershipHistory({ memberships }: { memberships: OrganisationMembership[] }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">Membership history</h2>
      <p>
        <strong>Assessment</strong> is the ICS the national Digital Maturity Assessment counts the
        organisation in. <strong>Headquarters</strong> is the ICB whose area contains its headquarters.
      </p>
      {memberships.length === 0 ? (
        <p>There is no recorded ICS membership for this organisation.</p>
      ) : (
        <Table responsive caption="ICS membership history, oldest first">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Basis</Table.Cell>
              <Table.Cell>Integrated care system</Table.Cell>
              <Table.Cell>Region</Table.Cell>
              <Table.Cell>From</Table.Cell>
              <Table.Cell>To</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {memberships.map((membership) => (
              <Table.Row key={`${membership.basis}-${membership.ics.odsCode}-${membership.validFrom}`}>
                <Table.Cell>{basisLabels[membership.basis]}</Table.Cell>
                <Table.Cell>
                  <Link to={icsPath(membership.ics.odsCode, membership.validFrom)}>
                    {readableName(membership.ics.name)} ({membership.ics.odsCode})
                  </Link>
                </Table.Cell>
                <Table.Cell>
                  {membership.region ? (
                    <Link to={regionPath(membership.region.odsCode, membership.validFrom)}>
                      {membership.region.name}
                    </Link>
                  ) : (
                    'Not known'
                  )}
                </Table.Cell>
                <Table.Cell>
                  <span className="wgll-nowrap">{formatDate(membership.validFrom)}</span>
                </Table.Cell>
                <Table.Cell>
                  {membership.validTo ? (
                    <span className="wgll-nowrap">{formatDate(membership.validTo)}</span>
                  ) : (
                    'No end date'
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
