import { useState } from 'react';
import { RouterProvider } from 'react-router';

import { prefetchSession } from '../lib/api/session-api';
import { createQueryClient, Providers } from './providers';
import { createRouter } from './router';

/** The query client first: the router asks it for the session and the page's data as it starts. */
function start() {
  const queryClient = createQueryClient();
  prefetchSession(queryClient);
  return { queryClient, router: createRouter(queryClient) };
}

export function App() {
  const [{ queryClient, router }] = useState(start);
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
