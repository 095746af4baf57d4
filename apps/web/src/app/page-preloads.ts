/**
 * The pages people most often open straight from an address (a bookmark, a link in an e-mail) rather
 * than from another page of the app. For these the web build writes `dist/page-preloads.json` (the
 * `wgll:page-preloads` plugin in vite.config.ts): the page's own code, the chunks it imports and its
 * styles, by their built names. The API then asks a signed-in browser for them with the page itself
 * (a `Link` header), so they download beside the start script rather than after it has run, and for
 * the page's first data when its address has no query (the same addresses the page's prefetch asks
 * for, so the app takes the preloaded answers).
 *
 * Plain data, read by the build: `module` is the page's file as the router imports it, from
 * apps/web; `path` is the router's address for it. The build fails if a module is not a page chunk;
 * the browser tests check that each page takes what was preloaded.
 */
export interface PagePreload {
  path: string;
  module: string;
  data?: string[];
}

const resultsData = (api: string) => ['/api/results/cycles', api];

export const PAGE_PRELOADS: readonly PagePreload[] = [
  { path: '/', module: 'src/features/home/home-page.tsx' },
  {
    path: '/organisations/:code/results',
    module: 'src/features/results/routes/trust-results-page.tsx',
    data: resultsData('/api/organisations/:code/results'),
  },
  {
    path: '/ics/:code/results',
    module: 'src/features/results/routes/ics-results-page.tsx',
    data: resultsData('/api/ics/:code/results'),
  },
  {
    path: '/regions/:code/results',
    module: 'src/features/results/routes/region-results-page.tsx',
    data: ['/api/regions/:code', ...resultsData('/api/regions/:code/results?basis=providers&threshold=2.5')],
  },
  { path: '/national/results', module: 'src/features/results/routes/national-results-page.tsx' },
  { path: '/returns/:id', module: 'src/features/returns/routes/return-overview-page.tsx' },
  {
    path: '/returns/:id/measures/:measure',
    module: 'src/features/returns/routes/questionnaire-page.tsx',
    data: ['/api/returns/:id', '/api/returns/:id/framework'],
  },
];
