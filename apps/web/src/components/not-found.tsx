import type { ReactNode } from 'react';

import { useDocumentTitle } from './use-document-title';

interface NotFoundProps {
  /** The page heading and title, for example "Organisation not found". */
  heading?: string;
  children?: ReactNode;
}

/** The content of a "not found" page. */
export function NotFound({ heading = 'Page not found', children }: NotFoundProps) {
  useDocumentTitle(heading);
  return (
    <>
      <h1>{heading}</h1>
      {children ?? (
        <>
          <p>If you typed the web address, check it is correct.</p>
          <p>If you pasted the web address, check you copied the entire address.</p>
        </>
      )}
    </>
  );
}
