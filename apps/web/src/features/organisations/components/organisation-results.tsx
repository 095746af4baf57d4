import type { OrganisationList } from '@wgll/contracts';
import { Pagination, Table } from 'nhsuk-react-components';
import type { Ref } from 'react';
import { Link } from 'react-router';

import { StatusTag } from '../../../components/status-tag';
import { WideTable } from '../../../components/table-scroll';
import { formatDate } from '../../../lib/dates';
import { pluralise, readableName, trustTypeLabels } from '../../../lib/format';
import { icsPath, organisationPath, regionPath } from '../../../lib/links';
import { pageNumbers } from '../../../lib/page-numbers';
import { hasFilters, toSearchString, type DirectorySearch } from '../directory-search';

interface OrganisationResultsProps {
  list: OrganisationList;
  search: DirectorySearch;
  /** The results heading, focused when the results change after a search. */
  headingRef: Ref<HTMLHeadingElement>;
}

export function OrganisationResults({ list, search, headingRef }: OrganisationResultsProps) {
  const at = search.at || undefined;
  const totalPages = Math.max(1, Math.ceil(list.total / list.pageSize));

  if (list.total === 0) {
    return (
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" tabIndex={-1} ref={headingRef} className="wgll-focus-target">
          No organisations found
        </h2>
        <p>No organisations open on {formatDate(list.at)} match your search.</p>
        <p>You could:</p>
        <ul>
          <li>check the spelling of the name</li>
          <li>search by ODS code, for example RJ1</li>
          {hasFilters(search) ? <li>remove some of the filters</li> : null}
          {search.includeClosed ? null : <li>include closed organisations</li>}
          <li>choose another date</li>
        </ul>
        <p>
          <Link to="/organisations">Clear the search and show all organisations</Link>
        </p>
      </section>
    );
  }

  const first = (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  const pageLink = (page: number) => `/organisations${toSearchString({ ...search, page })}`;

  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" tabIndex={-1} ref={headingRef} className="wgll-focus-target">
        {pluralise(list.total, 'organisation')}
      </h2>
      <p>
        {search.includeClosed ? 'Open and closed organisations' : 'Organisations open'} on{' '}
        {formatDate(list.at)}.{' '}
        {totalPages > 1 ? `Showing ${first} to ${last}, page ${list.page} of ${totalPages}.` : null}
      </p>
      <WideTable
        responsive
        caption={`Organisations matching your search, page ${list.page} of ${totalPages}`}
        captionProps={{ className: 'nhsuk-u-visually-hidden' }}
      >
        <Table.Head>
          <Table.Row>
            <Table.Cell>Name</Table.Cell>
            <Table.Cell>ODS code</Table.Cell>
            <Table.Cell>Type</Table.Cell>
            <Table.Cell>Integrated care system</Table.Cell>
            <Table.Cell>Region</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {list.items.map((organisation) => (
            <Table.Row key={organisation.odsCode}>
              <Table.Cell>
                <Link to={organisationPath(organisation.odsCode, at)}>{readableName(organisation.name)}</Link>
                {organisation.status === 'open' ? null : (
                  <>
                    {' '}
                    <StatusTag status={organisation.status} />
                  </>
                )}
              </Table.Cell>
              <Table.Cell>{organisation.odsCode}</Table.Cell>
              <Table.Cell>{trustTypeLabels[organisation.type]}</Table.Cell>
              <Table.Cell>
                {organisation.ics ? (
                  <Link to={icsPath(organisation.ics.odsCode, at)}>
                    {readableName(organisation.ics.name)} ({organisation.ics.odsCode})
                  </Link>
                ) : (
                  'None on this date'
                )}
              </Table.Cell>
              <Table.Cell>
                {organisation.region ? (
                  <Link to={regionPath(organisation.region.odsCode, at)}>{organisation.region.name}</Link>
                ) : (
                  'None on this date'
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </WideTable>
      {totalPages > 1 ? (
        <Pagination aria-label="Results pages">
          {list.page > 1 ? (
            <Pagination.Link previous asElement={Link} to={pageLink(list.page - 1)}>
              Previous
            </Pagination.Link>
          ) : null}
          {pageNumbers(list.page, totalPages).map((item, index) =>
            item === 'ellipsis' ? (
              <Pagination.Item key={`ellipsis-${index}`} ellipsis />
            ) : (
              <Pagination.Item
                key={item}
                number={item}
                current={item === list.page}
                aria-current={item === list.page ? 'page' : undefined}
                asElement={Link}
                to={pageLink(item)}
              />
            ),
          )}
          {list.page < totalPages ? (
            <Pagination.Link next asElement={Link} to={pageLink(list.page + 1)}>
              Next
            </Pagination.Link>
          ) : null}
        </Pagination>
      ) : null}
    </section>
  );
}
