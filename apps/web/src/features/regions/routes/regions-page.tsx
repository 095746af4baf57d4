import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { WideTable } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useRegions } from '../../../lib/api/regions-api';
import { regionPath } from '../../../lib/links';

/** /regions: the 7 NHS England regions. */
export function RegionsPage() {
  useDocumentTitle('NHS England regions');
  const regions = useRegions();

  return (
    <>
      <h1>NHS England regions</h1>
      <p className="nhsuk-lede-text">
        NHS England works through 7 regions. Each region contains several integrated care systems (ICSs).
      </p>
      {regions.isPending ? <LoadingMessage>Loading regions…</LoadingMessage> : null}
      {regions.isError ? <ApiErrorSummary error={regions.error} /> : null}
      {regions.isSuccess ? (
        <WideTable caption="NHS England regions" firstCellIsHeader>
          <Table.Head>
            <Table.Row>
              <Table.Cell>Region</Table.Cell>
              <Table.Cell>ODS code</Table.Cell>
              <Table.Cell>ONS code</Table.Cell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {regions.data.map((region) => (
              <Table.Row key={region.odsCode}>
                <Table.Cell>
                  <Link to={regionPath(region.odsCode)}>{region.name}</Link>
                </Table.Cell>
                <Table.Cell>{region.odsCode}</Table.Cell>
                <Table.Cell>{region.onsCode}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </WideTable>
      ) : null}
    </>
  );
}
