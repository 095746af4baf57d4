import type { ImportSummary } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { WideTable } from '../../../components/table-scroll';
import { formatDate } from '../../../lib/dates';
import { pluralise } from '../../../lib/format';
import { importPath } from '../../../lib/links';
import { ImportStateTag } from './import-state-tag';

/** Every import of a published data file: its cycle, file, publication date, state and rows. */
export function ImportsTable({ imports }: { imports: ImportSummary[] }) {
  return (
    <WideTable caption="Imports of published data files" firstCellIsHeader>
      <Table.Head>
        <Table.Row>
          <Table.Cell>File</Table.Cell>
          <Table.Cell>Cycle</Table.Cell>
          <Table.Cell>Published</Table.Cell>
          <Table.Cell>State</Table.Cell>
          <Table.Cell format="numeric">Rows</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {imports.map((item) => (
          <Table.Row key={item.id}>
            <Table.Cell>
              <Link to={importPath(item.id)} className="wgll-break-anywhere">
                {item.fileName}
              </Link>
            </Table.Cell>
            <Table.Cell>{item.cycle.name}</Table.Cell>
            <Table.Cell>{item.publicationDate ? formatDate(item.publicationDate) : 'Not known'}</Table.Cell>
            <Table.Cell>
              <ImportStateTag state={item.state} />
              {item.state === 'review' ? (
                <span className="wgll-block nhsuk-body-s nhsuk-u-margin-bottom-0">
                  {pluralise(item.toReview, 'name')} to review
                </span>
              ) : null}
            </Table.Cell>
            <Table.Cell format="numeric">
              {item.providerRows} provider, {item.icbRows} ICB
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}
