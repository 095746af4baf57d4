import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

function describeViolations(violations: AxeResults['violations']): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map(
          (node) =>
            `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
        )
        .join('\n');
      return `• ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

/**
 * A wide table's scrolling area takes focus once the browser has measured that it overflows (a
 * ResizeObserver, just after layout): wait for that, so the scan sees the page as a person would
 * a moment later, not between a table's render and its measurement.
 */
async function scrollAreasSettled(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>('.wgll-table-scroll')].every(
          (area) => area.scrollWidth <= area.clientWidth + 1 || area.tabIndex === 0,
        ),
      undefined,
      { timeout: 5_000 },
    )
    // Still unsettled after 5 s: the scan below reports the area.
    .catch(() => undefined);
}

/** Runs axe with the WCAG 2.2 AA tags and throws a readable list of any violations. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await scrollAreasSettled(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length > 0) {
    throw new Error(
      `${results.violations.length} accessibility violation(s) on ${label} (${page.url()}):\n\n${describeViolations(results.violations)}`,
    );
  }
}
