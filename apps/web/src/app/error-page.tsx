import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

import { NotFound } from '../components/not-found';
import { useDocumentTitle } from '../components/use-document-title';

/** Shown when a page fails to render: a friendly message rather than a blank screen. */
export function ErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFound />;
  }
  return <ServiceProblem />;
}

function ServiceProblem() {
  useDocumentTitle('Sorry, there is a problem with the service');
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p>Try again later, or reload the page.</p>
      <p>
        You can also <Link to="/organisations">search the organisation directory</Link> or go to the{' '}
        <Link to="/">home page</Link>.
      </p>
    </>
  );
}

/** The last resort, used if the page layout itself fails: plain NHS markup with no header. */
export function RootErrorPage() {
  useDocumentTitle('Sorry, there is a problem with the service');
  return (
    <div className="nhsuk-width-container">
      <main className="nhsuk-main-wrapper" id="maincontent">
        <h1>Sorry, there is a problem with the service</h1>
        <p>Try again later, or reload the page.</p>
        <p>
          <a href="/">Go to the home page</a>
        </p>
      </main>
    </div>
  );
}
