import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OrganisationList, PagePreloadManifest } from '@wgll/contracts';
import { clientWith } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A built script as Vite names it (content hash in the name), with the build's .br and .gz copies. */
const HASHED = 'index-Ab1_cD2-.js';
const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(400))};\n`;

/** A web build's page-preloads.json: the start files, and two pages with their own. */
const PRELOADS: PagePreloadManifest = {
  start: { scripts: ['/assets/index-Ab1_cD2-.js'], styles: ['/assets/index-Xy9.css'] },
  pages: [
    {
      path: '/ics/:code/results',
      scripts: ['/assets/ics-results-page-A.js', '/assets/shared-B.js'],
      styles: ['/assets/shared-C.css'],
      data: ['/api/results/cycles', '/api/ics/:code/results'],
    },
    {
      path: '/returns/:id/measures/:measure',
      scripts: ['/assets/questionnaire-page-D.js'],
      styles: [],
      data: ['/api/returns/:id', '/api/returns/:id/framework'],
    },
  ],
};

describe('serving the web app', () => {
  let t: TestApp;
  const web = mkdtempSync(join(tmpdir(), 'wgll-web-'));

  beforeAll(async () => {
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>WGLL</title><div id="root"></div>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(web, 'assets', HASHED), SCRIPT);
    // Deliberately not the real compression of SCRIPT's bytes alone: proves the copy on disk is sent.
    writeFileSync(join(web, 'assets', `${HASHED}.br`), brotliCompressSync(`${SCRIPT}// br`));
    writeFileSync(join(web, 'assets', `${HASHED}.gz`), gzipSync(`${SCRIPT}// gz`));
    mkdirSync(join(web, 'assets', 'images'));
    writeFileSync(join(web, 'assets', 'images', 'nhsuk-icon-180.png'), 'not really a png');
    writeFileSync(join(web, 'page-preloads.json'), JSON.stringify(PRELOADS));
    t = await startTestApp({ webDistDir: web });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('serves index.html for page addresses so client-side routes load', async () => {
    const res = await t.http.get('/organisations/RJ1?at=2025-06-30');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<div id="root">');
    const withDot = await t.http.get('/frameworks/wgll-self-assessment/versions/2026.1');
    expect(withDot.status).toBe(200);
    expect(withDot.text).toContain('<div id="root">');
  });

  it("asks a signed-in browser for its notices, and a page's code and first data, with the page (Link preload)", async () => {
    const style = (href: string) => `<${href}>; rel=preload; as=style`;
    const script = (href: string) => `<${href}>; rel=modulepreload`;
    const data = (href: string) => `<${href}>; rel=preload; as=fetch; crossorigin=anonymous`;
    const notices = data('/api/notifications');
    const client = await clientWith(t, [{ role: 'national-administrator' }]);
    const id = '0441294e-45e0-410d-a7e0-4540290fcb46';
    const page = await client.get(`/returns/${id}/measures/well-led`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    // The start styles and script first, then the page's own, then the data with the page's values.
    expect(page.headers['link']).toBe(
      [
        style('/assets/index-Xy9.css'),
        script('/assets/index-Ab1_cD2-.js'),
        script('/assets/questionnaire-page-D.js'),
        notices,
        data(`/api/returns/${id}`),
        data(`/api/returns/${id}/framework`),
      ].join(', '),
    );
    const ics = [
      style('/assets/index-Xy9.css'),
      style('/assets/shared-C.css'),
      script('/assets/index-Ab1_cD2-.js'),
      script('/assets/ics-results-page-A.js'),
      script('/assets/shared-B.js'),
      notices,
    ];
    expect((await client.get('/ics/QKK/results')).headers['link']).toBe(
      [...ics, data('/api/results/cycles'), data('/api/ics/QKK/results')].join(', '),
    );
    // With a query the page asks for other data: its code only.
    expect((await client.get('/ics/QKK/results?cycle=x')).headers['link']).toBe(ics.join(', '));
    // Other pages, and parameters that could not go into the header as they are: the notices only.
    for (const other of [
      `/returns/${id}`,
      `/returns/${id}/measures/well-led/extra`,
      '/ics/Q%3EK/results',
      '/',
    ]) {
      expect((await client.get(other)).headers['link']).toBe(notices);
    }
    // Anyone not signed in (who would only be refused) gets no preload.
    expect((await t.http.get(`/returns/${id}/measures/well-led`)).headers['link']).toBeUndefined();
    expect((await t.http.get('/ics/QKK/results')).headers['link']).toBeUndefined();
  });

  it('serves built files, and 404s a missing file rather than returning the page', async () => {
    expect((await t.http.get('/assets/app.js')).status).toBe(200);
    expect((await t.http.get('/assets/stale-bundle.js')).status).toBe(404);
  });

  it('sends a strict content security policy that works over plain http', async () => {
    const csp = (await t.http.get('/')).headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  describe('compression and caching', () => {
    it('sends a hashed asset precompressed (brotli, else gzip), cached for a year as immutable', async () => {
      const br = await t.http.get(`/assets/${HASHED}`).set('accept-encoding', 'gzip, deflate, br');
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers['vary']).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.text).toBe(`${SCRIPT}// br`);

      const gz = await t.http.get(`/assets/${HASHED}`).set('accept-encoding', 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(gz.text).toBe(`${SCRIPT}// gz`);

      const plain = await t.http.get(`/assets/${HASHED}`).set('accept-encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.text).toBe(SCRIPT);
    });

    it('has index.html, page addresses and unhashed files revalidated', async () => {
      for (const path of ['/', '/index.html', '/organisations/RJ1', '/assets/images/nhsuk-icon-180.png']) {
        const res = await t.http.get(path);
        expect({ path, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({
          path,
          status: 200,
          cacheControl: 'no-cache',
        });
      }
    });

    it('compresses API JSON (brotli or gzip, as accepted) and keeps it out of caches', async () => {
      const client = await clientWith(t, [{ role: 'national-administrator' }]);
      const br = await client.get('/api/organisations').set('accept-encoding', 'gzip, deflate, br');
      expect(br.status).toBe(200);
      expect(br.headers['content-type']).toMatch(/application\/json/);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('no-store');
      expect(Array.isArray((br.body as OrganisationList).items)).toBe(true);

      const gz = await client.get('/api/organisations').set('accept-encoding', 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.body).toEqual(br.body);

      const docs = await t.http.get('/api/docs/openapi.json').set('accept-encoding', 'br');
      expect(docs.headers['content-encoding']).toBe('br');
      expect(docs.headers['cache-control']).toBe('no-store');
    });
  });
});
