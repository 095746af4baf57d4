import { Link } from 'react-router';

import { ApiErrorSummary } from '../../components/api-error-summary';
import { LoadingMessage } from '../../components/loading-message';
import { formatDateTime } from '../../lib/dates';
import { useNotices } from '../../lib/api/notices-api';

/** How many of the newest notifications the home page shows. */
const SHOWN = 5;

/** The home page's newest notifications, under "Waiting for you", with a link to them all. */
export function YourNotifications() {
  const notices = useNotices();
  const items = notices.data?.items.slice(0, SHOWN) ?? [];
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Your notifications</h2>
      {notices.isPending ? <LoadingMessage>Loading your notifications…</LoadingMessage> : null}
      {notices.isError ? <ApiErrorSummary error={notices.error} /> : null}
      {notices.data && items.length === 0 ? (
        <p>Nothing yet. You will be told here when something needs you, such as a return to approve.</p>
      ) : null}
      {items.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--border">
          {items.map((notice) => (
            <li key={notice.id}>
              <p className="nhsuk-u-margin-bottom-1">
                {notice.link ? <Link to={notice.link}>{notice.subject}</Link> : notice.subject}
                {notice.readAt === null ? (
                  <strong className="nhsuk-tag nhsuk-tag--blue nhsuk-u-margin-left-2">New</strong>
                ) : null}
              </p>
              <p className="nhsuk-body-s nhsuk-u-secondary-text-color nhsuk-u-margin-bottom-1">
                {formatDateTime(notice.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {notices.data ? (
        <p>
          <Link to="/account/notifications">
            See all your notifications
            {notices.data.unread > 0 ? ` (${notices.data.unread} unread)` : ''}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
