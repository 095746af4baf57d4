import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { userFieldMessage } from '../../../lib/field-messages';
import { useOrganisationList } from '../api/organisations-api';
import { OrganisationResults } from '../components/organisation-results';
import { OrganisationSearchForm } from '../components/organisation-search-form';
import { parseDirectorySearch, toListQuery, toSearchString, type DirectorySearch } from '../directory-search';

const searchFields = ['q', 'region', 'ics', 'type', 'at'] as const;
type SearchField = (typeof searchFields)[number];

function isSearchField(field: string): field is SearchField {
  return (searchFields as readonly string[]).includes(field);
}

/** The API's field messages for the inputs this form has. */
function fieldErrorsFrom(error: unknown): Partial<Record<SearchField, string>> {
  if (!(error instanceof ApiRequestError) || !error.isValidationError) return {};
  const messages: Partial<Record<SearchField, string>> = {};
  for (const fieldError of error.fieldErrors) {
    if (!isSearchField(fieldError.field)) continue;
    const field = fieldError.field;
    messages[field] = [
      ...new Set(fieldError.messages.map((message) => userFieldMessage(field, message))),
    ].join('. ');
  }
  return messages;
}

/** /organisations: search and filter the organisation directory. The search lives in the address. */
export function DirectoryPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const searchString = searchParams.toString();
  const search = parseDirectorySearch(searchParams);
  const list = useOrganisationList(toListQuery(search));
  const isValidationError = list.error instanceof ApiRequestError && list.error.isValidationError;

  useDocumentTitle(`${isValidationError ? 'Error: ' : ''}Find an organisation`);

  // After a new search or page, move focus to the results heading so screen reader and keyboard
  // users hear how many organisations matched. Not on first arrival: the layout focuses the page.
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const announcedSearch = useRef(searchString);
  useEffect(() => {
    if (!list.isSuccess || announcedSearch.current === searchString) return;
    announcedSearch.current = searchString;
    resultsHeading.current?.focus();
  }, [list.isSuccess, searchString]);

  function handleSearch(next: DirectorySearch) {
    void navigate({ pathname: '/organisations', search: toSearchString(next) });
  }

  return (
    <>
      <h1>Find an organisation</h1>
      <p className="nhsuk-lede-text">
        Search the NHS trusts in England by name or ODS code, and see which integrated care system (ICS) and
        region each belongs to on a given date.
      </p>
      {isValidationError ? (
        <ApiErrorSummary
          error={list.error}
          fieldIds={{ q: 'q', region: 'region', ics: 'ics', type: 'type', at: 'at' }}
        />
      ) : null}
      <OrganisationSearchForm
        key={searchString}
        search={search}
        onSearch={handleSearch}
        fieldErrors={fieldErrorsFrom(list.error)}
      />
      {list.isPending ? <LoadingMessage>Loading organisations…</LoadingMessage> : null}
      {list.isError && !isValidationError ? <ApiErrorSummary error={list.error} /> : null}
      {list.isSuccess ? (
        <OrganisationResults list={list.data} search={search} headingRef={resultsHeading} />
      ) : null}
    </>
  );
}
