import { Pagination } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { pageNumbers } from '../lib/page-numbers';

interface ListPaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The address of a page of this list. */
  pageLink: (page: number) => string;
  /** Names the navigation landmark, for example "Users pages". */
  label: string;
}

/** NHS pagination for a paged list: previous, numbered pages with gaps, next. Nothing for one page. */
export function ListPagination({ page, pageSize, total, pageLink, label }: ListPaginationProps) {
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  if (totalPages <= 1) return null;
  return (
    <Pagination aria-label={label}>
      {page > 1 ? (
        <Pagination.Link previous asElement={Link} to={pageLink(page - 1)}>
          Previous
        </Pagination.Link>
      ) : null}
      {pageNumbers(page, totalPages).map((item, index) =>
        item === 'ellipsis' ? (
          <Pagination.Item key={`ellipsis-${index}`} ellipsis />
        ) : (
          <Pagination.Item
            key={item}
            number={item}
            current={item === page}
            aria-current={item === page ? 'page' : undefined}
            asElement={Link}
            to={pageLink(item)}
          />
        ),
      )}
      {page < totalPages ? (
        <Pagination.Link next asElement={Link} to={pageLink(page + 1)}>
          Next
        </Pagination.Link>
      ) : null}
    </Pagination>
  );
}
