import { existsSync, readFileSync } from 'node:fs';
import type { PagePreloadManifest } from '@wgll/contracts';

/** A page of the manifest, its address compiled. */
interface CompiledPage {
  pattern: RegExp;
  params: string[];
  scripts: string[];
  styles: string[];
  data: string[];
}

/** What a page may ask for with itself: see `pagePreloadLink`. */
export interface PagePreloads {
  start: { scripts: string[]; styles: string[] };
  pages: CompiledPage[];
}

/** The API addresses every signed-in page asks for first: the header's notices (its unread count). */
const EVERY_PAGE_DATA = ['/api/notifications'];

/** A parameter's value that may go into a `Link` header as it is (no `<`, `>`, `,`, `;` or spaces). */
const SAFE_PARAM = '([A-Za-z0-9_.~-]+)';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(manifest: PagePreloadManifest): PagePreloads {
  return {
    start: manifest.start,
    pages: manifest.pages.map((page) => {
      const params: string[] = [];
      const source = page.path
        .split('/')
        .map((part) => {
          if (!part.startsWith(':')) return escapeRegExp(part);
          params.push(part.slice(1));
          return SAFE_PARAM;
        })
        .join('/');
      return { pattern: new RegExp(`^${source}$`), params, ...page };
    }),
  };
}

/**
 * The web build's `page-preloads.json` (apps/web/src/app/page-preloads.ts), read once as the API
 * starts; none when the web app is not built or the file is missing, when only the notices are
 * preloaded.
 */
export function readPagePreloads(file: string): PagePreloads {
  if (!existsSync(file)) return { start: { scripts: [], styles: [] }, pages: [] };
  return compile(JSON.parse(readFileSync(file, 'utf8')) as PagePreloadManifest);
}

/**
 * A `Link` header that asks a signed-in browser (one holding an access cookie) for what a page's
 * first screen needs at once, with the page rather than after the app's script has run:
 * - on every page, the person's notices: the header shows how many are unread, and drawn without
 *   them it would grow a line when the count arrived and push the page down;
 * - on a page of the manifest (those opened straight from an address): the start script and styles
 *   (first, so they are not held up by the rest), the page's own code and styles, and, when the
 *   address has no query, the page's first data with the page's parameters.
 * The app's own requests then take the preloaded answers (same addresses; data asked for as `fetch`
 * with the page's cookies, as index.html does for the session). Undefined for someone not signed in,
 * who would only be sent to sign in.
 */
export function pagePreloadLink(url: string, signedIn: boolean, preloads: PagePreloads): string | undefined {
  if (!signedIn) return undefined;
  const [path = '', query] = url.split('?');
  const found = matchPage(preloads.pages, path);
  const styles = found ? [...preloads.start.styles, ...found.page.styles] : [];
  const scripts = found ? [...preloads.start.scripts, ...found.page.scripts] : [];
  const data = [...EVERY_PAGE_DATA, ...(found && query === undefined ? found.data : [])];
  return [
    ...styles.map((href) => `<${href}>; rel=preload; as=style`),
    ...scripts.map((href) => `<${href}>; rel=modulepreload`),
    ...data.map((href) => `<${href}>; rel=preload; as=fetch; crossorigin=anonymous`),
  ].join(', ');
}

/** The manifest's page for a path, and its data addresses with the path's parameter values. */
function matchPage(pages: CompiledPage[], path: string): { page: CompiledPage; data: string[] } | undefined {
  for (const page of pages) {
    const values = page.pattern.exec(path)?.slice(1);
    if (!values) continue;
    const fill = (address: string) =>
      page.params.reduce(
        (filled, name, index) => filled.replaceAll(`:${name}`, values[index] ?? ''),
        address,
      );
    return { page, data: page.data.map(fill) };
  }
  return undefined;
}
