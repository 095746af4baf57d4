import type { ImportDetail } from '@wgll/contracts';
import { BackLink, SummaryList, Table } from 'nhsuk-react-components';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { NotFound } from '../../../components/not-found';
import { SuccessBanner } from '../../../components/success-banner';
import { WideTable } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useImport } from '../api/imports-api';
import { ImportStateTag } from '../components/import-state-tag';
import { MatchedNames } from '../components/matched-names';
import { ReviewNamesForm } from '../components/review-names-form';
import { sheetLabels } from '../import-labels';

function ImportFacts({ detail }: { detail: ImportDetail }) {
  const rows: Array<[string, ReactNode]> = [
    ['State', <ImportStateTag key="state" state={detail.state} />],
    ['Cycle', detail.cycle.name],
    ['Source', detail.sourceTitle],
    ['Published', detail.publicationDate ? formatDate(detail.publicationDate) : 'Not known'],
    [
      'Imported',
      `${formatDateTime(detail.importedAt)}${detail.importedBy ? ` by ${detail.importedBy}` : ''}`,
    ],
    ['Applied', detail.appliedAt ? formatDateTime(detail.appliedAt) : 'Not yet'],
    ['Provider rows', String(detail.providerRows)],
    ['ICB rows', String(detail.icbRows)],
    ['Names to review', String(detail.toReview)],
    [
      'SHA-256',
      <code key="sha" className="wgll-break-anywhere">
        {detail.sha256}
      </code>,
    ],
  ];
  return (
    <SummaryList>
      {rows.map(([key, value]) => (
        <SummaryList.Row key={key}>
          <SummaryList.Key>{key}</SummaryList.Key>
          <SummaryList.Value>{value}</SummaryList.Value>
        </SummaryList.Row>
      ))}
    </SummaryList>
  );
}

function SheetsTable({ detail }: { detail: ImportDetail }) {
  return (
    <WideTable caption="Rows read from each sheet of the file" firstCellIsHeader>
      <Table.Head>
        <Table.Row>
          <Table.Cell>Sheet</Table.Cell>
          <Table.Cell>What it holds</Table.Cell>
          <Table.Cell format="numeric">Rows</Table.Cell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {detail.sheets.map((sheet) => (
          <Table.Row key={sheet.sheet}>
            <Table.Cell>{sheet.sheet}</Table.Cell>
            <Table.Cell>{sheetLabels[sheet.what]}</Table.Cell>
            <Table.Cell format="numeric">{sheet.rows}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </WideTable>
  );
}

/** /admin/imports/:id: one import, its sheets, and the names an administrator must confirm. */
export function ImportPage() {
  const id = useParams()['id'] ?? '';
  const location = useLocation();
  const query = useImport(id);
  const detail = query.data;
  const [notice, setNotice] = useState<{ heading: string; count: number }>();
  const imported = (location.state as { imported?: 'new' | 'unchanged' } | null)?.imported;
  const notFound = query.error instanceof ApiRequestError && query.error.isNotFound;
  useDocumentTitle(notFound ? 'Import not found' : detail ? `Import of ${detail.fileName}` : 'Import');

  if (notFound) {
    return (
      <NotFound heading="Import not found">
        <p>
          <Link to="/admin/imports">See the imports of published results</Link>
        </p>
      </NotFound>
    );
  }

  return (
    <>
      {notice ? <SuccessBanner key={notice.count} heading={notice.heading} /> : null}
      {!notice && imported ? (
        <SuccessBanner
          heading={
            imported === 'unchanged'
              ? 'This file had already been imported into this cycle: nothing changed'
              : 'The file was imported'
          }
        />
      ) : null}
      <BackLink asElement={Link} to="/admin/imports">
        Published results
      </BackLink>
      {detail ? (
        <>
          <h1 className="wgll-break-anywhere">Import of {detail.fileName}</h1>
          <ImportFacts detail={detail} />
          <h2>Sheets</h2>
          <SheetsTable detail={detail} />
          <ReviewNamesForm
            key={detail.toReview}
            detail={detail}
            onConfirmed={(updated) =>
              setNotice((current) => ({
                heading:
                  updated.state === 'applied'
                    ? 'Matches confirmed: the results are applied'
                    : `Matches confirmed: ${updated.toReview} still to review`,
                count: (current?.count ?? 0) + 1,
              }))
            }
          />
          <h2>Names in the file</h2>
          <MatchedNames names={detail.names} />
        </>
      ) : (
        <>
          <h1>Import</h1>
          {query.isPending ? <LoadingMessage>Loading the import…</LoadingMessage> : null}
          {query.isError ? <ApiErrorSummary error={query.error} /> : null}
        </>
      )}
    </>
  );
}
