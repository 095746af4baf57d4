import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ReturnList } from '@wgll/contracts';
import type { Page } from 'playwright-core';

import { demoUsers, signIn, signInWithApi } from './support/auth.js';
import { resultsDir } from './support/browser.js';
import { useJourney } from './support/journey.js';

/** What a page looks like on paper (print media), read from the computed styles. */
interface OnPaper {
  /** Links in the main content whose ::after prints their address, "(Link: /returns/…)". */
  linksWithAddress: string[];
  /** Parts that make no sense on paper and are still shown. */
  shown: string[];
  /** Table rows that may break across pages, and table heads not repeated on each page. */
  splittableRows: number;
  unrepeatedHeads: number;
  /** Charts (SVG) wider than the main content, and charts drawn with no width (nothing on paper). */
  overflowingCharts: number;
  collapsedCharts: number;
}

/** Guy's and St Thomas' (RJ1), whose demo acute return is sealed. */
const TRUST = 'RJ1';

/** Parts of the page that have no use on paper: navigation, the footer, skip links, buttons, forms. */
const NOT_ON_PAPER = [
  '.nhsuk-skip-link',
  '.nhsuk-header__navigation',
  '.nhsuk-header__account',
  '.nhsuk-footer',
  '.wgll-secondary-nav',
  '.nhsuk-back-link',
  'main form',
  'main button',
  'main .nhsuk-button',
];

async function onPaper(page: Page): Promise<OnPaper> {
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.evaluate((selectors) => {
      const visible = (element: Element) => {
        for (let e: Element | null = element; e; e = e.parentElement) {
          const style = getComputedStyle(e);
          if (style.display === 'none' || style.visibility === 'hidden') return false;
        }
        return true;
      };
      const main = document.querySelector('main')!;
      const mainWidth = main.getBoundingClientRect().width;
      return {
        linksWithAddress: [...main.querySelectorAll('a[href]')]
          .filter((a) => visible(a) && getComputedStyle(a, '::after').content.includes('Link:'))
          .map((a) => a.getAttribute('href') ?? ''),
        shown: selectors.filter((selector) => [...document.querySelectorAll(selector)].some(visible)),
        splittableRows: [...main.querySelectorAll('tr')].filter(
          (tr) => visible(tr) && getComputedStyle(tr).breakInside !== 'avoid',
        ).length,
        unrepeatedHeads: [...main.querySelectorAll('thead')].filter(
          (thead) => visible(thead) && getComputedStyle(thead).display !== 'table-header-group',
        ).length,
        overflowingCharts: [...main.querySelectorAll('svg.recharts-surface')].filter(
          (svg) => visible(svg) && svg.getBoundingClientRect().width > mainWidth + 1,
        ).length,
        collapsedCharts: [...main.querySelectorAll('svg.recharts-surface')].filter(
          (svg) => svg.getBoundingClientRect().width < 1,
        ).length,
      };
    }, NOT_ON_PAPER);
  } finally {
    // Back to no emulation: page.pdf() then prints with print media, as a browser's print does.
    await page.emulateMedia({ media: null });
  }
}

/** Prints the page to an A4 PDF as Chromium's print does; returns its number of pages and its text. */
async function printToPdf(page: Page, name: string): Promise<{ pages: number; text: string; path: string }> {
  const path = join(resultsDir, `${name}.pdf`);
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return { pages, text, path };
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // Charts are drawn as they come near the window: scroll through the page as a reader would.
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 500) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe('printing the review and results pages', () => {
  const journey = useJourney();
  let page: Page;
  let returnId: string;

  beforeAll(async () => {
    page = journey.page;
    const context = await journey.browser.newContext({ baseURL: journey.baseUrl });
    await signInWithApi(context.request, demoUsers.admin);
    const list = (await (
      await context.request.get(`/api/organisations/${TRUST}/returns`)
    ).json()) as ReturnList;
    const sealed = list.items.find((item) => item.state === 'submitted' && item.careSetting === 'acute');
    expect(sealed).toBeDefined();
    returnId = sealed!.id;
    await context.close();
  }, 60_000);

  it('the review page prints without link addresses, navigation or buttons, on few A4 pages', async () => {
    await signIn(page, `lead.${TRUST.toLowerCase()}@demo.wgll.example`);
    await open(page, `/returns/${returnId}/review`);
    await page.getByRole('heading', { level: 1, name: 'Review the return' }).waitFor();
    const paper = await onPaper(page);
    const pdf = await printToPdf(page, 'print-review-rj1');
    process.stdout.write(`\nThe demo RJ1 review page prints on ${pdf.pages} A4 pages (${pdf.path})\n`);
    expect(paper).toEqual({
      linksWithAddress: [],
      shown: [],
      splittableRows: 0,
      unrepeatedHeads: 0,
      overflowingCharts: 0,
      collapsedCharts: 0,
    });
    expect(pdf.text).not.toContain('(Link:');
    expect(pdf.text).toContain('Review the return');
    expect(pdf.text).not.toContain('Sign out');
    // Without the print stylesheet it took 25 pages (nhsuk-frontend’s print sizes and every link’s
    // address); what is left is the return's content: every domain's elements, comment and evidence.
    expect(pdf.pages).toBeLessThanOrEqual(20);
  }, 120_000);

  it('the trust, ICS, region and national results (with their trends) print cleanly too', async () => {
    await signIn(page, demoUsers.admin);
    for (const [name, path] of [
      ['trust', `/organisations/${TRUST}/results`],
      ['ics', '/ics/QKK/results'],
      ['region', '/regions/Y56/results'],
      ['national', '/national/results'],
    ] as const) {
      await open(page, path);
      // What must be on paper: the page's heading and its first table's caption.
      const heading = (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
      const caption = (await page.locator('main table caption').first().innerText()).trim();
      expect(heading.length).toBeGreaterThan(0);
      expect(caption.length).toBeGreaterThan(0);
      const paper = await onPaper(page);
      expect({ name, ...paper }).toEqual({
        name,
        linksWithAddress: [],
        shown: [],
        splittableRows: 0,
        unrepeatedHeads: 0,
        overflowingCharts: 0,
        collapsedCharts: 0,
      });
      const pdf = await printToPdf(page, `print-results-${name}`);
      process.stdout.write(`\nThe ${name} results page prints on ${pdf.pages} A4 pages\n`);
      // pdftotext lays words out with its own spacing and line breaks: compare the words.
      const words = (text: string) => text.replace(/\s+/g, ' ').trim();
      expect(words(pdf.text)).toContain(words(heading));
      expect(words(pdf.text)).toContain(words(caption));
      expect(pdf.text).not.toContain('(Link:');
      expect(pdf.text).not.toContain('Loading the chart');
      expect(pdf.text).not.toContain('(CSV)');
    }
  }, 240_000);
});
