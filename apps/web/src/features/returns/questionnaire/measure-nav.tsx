import { Link } from 'react-router';

import { questionnairePath } from '../return-labels';
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

/** Previous and next measure, as the NHS pagination component. */
export function MeasurePager({ returnId, progress, current }: MeasurePagerProps) {
  const index = progress.findIndex((item) => item.measure === current);
  const previous = index > 0 ? progress[index - 1] : undefined;
  const next = index >= 0 ? progress[index + 1] : undefined;
  if (!previous && !next) return null;
  return (
    <nav className="nhsuk-pagination" aria-label="Previous and next measures">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {previous ? (
          <li className="nhsuk-pagination-item--previous">
            <Link
              className="nhsuk-pagination__link nhsuk-pagination__link--prev"
              to={questionnairePath(returnId, previous.measure)}
            >
              <span className="nhsuk-pagination__title">Previous</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">{previous.name}</span>
            </Link>
          </li>
        ) : null}
        {next ? (
          <li className="nhsuk-pagination-item--next">
            <Link
              className="nhsuk-pagination__link nhsuk-pagination__link--next"
              to={questionnairePath(returnId, next.measure)}
            >
              <span className="nhsuk-pagination__title">Next</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">{next.name}</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
