import { cpSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import type { PagePreloadFiles, PagePreloadManifest } from '@wgll/contracts';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import { compression } from 'vite-plugin-compression2';

import { PAGE_PRELOADS } from './src/app/page-preloads.js';

const require = createRequire(import.meta.url);
const nhsukRoot = dirname(require.resolve('nhsuk-frontend/package.json'));

/**
 * nhsuk-frontend's CSS references its icons at `/assets/...`: copy them into the public folder
 * (git-ignored) so the dev server serves them and the build ships them in `dist/assets`.
 */
function nhsukAssets(): Plugin {
  return {
    name: 'wgll:nhsuk-assets',
    config() {
      const from = join(nhsukRoot, 'dist/nhsuk/assets');
      const to = join(import.meta.dirname, 'public/assets');
      if (!existsSync(from)) throw new Error(`nhsuk-frontend assets not found at ${from}`);
      cpSync(from, to, { recursive: true });
    },
  };
}

/**
 * The product makes no requests to other hosts: src/app/nhsuk.scss leaves out nhsuk-frontend's
 * @font-face rules for the Frutiger web font (Arial, the NHS fallback, is used). The build fails if
 * any external URL reaches the CSS.
 */
function noExternalFonts(): Plugin {
  return {
    name: 'wgll:no-external-fonts',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        const text = file.type === 'asset' ? String(file.source) : file.code;
        if (file.fileName.endsWith('.css') && /url\(\s*["']?https?:/.test(text)) {
          this.error(`${file.fileName} still references an external URL`);
        }
        if (text.includes('assets.nhs.uk')) this.error(`${file.fileName} references assets.nhs.uk`);
      }
    },
  };
}

/**
 * Writes `page-preloads.json` (see src/app/page-preloads.ts): for the start script and for each page
 * people open straight from an address, the built files it loads at once (its chunk and the chunks
 * it imports, not those it loads on demand, and their styles). The build fails if a page's module is
 * not a chunk of its own, so the list cannot silently go stale.
 */
function pagePreloads(): Plugin {
  return {
    name: 'wgll:page-preloads',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (file): file is Rollup.OutputChunk => file.type === 'chunk',
      );
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      /** A chunk and those it imports, but the ones in `skip` (the start's, already loaded). */
      const chunksFrom = (from: Rollup.OutputChunk, skip: readonly string[] = []): string[] => {
        const names = new Set<string>();
        const visit = (chunk: Rollup.OutputChunk) => {
          if (names.has(chunk.fileName) || skip.includes(chunk.fileName)) return;
          names.add(chunk.fileName);
          for (const name of chunk.imports) visit(byName.get(name)!);
        };
        visit(from);
        return [...names];
      };
      const filesOf = (names: string[]): PagePreloadFiles => ({
        scripts: names.map((name) => `/${name}`),
        styles: [
          ...new Set(names.flatMap((name) => [...(byName.get(name)?.viteMetadata?.importedCss ?? [])])),
        ].map((name) => `/${name}`),
      });
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) return this.error('The build has no entry chunk');
      const atStart = chunksFrom(entry);
      const manifest: PagePreloadManifest = {
        start: filesOf(atStart),
        pages: PAGE_PRELOADS.map(({ path, module, data = [] }) => {
          const id = join(import.meta.dirname, module).replaceAll('\\', '/');
          const chunk = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/') === id);
          if (!chunk) return this.error(`page-preloads: ${module} (for ${path}) is not a chunk of the build`);
          return { path, ...filesOf(chunksFrom(chunk, atStart)), data };
        }),
      };
      this.emitFile({
        type: 'asset',
        fileName: 'page-preloads.json',
        source: JSON.stringify(manifest, null, 2),
      });
    },
  };
}

// The dev server forwards /api to a running API (npm start serves it on port 3000).
const apiTarget = process.env['API_PROXY_TARGET'] ?? 'http://localhost:3000';

/**
 * React's API from Preact (preact/compat): the same components and hooks in about a tenth of the
 * script, so a phone starts the app sooner. Every import of React, ours and the libraries', is sent
 * to it; the types stay React's.
 */
const reactFromPreact = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];

/**
 * Build warnings that say nothing about this app: libraries' "use client" directives (for server
 * rendering, which the app does not do), and React Router's checks for React 19's `use` and
 * `useOptimistic`, which Preact does not have (React Router then does without them).
 */
function quietLibraryWarnings(warning: { code?: string; message: string }): boolean {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return /use (client|server)/.test(warning.message);
  return warning.code === 'IMPORT_IS_UNDEFINED' && /Import `(use|useOptimistic)`/.test(warning.message);
}

/**
 * Fewer, larger chunks on the way to a page. A phone on a slow connection pays a round trip per
 * request, and the browser opens at most six connections to the API, so two dozen tiny chunks (a
 * label list, a design-system component of 500 bytes) cost more than their bytes:
 * - everything the entry needs at start in one chunk (but nhsuk-frontend's scripts, which the
 *   design system's components load once the page has shown);
 * - the small modules that several pages share (components, labels, API helpers) in one chunk,
 *   which any page loads with its own code. A page's own modules, and large libraries loaded on
 *   demand (charts, spreadsheets), keep their chunks.
 */
const fewerChunks = {
  groups: [
    // nhsuk-frontend's scripts (the header's menu, the skip link) load after the page has shown.
    { name: 'nhsuk', test: /node_modules[\\/]nhsuk-frontend[\\/]/, priority: 3 },
    { name: 'start', tags: ['$initial' as const], priority: 2 },
    {
      name: 'shared',
      // The app's own modules and the design system's components; not the libraries loaded on demand.
      test: /[\\/]apps[\\/]web[\\/]src[\\/]|node_modules[\\/](nhsuk-react-components|classnames)[\\/]/,
      minShareCount: 2,
      maxModuleSize: 8 * 1024,
      priority: 1,
    },
  ],
};

export default defineConfig({
  root: import.meta.dirname,
  resolve: { alias: reactFromPreact },
  plugins: [
    nhsukAssets(),
    noExternalFonts(),
    pagePreloads(),
    // Brotli and gzip copies of every text file, served by the API to clients that accept them.
    compression({
      algorithms: ['brotliCompress', 'gzip'],
      include: /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/,
      threshold: 1024,
    }),
  ],
  css: {
    preprocessorOptions: {
      // nhsuk-frontend's own Sass uses features Sass plans to change: its warnings are not ours to fix.
      scss: { quietDeps: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        if (!quietLibraryWarnings(warning)) warn(warning);
      },
      output: { codeSplitting: fewerChunks },
    },
  },
  server: {
    proxy: { '/api': apiTarget },
  },
  preview: {
    proxy: { '/api': apiTarget },
  },
});
