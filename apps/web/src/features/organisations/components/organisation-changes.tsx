import type { OrganisationChange, OrganisationChangeKind } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';

import { formatDate } from '../../../lib/dates';
import { readableName } from '../../../lib/format';

const kindLabels: Record<OrganisationChangeKind, string> = {
  renamed: 'Renamed',
  opened: 'Opened',
  closed: 'Closed',
};

interface OrganisationChangesProps {
  previousNames: string[];
  changes: OrganisationChange[];
}

/** Previous names and recorded changes (renames, openings, closures). */
export function OrganisationChanges({ previousNames, changes }: OrganisationChangesProps) {
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">Names and changes</h2>
      <h3>Previous names</h3>
      {previousNames.length === 0 ? (
        <p>No previous names are recorded.</p>
      ) : (
        <ul>
          {previousNames.map((name) => (
            <li key={name}>{readableName(name)}</li>
          ))}
        </ul>
      )}
      <h3>Changes</h3>
      {changes.length === 0 ? (
        <p>No openings, closures or renames are recorded since 2024.</p>
      ) : (
        <Table responsive caption="Recorded changes">
          <Table.Head>
            <Table.Row>
              <Table.Cell>Change</Table.Cell>
              <Table.Cell>Date</Table.Cell>
              <Table.Cell>Details</Table.Cell>
              <Table.Cell>Source</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {changes.map((change, index) => (
              <Table.Row key={`${change.kind}-${change.date ?? 'undated'}-${index}`}>
                <Table.Cell>{kindLabels[change.kind]}</Table.Cell>
                <Table.Cell>{change.date ? formatDate(change.date) : 'Exact date not published'}</Table.Cell>
                <Table.Cell>{change.description}</Table.Cell>
                <Table.Cell>{change.source}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
