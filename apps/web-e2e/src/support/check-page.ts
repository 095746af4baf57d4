import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';

import { expectNoAxeViolations } from './axe.js';
import { saveScreenshot } from './browser.js';

export const TITLE_SUFFIX = ' – WGLL digital maturity – NHS';

/**
 * What every page visit checks: one h1, the title pattern, no axe violations; then a screenshot.
 * The page's address is added to `visited`.
 */
export async function checkPage(
  page: Page,
  visited: string[],
  name: string,
  expectedTitle: string | RegExp,
): Promise<void> {
  await page.locator('h1').first().waitFor();
  expect(await page.locator('h1').count()).toBe(1);
  // React sets the title in an effect, just after the render that the callers waited for: give it
  // a moment to match (a real mismatch still fails below, with the title that was there).
  await page
    .waitForFunction(
      ({ expected, suffix }) =>
        typeof expected === 'string'
          ? document.title === `${expected}${suffix}`
          : new RegExp(expected.source, expected.flags).test(document.title),
      {
        expected:
          typeof expectedTitle === 'string'
            ? expectedTitle
            : { source: expectedTitle.source, flags: expectedTitle.flags },
        suffix: TITLE_SUFFIX,
      },
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const title = await page.title();
  if (typeof expectedTitle === 'string') expect(title).toBe(`${expectedTitle}${TITLE_SUFFIX}`);
  else expect(title).toMatch(expectedTitle);
  expect(title.endsWith(TITLE_SUFFIX)).toBe(true);
  await expectNoAxeViolations(page, name);
  await saveScreenshot(page, name);
  visited.push(page.url());
}
