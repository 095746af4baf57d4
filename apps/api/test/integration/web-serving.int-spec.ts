import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('serving the web app', () => {
  let t: TestApp;
  const web = mkdtempSync(join(tmpdir(), 'wgll-web-'));

  beforeAll(async () => {
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>WGLL</title><div id="root"></div>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
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
});
