import type { ReturnDetail } from '@wgll/contracts';
import { Table } from 'nhsuk-react-components';
import { useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { ListPagination } from '../../../components/list-pagination';
import { LoadingMessage } from '../../../components/loading-message';
import { WideTable } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { formatDateTime } from '../../../lib/dates';
import { pluralise } from '../../../lib/format';
import { returnPath } from '../../../lib/links';
import { useReturnFramework, useReturnHistory } from '../api/returns-api';
import { ReturnHeader } from '../components/return-header';
import { ReturnLoader } from '../components/return-loader';
import { SealList } from '../components/seal-list';
import { describeEvent } from '../../../lib/event-descriptions';
import { returnTitle } from '../return-labels';

const PAGE_SIZE = 25;

function ReturnHistoryView({ detail }: { detail: ReturnDetail }) {
  useDocumentTitle(`History – ${returnTitle(detail)}`);
  const [searchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const history = useReturnHistory(detail.id, page, PAGE_SIZE);
  const framework = useReturnFramework(detail);
  const titles = (id: string) =>
    framework.data?.domains.find((domain) => domain.id === id)?.title ??
    framework.data?.measures.find((measure) => measure.id === id)?.name;
  const people = (userId: string) =>
    detail.assignments.find((item) => item.assignee.id === userId)?.assignee.displayName;

  return (
    <>
      <ReturnHeader detail={detail} current="history" />
      <h1>History</h1>
      <p>Everything that has happened to this return, newest first.</p>
      {history.isPending ? <LoadingMessage>Loading the history…</LoadingMessage> : null}
      {history.isError ? <ApiErrorSummary error={history.error} /> : null}
      {history.data ? (
        history.data.total === 0 ? (
          <p>Nothing has been recorded for this return yet.</p>
        ) : (
          <>
            <p role="status">
              {history.isPlaceholderData
                ? 'Loading…'
                : `${pluralise(history.data.total, 'event')}, page ${history.data.page} of ${Math.max(1, Math.ceil(history.data.total / history.data.pageSize))}.`}
            </p>
            <WideTable
              responsive
              caption="The return’s history"
              captionProps={{ className: 'nhsuk-u-visually-hidden' }}
            >
              <Table.Head>
                <Table.Row>
                  <Table.Cell className="nhsuk-u-width-one-quarter">When</Table.Cell>
                  <Table.Cell className="nhsuk-u-width-one-quarter">Who</Table.Cell>
                  <Table.Cell>What happened</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {history.data.items.map((event) => {
                  const { summary, change } = describeEvent(event, titles, people);
                  return (
                    <Table.Row key={event.id}>
                      <Table.Cell>{formatDateTime(event.occurredAt)}</Table.Cell>
                      <Table.Cell>
                        {event.actor ? (event.actor.name ?? event.actor.label) : 'The service'}
                      </Table.Cell>
                      <Table.Cell>
                        {summary}
                        {change ? (
                          <p className="nhsuk-body-s wgll-change nhsuk-u-margin-bottom-0">{change}</p>
                        ) : null}
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </WideTable>
            <ListPagination
              page={page}
              pageSize={history.data.pageSize}
              total={history.data.total}
              pageLink={(number) =>
                `${returnPath(detail.id, 'history')}${number > 1 ? `?page=${number}` : ''}`
              }
              label="History pages"
            />
          </>
        )
      ) : null}
      <SealList detail={detail} />
    </>
  );
}

/** /returns/:id/history: the return's audit events in plain English, newest first. */
export function ReturnHistoryPage() {
  return <ReturnLoader>{(detail) => <ReturnHistoryView detail={detail} />}</ReturnLoader>;
}
