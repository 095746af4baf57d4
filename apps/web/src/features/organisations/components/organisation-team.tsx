import { Table } from 'nhsuk-react-components';

import { UserStatusTag } from '../../../components/user-status-tag';
import { roleLabels } from '../../../lib/roles';
import { useOrganisationTeam } from '../api/organisations-api';

interface OrganisationTeamProps {
  code: string;
  /** The date the page shows; undefined means today. */
  at: string | undefined;
}

/**
 * The people with a role for this organisation. Shown only when the API answers: someone whose
 * roles do not cover the organisation (403) simply does not see the section.
 */
export function OrganisationTeam({ code, at }: OrganisationTeamProps) {
  const team = useOrganisationTeam(code, at);
  if (!team.isSuccess) return null;
  const { members } = team.data;

  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">Team</h2>
      {members.length === 0 ? (
        <p>Nobody has a role for this organisation in the service yet.</p>
      ) : (
        <>
          <p>The people with a role for this organisation in the service.</p>
          <Table responsive caption="Team members" captionProps={{ className: 'nhsuk-u-visually-hidden' }}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Name</Table.Cell>
                <Table.Cell>Email address</Table.Cell>
                <Table.Cell>Roles</Table.Cell>
                <Table.Cell>Status</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {members.map((member) => (
                <Table.Row key={member.userId}>
                  <Table.Cell>{member.displayName}</Table.Cell>
                  <Table.Cell>{member.email}</Table.Cell>
                  <Table.Cell>{member.roles.map((role) => roleLabels[role]).join(', ')}</Table.Cell>
                  <Table.Cell>
                    <UserStatusTag status={member.status} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}
