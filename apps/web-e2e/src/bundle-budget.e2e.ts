import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Request } from 'playwright-core';

import { launchBrowser } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

/** The budget for the sign-in page, compressed, as a first visit transfers it. */
const BUDGET = { script: 150 * 1024, total: 250 * 1024 };

interface Transfer {
  url: string;
  type: string;
  /** What came over the wire: headers and the (encoded) body. */
  bytes: number;
  /** The body as sent (encoded when compressed). */
  body: number;
  encoding: string | undefined;
}

/** The build compresses every asset over this size (vite.config.ts, `threshold`). */
const COMPRESSED_OVER = 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('what the sign-in page costs to load', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  it('transfers at most 150 KB of JavaScript and 250 KB in all, compressed with brotli', async () => {
    // A first visit: a new context (empty cache), a phone-sized window, brotli accepted.
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 412, height: 823 },
      extraHTTPHeaders: { 'accept-encoding': 'br' },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const finished: Promise<Transfer>[] = [];
    const transfer = async (request: Request): Promise<Transfer> => {
      const response = await request.response();
      const sizes = await request.sizes();
      return {
        url: new URL(request.url()).pathname,
        type: request.resourceType(),
        bytes: sizes.responseHeadersSize + sizes.responseBodySize,
        body: sizes.responseBodySize,
        encoding: response ? ((await response.headerValue('content-encoding')) ?? undefined) : undefined,
      };
    };
    page.on('requestfinished', (request) => finished.push(transfer(request)));

    await page.goto('/sign-in', { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // Anything the page loads after it has shown (the header's script) counts too.
    await page.waitForLoadState('networkidle');
    const transfers = await Promise.all(finished);
    await context.close();

    const sum = (list: Transfer[]) => list.reduce((total, t) => total + t.bytes, 0);
    const scripts = transfers.filter((t) => t.type === 'script');
    const report = transfers.map(
      (t) => `${t.type.padEnd(10)} ${kb(t.bytes).padStart(9)} ${t.encoding ?? '-'} ${t.url}`,
    );
    const summary = `JavaScript ${kb(sum(scripts))}, in all ${kb(sum(transfers))}:\n${report.join('\n')}`;

    // Every script, stylesheet and page over 1 KB came compressed with brotli (an uncompressed body
    // is its file's own size, so one over 1 KB is a file the build should have compressed).
    const uncompressed = transfers.filter(
      (t) =>
        ['script', 'stylesheet', 'document'].includes(t.type) &&
        t.body > COMPRESSED_OVER &&
        t.encoding !== 'br',
    );
    expect({ uncompressed: uncompressed.map((t) => t.url), summary }).toEqual({ uncompressed: [], summary });
    expect(scripts.length).toBeGreaterThan(0);
    expect({ script: sum(scripts) <= BUDGET.script, summary }).toEqual({ script: true, summary });
    expect({ total: sum(transfers) <= BUDGET.total, summary }).toEqual({ total: true, summary });
  }, 120_000);
});
