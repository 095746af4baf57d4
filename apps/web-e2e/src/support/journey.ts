import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

import { launchBrowser, openGuardedPage, type GuardedPage } from './browser.js';
import { checkPage } from './check-page.js';
import { HEALTH_TIMEOUT_MS, startServer, type StartServerOptions, type TestServer } from './server.js';

export interface Journey {
  /** Available from the describe block's tests on (the hooks below set it up). */
  readonly page: Page;
  readonly session: GuardedPage;
  readonly browser: Browser;
  readonly baseUrl: string;
  /** Addresses of the pages checked so far. */
  readonly visited: string[];
  /** One h1, the title pattern, no axe violations; then a screenshot. */
  readonly checkPage: (name: string, expectedTitle: string | RegExp) => Promise<void>;
}

/**
 * For a describe block: starts the built API (serving the built web app) and one guarded Chromium
 * page before its tests, and stops both after them.
 */
export function useJourney(options: StartServerOptions = {}): Journey {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let session: GuardedPage | undefined;
  const visited: string[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The journey has not started: use it inside tests.');
    return value;
  };

  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
    session = await openGuardedPage(browser, server.baseUrl);
  }, HEALTH_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 30_000);

  return {
    get page() {
      return started(session).page;
    },
    get session() {
      return started(session);
    },
    get browser() {
      return started(browser);
    },
    get baseUrl() {
      return started(server).baseUrl;
    },
    visited,
    checkPage: (name, expectedTitle) => checkPage(started(session).page, visited, name, expectedTitle),
  };
}
