import { Link } from 'react-router';

import { useDocumentTitle } from './use-document-title';

export const FORBIDDEN_TITLE = 'You do not have permission to see this page';

/**
 * Shown instead of a page the signed-in user's roles do not allow: when the app knows from their
 * capabilities, or when the API answers 403 for the page's main data. A page that sets its own
 * title must set FORBIDDEN_TITLE too: its title effect runs after this one.
 */
export function Forbidden() {
  useDocumentTitle(FORBIDDEN_TITLE);
  return (
    <>
      <h1>{FORBIDDEN_TITLE}</h1>
      <p>Your account does not have a role that lets you use this page.</p>
      <p>
        If you need to use it, ask your organisation&apos;s administrator or the national administrator to
        give you the right role.
      </p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
