/**
 * `apps/web/dist/page-preloads.json`, written by the web build (`apps/web/src/app/page-preloads.ts`)
 * and read by the API as it serves a page: what the browser may ask for with the page itself (a `Link`
 * header), before the app's script has run.
 */
export interface PagePreloadManifest {
  /** What every page's first screen loads: the start script and its styles. */
  start: PagePreloadFiles;
  pages: PagePreloadEntry[];
}

export interface PagePreloadFiles {
  /** Module scripts (`/assets/…js`), asked for as `modulepreload`. */
  scripts: string[];
  /** Style sheets (`/assets/…css`), asked for as `preload; as=style`. */
  styles: string[];
}

export interface PagePreloadEntry extends PagePreloadFiles {
  /** The page's address with `:name` parameters, as the web app's router has it (`/ics/:code/results`). */
  path: string;
  /**
   * API addresses the page asks for first when its own address has no query, with the page's
   * parameters (`/api/ics/:code/results`): asked for as `fetch` with the page's cookies.
   */
  data: string[];
}
