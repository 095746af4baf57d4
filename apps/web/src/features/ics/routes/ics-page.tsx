import type { IcsDetail } from '@wgll/contracts';
import { BackLink, SummaryList, Table } from 'nhsuk-react-components';
import { Link, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { AtDateForm } from '../../../components/at-date-form';
import { CareSettingTags } from '../../../components/care-setting-tags';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { StatusTag } from '../../../components/status-tag';
import { useAtDate } from '../../../components/use-at-date';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { useIcs } from '../../../lib/api/ics-api';
import { useCurrentUser } from '../../../lib/api/session-api';
import { addDays, formatDate } from '../../../lib/dates';
import { pluralise, readableName, trustTypeLabels } from '../../../lib/format';
import {
  icsPlansPath,
  icsResultsPath,
  icsReturnsPath,
  organisationPath,
  regionPath,
} from '../../../lib/links';
import { mayViewResults } from '../../../lib/results-access';
import { IcsLinkList, IcsStatusMessage } from '../components/ics-status-message';

function IcsFacts({ ics, requestedAt }: { ics: IcsDetail; requestedAt: string | undefined }) {
  return (
    <SummaryList>
      <SummaryList.Row>
        <SummaryList.Key>ODS code</SummaryList.Key>
        <SummaryList.Value>{ics.odsCode}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>ONS code</SummaryList.Key>
        <SummaryList.Value>{ics.onsCode ?? 'Not published'}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Region</SummaryList.Key>
        <SummaryList.Value>
          {ics.region ? (
            <Link to={regionPath(ics.region.odsCode, requestedAt)}>{ics.region.name}</Link>
          ) : (
            'Not known'
          )}
        </SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Valid from</SummaryList.Key>
        <SummaryList.Value>{formatDate(ics.validFrom)}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Valid to</SummaryList.Key>
        <SummaryList.Value>{ics.validTo ? formatDate(ics.validTo) : 'No end date'}</SummaryList.Value>
      </SummaryList.Row>
      <SummaryList.Row>
        <SummaryList.Key>Status on {formatDate(ics.at)}</SummaryList.Key>
        <SummaryList.Value>
          <StatusTag status={ics.status} />
        </SummaryList.Value>
      </SummaryList.Row>
      {ics.predecessors.length > 0 ? (
        <SummaryList.Row>
          <SummaryList.Key>Replaced</SummaryList.Key>
          <SummaryList.Value>
            <IcsLinkList links={ics.predecessors} at={addDays(ics.validFrom, -1)} />
          </SummaryList.Value>
        </SummaryList.Row>
      ) : null}
      {ics.successors.length > 0 ? (
        <SummaryList.Row>
          <SummaryList.Key>Replaced by</SummaryList.Key>
          <SummaryList.Value>
            <IcsLinkList links={ics.successors} at={ics.validTo ? addDays(ics.validTo, 1) : undefined} />
          </SummaryList.Value>
        </SummaryList.Row>
      ) : null}
    </SummaryList>
  );
}

function IcsOrganisations({ ics, requestedAt }: { ics: IcsDetail; requestedAt: string | undefined }) {
  return (
    <section aria-labelledby="organisations-heading">
      <h2 id="organisations-heading">Organisations</h2>
      {ics.organisations.length === 0 ? (
        <p>No organisations were assessed in this ICS on {formatDate(ics.at)}.</p>
      ) : (
        <>
          <p>
            {pluralise(ics.organisations.length, 'organisation')} assessed in this ICS on {formatDate(ics.at)}
            .
          </p>
          <Table responsive caption={`Organisations in ${readableName(ics.name)} on ${formatDate(ics.at)}`}>
            <Table.Head>
              <Table.Row>
                <Table.Cell>Name</Table.Cell>
                <Table.Cell>ODS code</Table.Cell>
                <Table.Cell>Type</Table.Cell>
                <Table.Cell>Care settings</Table.Cell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {ics.organisations.map((organisation) => (
                <Table.Row key={organisation.odsCode}>
                  <Table.Cell>
                    <Link to={organisationPath(organisation.odsCode, requestedAt)}>
                      {readableName(organisation.name)}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{organisation.odsCode}</Table.Cell>
                  <Table.Cell>{trustTypeLabels[organisation.type]}</Table.Cell>
                  <Table.Cell>
                    <CareSettingTags settings={organisation.careSettings} />
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

/** /ics/:code: an integrated care system, its history across the mergers and its organisations. */
export function IcsPage() {
  const code = (useParams()['code'] ?? '').toUpperCase();
  const at = useAtDate();
  const query = useIcs(code, at.requested);
  const ics = query.data;
  const user = useCurrentUser();

  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  const invalid = query.error instanceof ApiRequestError && query.error.isValidationError;
  useDocumentTitle(
    notFound ? 'ICS not found' : ics ? readableName(ics.name) : `${invalid ? 'Error: ' : ''}ICS ${code}`,
  );

  if (notFound) {
    return (
      <NotFound heading="ICS not found">
        <p>There is no integrated care system with the ODS code {code}.</p>
        <p>
          <Link to="/regions">Browse the ICSs by region</Link> or{' '}
          <Link to="/organisations">search the organisation directory</Link>.
        </p>
      </NotFound>
    );
  }

  return (
    <>
      <BackLink asElement={Link} to={ics?.region ? regionPath(ics.region.odsCode, at.requested) : '/regions'}>
        {ics?.region ? ics.region.name : 'Regions'}
      </BackLink>
      {ics ? (
        <>
          <h1>
            <span className="nhsuk-caption-l">Integrated care system</span>
            {readableName(ics.name)}
          </h1>
          <p role="status">
            {query.isPlaceholderData
              ? `Loading this ICS on ${formatDate(at.effective)}…`
              : `Showing this ICS on ${formatDate(ics.at)}.`}
          </p>
          <IcsStatusMessage ics={ics} />
          <p>
            <Link to={icsReturnsPath(ics.odsCode)}>Assessment returns</Link>: the ICB’s own system-level
            return
          </p>
          {mayViewResults(user, { type: 'ics', code: ics.odsCode, region: ics.region?.odsCode ?? null }) ? (
            <p>
              <Link to={icsResultsPath(ics.odsCode)}>Results</Link>: the ICS’s organisations side by side, and
              how far this cycle’s returns have got
            </p>
          ) : null}
          {mayViewResults(user, { type: 'ics', code: ics.odsCode, region: ics.region?.odsCode ?? null }) ? (
            <p>
              <Link to={icsPlansPath(ics.odsCode)}>Improvement plans</Link>: each organisation’s targets and
              actions, and the gaps most of them share
            </p>
          ) : null}
          <IcsFacts ics={ics} requestedAt={at.requested} />
          <AtDateForm at={at.effective} label="Show this ICS on another date" />
          <IcsOrganisations ics={ics} requestedAt={at.requested} />
        </>
      ) : (
        <>
          <h1>ICS {code}</h1>
          {query.isPending ? <LoadingMessage>Loading integrated care system…</LoadingMessage> : null}
          {query.isError ? <ApiErrorSummary error={query.error} fieldIds={{ at: 'at' }} /> : null}
          {invalid ? <AtDateForm at={at.effective} label="Show this ICS on another date" /> : null}
        </>
      )}
    </>
  );
}
