import { Button } from 'nhsuk-react-components';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { Forbidden, FORBIDDEN_TITLE } from '../../../components/forbidden';
import { ListPagination } from '../../../components/list-pagination';
import { LoadingMessage } from '../../../components/loading-message';
import { useDocumentTitle } from '../../../components/use-document-title';
import { isUserStatus } from '../../../components/user-status-tag';
import { ApiRequestError } from '../../../lib/api-client';
import { pluralise } from '../../../lib/format';
import { useUserList } from '../api/users-api';
import {
  parseUserSearch,
  toUserSearchString,
  UserSearchForm,
  type UserSearch,
} from '../components/user-search-form';
import { UsersTable } from '../components/users-table';

const PAGE_SIZE = 20;

/** /admin/users: find users, see their roles and status, and invite someone new. */
export function UsersPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const searchString = searchParams.toString();
  const search = parseUserSearch(searchParams);
  const list = useUserList({
    q: search.q || undefined,
    status: isUserStatus(search.status) ? search.status : undefined,
    page: search.page,
    pageSize: PAGE_SIZE,
  });
  const forbidden = list.error instanceof ApiRequestError && list.error.isForbidden;
  useDocumentTitle(forbidden ? FORBIDDEN_TITLE : 'Users');

  // After a new search or page, move focus to the results heading so its count is read out.
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const announcedSearch = useRef(searchString);
  useEffect(() => {
    if (!list.isSuccess || list.isPlaceholderData || announcedSearch.current === searchString) return;
    announcedSearch.current = searchString;
    resultsHeading.current?.focus();
  }, [list.isSuccess, list.isPlaceholderData, searchString]);

  if (forbidden) return <Forbidden />;

  function handleSearch(next: UserSearch) {
    void navigate({ pathname: '/admin/users', search: toUserSearchString(next) });
  }

  const data = list.data;
  const filtered = Boolean(search.q || search.status);

  return (
    <>
      <h1>Users</h1>
      <p className="nhsuk-lede-text">
        Everyone who can sign in to the service, their roles and whether their account is active.
      </p>
      <Button href="/admin/users/new" asElement={Link} to="/admin/users/new">
        Invite a user
      </Button>
      <UserSearchForm key={searchString} search={search} onSearch={handleSearch} />
      {list.isPending ? <LoadingMessage>Loading users…</LoadingMessage> : null}
      {list.isError ? <ApiErrorSummary error={list.error} /> : null}
      {data ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" tabIndex={-1} ref={resultsHeading} className="wgll-focus-target">
            {data.total === 0 ? 'No users found' : pluralise(data.total, 'user')}
          </h2>
          {list.isPlaceholderData ? <LoadingMessage>Loading users…</LoadingMessage> : null}
          {data.total === 0 ? (
            <p>
              {filtered ? (
                <>
                  No users match your search. <Link to="/admin/users">Show all users</Link>.
                </>
              ) : (
                'There are no users yet.'
              )}
            </p>
          ) : (
            <>
              <UsersTable
                users={data.items}
                caption={`Users, page ${data.page} of ${Math.max(1, Math.ceil(data.total / data.pageSize))}`}
              />
              <ListPagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                label="Users pages"
                pageLink={(page) => `/admin/users${toUserSearchString({ ...search, page })}`}
              />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
