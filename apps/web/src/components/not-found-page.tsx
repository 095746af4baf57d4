import { Link } from 'react-router';

import { NotFound } from './not-found';

/** The catch-all route for addresses the service does not have. */
export function NotFoundPage() {
  return (
    <NotFound>
      <p>If you typed the web address, check it is correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      <p>
        You can <Link to="/organisations">search the organisation directory</Link> or go to the{' '}
        <Link to="/">home page</Link>.
      </p>
    </NotFound>
  );
}
