import { Link } from 'react-router';

import { useDocumentTitle } from '../../../components/use-document-title';

/** /sign-in/not-recognised: single sign-on worked, but nobody has given that identity an account. */
export function NotRecognisedPage() {
  useDocumentTitle('We could not find an account for you');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>We could not find an account for you</h1>
        <p>You signed in with single sign-on, but nobody has added you to this service yet.</p>
        <p>
          Ask your organisation&apos;s administrator or the national administrator to add you. Give them the
          email address you use at work.
        </p>
        <p>
          <Link to="/sign-in">Go back to sign in</Link>
        </p>
      </div>
    </div>
  );
}
