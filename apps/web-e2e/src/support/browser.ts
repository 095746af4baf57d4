import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const resultsDir = resolve(import.meta.dirname, '../../test-results');

/** The system Chromium, never a downloaded one. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface GuardedPage {
  context: BrowserContext;
  page: Page;
  /** Requests to any origin other than the test server, which were aborted. */
  blockedRequests: string[];
  /** Uncaught errors thrown in the page. */
  pageErrors: string[];
}

export interface GuardedPageOptions {
  /** Other addresses the page may reach, for example a test identity provider's issuer URL. */
  alsoAllow?: string[];
}

/**
 * A page that may only talk to the test server (and any `alsoAllow` origins): every other request
 * is aborted and recorded, so a test can assert that nothing (web fonts, analytics, CDNs) left the
 * machine.
 */
export async function openGuardedPage(
  browser: Browser,
  baseUrl: string,
  options: GuardedPageOptions = {},
): Promise<GuardedPage> {
  const allowedOrigins = new Set([baseUrl, ...(options.alsoAllow ?? [])].map((url) => new URL(url).origin));
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'block',
  });
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = 'null';
    }
    if (allowedOrigins.has(origin)) {
      await route.continue();
    } else {
      blockedRequests.push(url);
      await route.abort('blockedbyclient');
    }
  });

  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, blockedRequests, pageErrors };
}

/** Saves a full-page screenshot to apps/web-e2e/test-results/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
