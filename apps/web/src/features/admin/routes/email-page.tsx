import type { DeliveryStatus, EmailDelivery } from '@wgll/contracts';
import { Button } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { ListPagination } from '../../../components/list-pagination';
import { LoadingMessage } from '../../../components/loading-message';
import { TableScroll } from '../../../components/table-scroll';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/dates';
import { pluralise } from '../../../lib/format';
import { useDeliveries, useRetryDelivery } from '../api/email-api';
import '../admin.css';

const PAGE_SIZE = 25;

const STATUS_LABELS: Record<DeliveryStatus, string> = {
  outbox: 'In the outbox',
  queued: 'Waiting to be sent',
  sending: 'Being sent',
  sent: 'Sent',
  failed: 'Failed',
};
const FILTERS: { status: DeliveryStatus | ''; label: string }[] = [
  { status: '', label: 'All' },
  { status: 'outbox', label: 'Outbox' },
  { status: 'failed', label: 'Failed' },
  { status: 'queued', label: 'Waiting' },
  { status: 'sent', label: 'Sent' },
];
const TRANSPORT: Record<'smtp' | 'notify' | 'outbox', string> = {
  smtp: 'E-mail is sent through the SMTP server in SMTP_URL.',
  notify: 'E-mail is sent through GOV.UK Notify.',
  outbox:
    'No mail service is configured (SMTP_URL or NOTIFY_API_KEY), so e-mails are kept here in the outbox and not sent.',
};

function isStatus(value: string): value is DeliveryStatus {
  return Object.hasOwn(STATUS_LABELS, value);
}

/** /admin/email: the outbox, e-mails waiting or sent, and failed ones to send again (national administrators). */
export function EmailPage() {
  const [params] = useSearchParams();
  const statusParam = params.get('status') ?? '';
  const status = isStatus(statusParam) ? statusParam : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '', 10) || 1);
  const list = useDeliveries({ status, page, pageSize: PAGE_SIZE });
  const retry = useRetryDelivery();
  const forbidden = list.error instanceof ApiRequestError && list.error.isForbidden;
  useDocumentTitle(forbidden ? FORBIDDEN_TITLE : 'E-mail');
  if (forbidden) return <Forbidden />;
  const data = list.data;
  const link = (next: { status?: string; page?: number }) => {
    const search = new URLSearchParams();
    const s = next.status ?? status ?? '';
    if (s) search.set('status', s);
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    const text = search.toString();
    return `/admin/email${text ? `?${text}` : ''}`;
  };

  return (
    <>
      <h1>E-mail</h1>
      <p className="nhsuk-lede-text">Every e-mail the platform has written, newest first.</p>
      {data && <p>{TRANSPORT[data.transport]}</p>}
      <nav aria-label="Show e-mails">
        <ul className="nhsuk-list wgll-inline-list">
          {FILTERS.map((filter) => (
            <li key={filter.label}>
              {(status ?? '') === filter.status ? (
                <strong aria-current="page">{filter.label}</strong>
              ) : (
                <Link to={link({ status: filter.status, page: 1 })}>{filter.label}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {retry.error && <ApiErrorSummary error={retry.error} />}
      {list.isPending && <LoadingMessage>Loading e-mails…</LoadingMessage>}
      {list.isError && <ApiErrorSummary error={list.error} />}
      {data && (
        <section aria-labelledby="email-results">
          <h2 id="email-results">{data.total === 0 ? 'No e-mails' : pluralise(data.total, 'e-mail')}</h2>
          {data.total === 0 ? (
            <p>{status ? 'None with this status.' : 'Nothing has been sent yet.'}</p>
          ) : (
            <>
              <TableScroll>
                <table className="nhsuk-table">
                  <caption className="nhsuk-table__caption">E-mails, page {data.page}</caption>
                  <thead className="nhsuk-table__head">
                    <tr className="nhsuk-table__row">
                      <th scope="col" className="nhsuk-table__header">
                        To and subject
                      </th>
                      <th scope="col" className="nhsuk-table__header">
                        Written
                      </th>
                      <th scope="col" className="nhsuk-table__header">
                        Status
                      </th>
                    </tr>
                  </thead>
                  <tbody className="nhsuk-table__body">
                    {data.items.map((delivery) => (
                      <DeliveryRow
                        key={delivery.id}
                        delivery={delivery}
                        retrying={retry.isPending && retry.variables === delivery.id}
                        onRetry={() => retry.mutate(delivery.id)}
                      />
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <ListPagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                label="E-mail pages"
                pageLink={(next) => link({ page: next })}
              />
            </>
          )}
        </section>
      )}
    </>
  );
}

function DeliveryRow({
  delivery,
  retrying,
  onRetry,
}: {
  delivery: EmailDelivery;
  retrying: boolean;
  onRetry: () => void;
}) {
  return (
    <tr className="nhsuk-table__row">
      <td className="nhsuk-table__cell">
        <p className="nhsuk-u-margin-bottom-1">{delivery.to}</p>
        <details className="nhsuk-details nhsuk-u-margin-bottom-0">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">{delivery.subject}</span>
          </summary>
          <div className="nhsuk-details__text">
            <pre className="wgll-email-text">{delivery.text}</pre>
          </div>
        </details>
      </td>
      <td className="nhsuk-table__cell">{formatDateTime(delivery.createdAt)}</td>
      <td className="nhsuk-table__cell">
        <p className="nhsuk-u-margin-bottom-1">{STATUS_LABELS[delivery.status]}</p>
        {delivery.attempts > 0 && (
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{pluralise(delivery.attempts, 'attempt')}</p>
        )}
        {delivery.lastError && (
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Last error: {delivery.lastError}</p>
        )}
        {delivery.status === 'failed' && (
          <Button type="button" secondary small disabled={retrying} onClick={onRetry}>
            Send again<span className="nhsuk-u-visually-hidden"> to {delivery.to}</span>
          </Button>
        )}
      </td>
    </tr>
  );
}
