import { Button } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';

import { LoadingMessage } from '../../../components/loading-message';
import { useDocumentTitle } from '../../../components/use-document-title';
import { ApiRequestError } from '../../../lib/api-client';
import { useUnsubscribe, useUnsubscribeInfo } from '../api/notifications-api';

/**
 * /unsubscribe?token=…: an e-mail's unsubscribe link. No sign-in: the token says whose e-mail and of
 * which kind; one button stops it (a mail program's own unsubscribe button posts to the API directly).
 */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const info = useUnsubscribeInfo(token);
  const unsubscribe = useUnsubscribe(token);
  const invalid =
    token === '' ||
    (info.error instanceof ApiRequestError && (info.error.status === 400 || info.error.status === 404)) ||
    (unsubscribe.error instanceof ApiRequestError && unsubscribe.error.status === 400);
  const done = info.data && !info.data.subscribed;
  useDocumentTitle(
    invalid ? 'This unsubscribe link is not valid' : done ? 'You are unsubscribed' : 'Unsubscribe',
  );

  if (invalid) {
    return (
      <Layout heading="This unsubscribe link is not valid">
        <p>
          Copy the whole link from the e-mail into your browser, or sign in and change your e-mail choices.
        </p>
        <p>
          <Link to="/account/notifications">Change your e-mail choices</Link>
        </p>
      </Layout>
    );
  }
  if (info.isPending) return <LoadingMessage>Checking your link…</LoadingMessage>;
  if (info.error || !info.data) {
    return (
      <Layout heading="Sorry, there is a problem with the service">
        <p>Try again later.</p>
      </Layout>
    );
  }
  if (done) {
    return (
      <Layout heading="You are unsubscribed">
        <p>
          We will no longer e-mail {info.data.email} when: {info.data.label.toLowerCase()}. You will still see
          these notifications when you sign in.
        </p>
        <p>
          To get these e-mails again, sign in and{' '}
          <Link to="/account/notifications">change your e-mail choices</Link>.
        </p>
      </Layout>
    );
  }
  return (
    <Layout heading="Unsubscribe from these e-mails">
      <p>
        Stop e-mails to {info.data.email} when: {info.data.label.toLowerCase()}.
      </p>
      <p>You will still see these notifications when you sign in. Other e-mails are not affected.</p>
      {unsubscribe.error && (
        <p className="nhsuk-error-message" role="alert">
          Sorry, that did not work. Try again.
        </p>
      )}
      <Button type="button" disabled={unsubscribe.isPending} onClick={() => unsubscribe.mutate()}>
        Unsubscribe
      </Button>
    </Layout>
  );
}

function Layout({ heading, children }: { heading: string; children: React.ReactNode }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{heading}</h1>
        {children}
      </div>
    </div>
  );
}
