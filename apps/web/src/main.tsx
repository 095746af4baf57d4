import './app/nhsuk.scss';
import './app/app.css';
import './app/print.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App, startApp } from './app/app';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

// The session, the page's code and its data are asked for at once; the first render follows once
// they have been asked for, in a task of its own, so that a phone is not held up by one long task
// running the scripts and rendering.
const { queryClient, router, ready } = startApp();
void ready.then(() =>
  setTimeout(() => {
    createRoot(container).render(
      <StrictMode>
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    );
  }, 0),
);
