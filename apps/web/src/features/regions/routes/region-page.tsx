import type { RegionDetail } from '@wgll/contracts';
import { BackLink, Table } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { AtDateForm } from '../../../components/at-date-form';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { WideTable } from '../../../components/table-scroll';
import { useAtDate } from '../../../components/use-at-date';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { useRegion } from '../../../lib/api/regions-api';
import { useCurrentUser } from '../../../lib/api/session-api';
import { formatDate } from '../../../lib/dates';
import { pluralise, readableName } from '../../../lib/format';
import { icsPath, regionPlansPath, regionResultsPath, regionTargetsPath } from '../../../lib/links';
import { mayViewResults } from '../../../lib/results-access';

function RegionSystems({ region, requestedAt }: { region: RegionDetail; requestedAt: string | undefined }) {
  const systems = [...region.systems].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  if (systems.length === 0) {
    return <p>There were no integrated care systems in this region on {formatDate(region.at)}.</p>;
  }
  const organisationCount = systems.reduce((total, system) => total + system.members.length, 0);
  return (
    <>
      <p>
        {pluralise(systems.length, 'integrated care system')} and{' '}
        {pluralise(organisationCount, 'organisation')} on {formatDate(region.at)}.
      </p>
      <WideTable
        caption={`Integrated care systems in ${region.name} on ${formatDate(region.at)}`}
        firstCellIsHeader
      >
        <Table.Head>
          <Table.Row>
            <Table.Cell>Integrated care system</Table.Cell>
            <Table.Cell>ODS code</Table.Cell>
            <Table.Cell format="numeric">Organisations</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {systems.map((system) => (
            <Table.Row key={system.odsCode}>
              <Table.Cell>
                <Link to={icsPath(system.odsCode, requestedAt)}>{readableName(system.name)}</Link>
              </Table.Cell>
              <Table.Cell>{system.odsCode}</Table.Cell>
              <Table.Cell format="numeric">{system.members.length}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
    </>
  );
}

/** /regions/:code: a region's ICSs on a date, with how many organisations each has. */
export function RegionPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const at = useAtDate();
  const query = useRegion(code, at.requested);
  const region = query.data;
  const user = useCurrentUser();

  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  const invalid = query.error instanceof ApiRequestError && query.error.isValidationError;
  useDocumentTitle(
    notFound
      ? 'Region not found'
      : region
        ? `${region.name} region`
        : `${invalid ? 'Error: ' : ''}Region ${code}`,
  );

  if (notFound) {
    return (
      <NotFound heading="Region not found">
        <p>There is no NHS England region with the ODS code {code}.</p>
        <p>
          <Link to="/regions">See the 7 NHS England regions</Link>
        </p>
      </NotFound>
    );
  }

  return (
    <>
      <BackLink asElement={Link} to="/regions">
        All regions
      </BackLink>
      {region ? (
        <>
          <h1>
            <span className="nhsuk-caption-l">NHS England region</span>
            {region.name}
          </h1>
          <p role="status">
            {query.isPlaceholderData
              ? `Loading this region on ${formatDate(at.effective)}…`
              : `Showing this region on ${formatDate(region.at)}. ODS code ${region.odsCode}, ONS code ${region.onsCode}.`}
          </p>
          {mayViewResults(user, { type: 'region', code: region.odsCode }) ? (
            <p>
              <Link to={regionResultsPath(region.odsCode)}>Results</Link>: the region’s ICSs side by side,
              movement since last year and completion this cycle
            </p>
          ) : null}
          {mayViewResults(user, { type: 'region', code: region.odsCode }) ? (
            <p>
              <Link to={regionPlansPath(region.odsCode)}>Improvement plans</Link>: per ICS, the gaps their
              organisations share and the organisations whose plans fall short
            </p>
          ) : null}
          {mayViewResults(user, { type: 'region', code: region.odsCode }) ? (
            <p>
              <Link to={regionTargetsPath(region.odsCode)}>National targets</Link>: how many of the region’s
              organisations meet each target
            </p>
          ) : null}
          <AtDateForm at={at.effective} label="Show this region on another date" />
          <h2>Integrated care systems</h2>
          <RegionSystems region={region} requestedAt={at.requested} />
        </>
      ) : (
        <>
          <h1>Region {code}</h1>
          {query.isPending ? <LoadingMessage>Loading region…</LoadingMessage> : null}
          {query.isError ? <ApiErrorSummary error={query.error} fieldIds={{ at: 'at' }} /> : null}
          {invalid ? <AtDateForm at={at.effective} label="Show this region on another date" /> : null}
        </>
      )}
    </>
  );
}
