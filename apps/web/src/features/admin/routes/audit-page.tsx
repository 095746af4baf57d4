import { Button, Select } from 'nhsuk-react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { ListPagination } from '../../../components/list-pagination';
import { LoadingMessage } from '../../../components/loading-message';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { pluralise } from '../../../lib/format';
import { useAuditList } from '../api/audit-api';
import { auditActionLabels, auditActions, isAuditAction } from '../audit-labels';
import { AuditCheck } from '../components/audit-check';
import { AuditTable } from '../components/audit-table';
import '../admin.css';

const PAGE_SIZE = 50;

interface AuditSearch {
  action: string;
  userId: string;
  page: number;
}

function toSearchString({ action, userId, page }: AuditSearch): string {
  const params = new URLSearchParams();
  if (action) params.set('action', action);
  if (userId) params.set('userId', userId);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function ActionFilter({ search, onFilter }: { search: AuditSearch; onFilter: (action: string) => void }) {
  const [action, setAction] = useState(search.action);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onFilter(action);
  }
  return (
    <form method="get" action="/admin/audit" noValidate onSubmit={handleSubmit} className="wgll-filters">
      <Select
        id="action"
        name="action"
        label="What happened"
        labelProps={{ size: 's' }}
        value={action}
        onChange={(event) => setAction(event.target.value)}
      >
        <option value="">Everything</option>
        {auditActions.map((value) => (
          <option key={value} value={value}>
            {auditActionLabels[value]}
          </option>
        ))}
      </Select>
      <Button type="submit" secondary>
        Filter
      </Button>
    </form>
  );
}

/** /admin/audit: who did what and when, newest first. */
export function AuditPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const searchString = searchParams.toString();
  const page = Number.parseInt(searchParams.get('page') ?? '', 10);
  const search: AuditSearch = {
    action: searchParams.get('action') ?? '',
    userId: searchParams.get('userId') ?? '',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
  const list = useAuditList({
    action: isAuditAction(search.action) ? search.action : undefined,
    userId: search.userId || undefined,
    page: search.page,
    pageSize: PAGE_SIZE,
  });
  const forbidden = list.error instanceof ApiRequestError && list.error.isForbidden;
  useDocumentTitle(forbidden ? FORBIDDEN_TITLE : 'Audit log');

  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const announcedSearch = useRef(searchString);
  useEffect(() => {
    if (!list.isSuccess || list.isPlaceholderData || announcedSearch.current === searchString) return;
    announcedSearch.current = searchString;
    resultsHeading.current?.focus();
  }, [list.isSuccess, list.isPlaceholderData, searchString]);

  if (forbidden) return <Forbidden />;

  const data = list.data;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <h1>Audit log</h1>
      <p className="nhsuk-lede-text">
        Sign-ins, changes to accounts and roles, frameworks, cycles, returns and imports, newest first.
      </p>
      {search.userId ? (
        <p>
          Showing what one user did, and what was done to their account.{' '}
          <Link to={`/admin/audit${toSearchString({ ...search, userId: '', page: 1 })}`}>Show everyone</Link>
        </p>
      ) : null}
      <AuditCheck />
      <ActionFilter
        key={searchString}
        search={search}
        onFilter={(action) => void navigate({ search: toSearchString({ ...search, action, page: 1 }) })}
      />
      {list.isPending ? <LoadingMessage>Loading the audit log…</LoadingMessage> : null}
      {list.isError ? <ApiErrorSummary error={list.error} /> : null}
      {data ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" tabIndex={-1} ref={resultsHeading} className="wgll-focus-target">
            {data.total === 0 ? 'No events found' : pluralise(data.total, 'event')}
          </h2>
          {list.isPlaceholderData ? <LoadingMessage>Loading the audit log…</LoadingMessage> : null}
          {data.total === 0 ? (
            <p>Nothing matching has happened yet.</p>
          ) : (
            <>
              {totalPages > 1 ? (
                <p>
                  Page {data.page} of {totalPages}.
                </p>
              ) : null}
              <AuditTable events={data.items} caption={`Audit events, page ${data.page} of ${totalPages}`} />
              <ListPagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                label="Audit log pages"
                pageLink={(next) => `/admin/audit${toSearchString({ ...search, page: next })}`}
              />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
