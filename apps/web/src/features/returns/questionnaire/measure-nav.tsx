import { Pagination } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { questionnairePath } from '../../../lib/links';
import type { LiveMeasureProgress } from './live-score';

interface MeasureNavProps {
  returnId: string;
  progress: LiveMeasureProgress[];
  current: string;
}

/** The seven measures in framework order, with how much of each is answered and still to confirm. */
export function MeasureNav({ returnId, progress, current }: MeasureNavProps) {
  return (
    <nav className="wgll-measure-nav" aria-labelledby="measure-nav-heading">
      <h2 id="measure-nav-heading" className="nhsuk-heading-xs nhsuk-u-margin-bottom-2">
        Success measures
      </h2>
      <ol className="wgll-measure-nav__list">
        {progress.map((item) => {
          const isCurrent = item.measure === current;
          return (
            <li
              key={item.measure}
              className={
                isCurrent
                  ? 'wgll-measure-nav__item wgll-measure-nav__item--current'
                  : 'wgll-measure-nav__item'
              }
            >
              <Link
                className="wgll-measure-nav__link"
                to={questionnairePath(returnId, item.measure)}
                aria-current={isCurrent ? 'page' : undefined}
              >
                {item.name}
              </Link>
              <span className="wgll-measure-nav__counts nhsuk-body-s">
                {item.answered} / {item.total} answered
                {item.toConfirm > 0 ? <>, {item.toConfirm} to confirm</> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

interface MeasurePagerProps {
  returnId: string;
  progress: LiveMeasureProgress[];
  current: string;
}

/**
 * Previous and next measure, as NHS pagination with the measures' names. (Pagination.Item draws the
 * previous and next links with a label; Pagination.Link would drop the measure's name.)
 */
export function MeasurePager({ returnId, progress, current }: MeasurePagerProps) {
  const index = progress.findIndex((item) => item.measure === current);
  const previous = index > 0 ? progress[index - 1] : undefined;
  const next = index >= 0 ? progress[index + 1] : undefined;
  if (!previous && !next) return null;
  return (
    <Pagination aria-label="Previous and next measures">
      {previous ? (
        <Pagination.Item
          previous
          labelText={previous.name}
          asElement={Link}
          to={questionnairePath(returnId, previous.measure)}
        >
          Previous
        </Pagination.Item>
      ) : null}
      {next ? (
        <Pagination.Item
          next
          labelText={next.name}
          asElement={Link}
          to={questionnairePath(returnId, next.measure)}
        >
          Next
        </Pagination.Item>
      ) : null}
    </Pagination>
  );
}
