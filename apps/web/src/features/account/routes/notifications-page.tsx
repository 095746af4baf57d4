import type { NotificationKind, NotificationPreference } from '@wgll/contracts';
import { Button } from 'nhsuk-react-components';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';

import { ApiErrorSummary } from '../../../components/api-error-summary';
import { LoadingMessage } from '../../../components/loading-message';
import { SuccessBanner } from '../../../components/success-banner';
import { useDocumentTitle } from '../../../components/use-document-title';
import { useMarkNoticesRead, useNotices } from '../../../lib/api/notices-api';
import { formatDateTime } from '../../../lib/dates';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../api/notifications-api';

/** /account/notifications: what the user has been told, and which kinds also come by e-mail. */
export function NotificationsPage() {
  useDocumentTitle('Notifications');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link to="/account" className="nhsuk-back-link">
          Your account
        </Link>
        <h1>Notifications</h1>
        <RecentNotices />
        <EmailPreferences />
      </div>
    </div>
  );
}

function RecentNotices() {
  const notices = useNotices();
  const markRead = useMarkNoticesRead();
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent notifications</h2>
      {notices.isPending && <LoadingMessage>Loading your notifications…</LoadingMessage>}
      {notices.error && <ApiErrorSummary error={notices.error} />}
      {notices.data && notices.data.items.length === 0 && (
        <p>Nothing yet. You will be told here when something needs you, such as a return to approve.</p>
      )}
      {notices.data && notices.data.items.length > 0 && (
        <>
          <p>{notices.data.unread === 0 ? 'You have read them all.' : `${notices.data.unread} unread.`}</p>
          <ul className="nhsuk-list nhsuk-list--border">
            {notices.data.items.map((notice) => (
              <li key={notice.id}>
                <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                  {notice.link ? <Link to={notice.link}>{notice.subject}</Link> : notice.subject}
                  {notice.readAt === null && (
                    <strong className="nhsuk-tag nhsuk-tag--blue nhsuk-u-margin-left-2">New</strong>
                  )}
                </h3>
                <p className="nhsuk-u-margin-bottom-1">{notice.summary}</p>
                <p className="nhsuk-body-s nhsuk-u-secondary-text-color">
                  {formatDateTime(notice.createdAt)}
                </p>
              </li>
            ))}
          </ul>
          {notices.data.unread > 0 && (
            <Button
              type="button"
              secondary
              disabled={markRead.isPending}
              onClick={() => markRead.mutate(undefined)}
            >
              Mark all as read
            </Button>
          )}
          {markRead.error && <ApiErrorSummary error={markRead.error} />}
        </>
      )}
    </section>
  );
}

function EmailPreferences() {
  const preferences = useNotificationPreferences();
  return (
    <section aria-labelledby="email-heading">
      <h2 id="email-heading">E-mail notifications</h2>
      {preferences.isPending && <LoadingMessage>Loading your e-mail choices…</LoadingMessage>}
      {preferences.error && <ApiErrorSummary error={preferences.error} />}
      {preferences.data && <PreferencesForm items={preferences.data.items} />}
    </section>
  );
}

function PreferencesForm({ items }: { items: NotificationPreference[] }) {
  const save = useSaveNotificationPreferences();
  const [chosen, setChosen] = useState<Partial<Record<NotificationKind, boolean>>>(() =>
    Object.fromEntries(items.map((item) => [item.kind, item.email])),
  );
  const [savedAt, setSavedAt] = useState(0);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(
      { items: items.map((item) => ({ kind: item.kind, email: chosen[item.kind] ?? true })) },
      { onSuccess: () => setSavedAt(Date.now()) },
    );
  }

  return (
    <>
      {savedAt > 0 && <SuccessBanner key={savedAt} heading="Your e-mail choices are saved" />}
      {save.error && <ApiErrorSummary error={save.error} />}
      <form noValidate onSubmit={handleSubmit}>
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset" aria-describedby="email-hint">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              Send me an e-mail when
            </legend>
            <div className="nhsuk-hint" id="email-hint">
              You always see notifications here. Invitations to set up an account are always sent.
            </div>
            <div className="nhsuk-checkboxes">
              {items.map((item) => (
                <div className="nhsuk-checkboxes__item" key={item.kind}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`email-${item.kind}`}
                    name="email"
                    type="checkbox"
                    value={item.kind}
                    checked={chosen[item.kind] ?? true}
                    onChange={(event) => setChosen({ ...chosen, [item.kind]: event.target.checked })}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`email-${item.kind}`}>
                    {item.label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <Button type="submit" disabled={save.isPending}>
          Save e-mail choices
        </Button>
      </form>
    </>
  );
}
