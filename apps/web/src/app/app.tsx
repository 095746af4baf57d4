import type { QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';

import { prefetchSession } from '../lib/api/session-api';
import { createQueryClient, Providers } from './providers';
import { createRouter } from './router';

/**
 * The query client first: the router asks it for the session and the page's data, and starts
 * loading the page's code, as the app starts.
 */
export function startApp() {
  const queryClient = createQueryClient();
  prefetchSession(queryClient);
  return { queryClient, router: createRouter(queryClient) };
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
