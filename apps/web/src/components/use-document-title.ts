import { useEffect } from 'react';

export const SERVICE_TITLE_SUFFIX = 'WGLL digital maturity – NHS';

/** Sets the browser tab title to `<page> – WGLL digital maturity – NHS`. */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} – ${SERVICE_TITLE_SUFFIX}`;
  }, [page]);
}
