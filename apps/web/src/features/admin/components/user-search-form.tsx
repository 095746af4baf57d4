import { Button, Select, TextInput } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { userStatusLabels, userStatuses } from '../../../components/user-status-tag';

export interface UserSearch {
  q: string;
  status: string;
  page: number;
}

export function parseUserSearch(params: URLSearchParams): UserSearch {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: params.get('q')?.trim() ?? '',
    status: params.get('status') ?? '',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

export function toUserSearchString(search: UserSearch): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.status) params.set('status', search.status);
  if (search.page > 1) params.set('page', String(search.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

interface UserSearchFormProps {
  search: UserSearch;
  onSearch: (search: UserSearch) => void;
}

/** Search users by name or email and filter by status; the search goes into the address. */
export function UserSearchForm({ search, onSearch }: UserSearchFormProps) {
  const [q, setQ] = useState(search.q);
  const [status, setStatus] = useState(search.status);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch({ q: q.trim(), status, page: 1 });
  }

  return (
    <form method="get" action="/admin/users" noValidate onSubmit={handleSubmit} className="wgll-filters">
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <TextInput
            id="q"
            name="q"
            type="search"
            label="Name or email address"
            labelProps={{ size: 's' }}
            autoComplete="off"
            spellCheck={false}
            value={q}
            onChange={(event) => setQ(event.target.value)}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <Select
            id="status"
            name="status"
            label="Status"
            labelProps={{ size: 's' }}
            className="wgll-select-full"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">All statuses</option>
            {userStatuses.map((value) => (
              <option key={value} value={value}>
                {userStatusLabels[value]}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="nhsuk-button-group">
        <Button type="submit" secondary>
          Search
        </Button>
        <Link to="/admin/users" className="nhsuk-link">
          Clear search
        </Link>
      </div>
    </form>
  );
}
