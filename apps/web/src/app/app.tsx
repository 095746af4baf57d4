import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';

import { prefetchNotices } from '../lib/api/notices-api';
import { prefetchSession, whenSignedIn } from '../lib/api/session-api';
import { createQueryClient, Providers } from './providers';
import { createRouter } from './router';

/** How long the first render waits for the session (asked for with the page) at most. */
const SESSION_WAIT_MS = 3000;

/**
 * The query client first: the router asks it for the session and the page's data, and starts
 * loading the page's code, as the app starts. `ready` settles once the session is known and, for
 * someone signed in, their notices (or after SESSION_WAIT_MS), when the page's data has been asked
 * for: the first render waits for it, so that rendering does not hold up those requests.
 */
export function startApp() {
  const queryClient = createQueryClient();
  prefetchSession(queryClient);
  const router = createRouter(queryClient);
  const ready = Promise.race([
    // Signed in, the header's unread count too, so the header does not grow a line when it arrives.
    whenSignedIn(queryClient).then((signedIn) => (signedIn ? prefetchNotices(queryClient) : undefined)),
    new Promise((resolve) => setTimeout(resolve, SESSION_WAIT_MS)),
  ]);
  return { queryClient, router, ready };
}

interface AppProps {
  queryClient: QueryClient;
  router: ReturnType<typeof createRouter>;
}

export function App({ queryClient, router }: AppProps) {
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
