import type { ImportName } from '@wgll/contracts';
import { Details, Table } from 'nhsuk-react-components';

import { WideTable } from '../../../components/table-scroll';
import { readableName } from '../../../lib/format';
import { kindLabels, matchMethodLabels } from '../import-labels';

/** The names that matched, folded away: how each published name was matched to an ODS code. */
export function MatchedNames({ names }: { names: ImportName[] }) {
  const matched = names.filter((name) => name.status === 'matched' && name.match);
  if (matched.length === 0) return null;
  return (
    <Details>
      <Details.Summary>Matched names ({matched.length})</Details.Summary>
      <Details.Text>
        <WideTable caption="Names in the file and what they were matched to" firstCellIsHeader>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Name in the file</Table.Cell>
              <Table.Cell>Kind</Table.Cell>
              <Table.Cell>Matched to</Table.Cell>
              <Table.Cell>How</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {matched.map((name) => (
              <Table.Row key={`${name.kind}:${name.publishedName}`}>
                <Table.Cell>{name.publishedName}</Table.Cell>
                <Table.Cell>{kindLabels[name.kind]}</Table.Cell>
                <Table.Cell>
                  {name.match ? `${readableName(name.match.name)} (${name.match.odsCode})` : '–'}
                </Table.Cell>
                <Table.Cell>{name.match ? matchMethodLabels[name.match.method] : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </WideTable>
      </Details.Text>
    </Details>
  );
}
