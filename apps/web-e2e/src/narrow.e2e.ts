import { join } from 'node:path';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CreateUserResult,
  IcsDetail,
  ImprovementPlan,
  NoticeList,
  ResultCycleList,
  ReturnList,
  SessionInfo,
} from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';
import type { Page } from 'playwright-core';

import { demoUsers, signIn } from './support/auth.js';
import { expectNoAxeViolations } from './support/axe.js';
import { resultsDir, saveScreenshot } from './support/browser.js';
import { useJourney } from './support/journey.js';

/** A phone held upright (an iPhone 12 to 15 is 390 CSS pixels wide). */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * The elements that make the page wider than the window: those whose right edge is past it and
 * that no scrolling or clipping area around them holds in, outermost first. Empty when the page
 * fits.
 */
async function overflowingElements(
  page: Page,
): Promise<{ width: number; scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth <= width) return { width, scrollWidth, culprits };
    const heldIn = (element: Element): boolean => {
      for (
        let parent = element.parentElement;
        parent && parent !== document.body;
        parent = parent.parentElement
      ) {
        const style = getComputedStyle(parent);
        if (style.overflowX !== 'visible' && parent.getBoundingClientRect().right <= width + 0.5) return true;
      }
      return false;
    };
    const describe = (element: Element): string => {
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList]
        .slice(0, 3)
        .map((name) => `.${name}`)
        .join('');
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
      const right = Math.round(element.getBoundingClientRect().right);
      return `<${element.tagName.toLowerCase()}${id}${classes}> right edge at ${right}px: “${text}”`;
    };
    const wide = [...document.body.querySelectorAll('*')].filter(
      (element) => element.getBoundingClientRect().right > width + 0.5 && !heldIn(element),
    );
    // The outermost: an element whose parent sticks out as well is named by its parent.
    for (const element of wide) {
      if (!element.parentElement || !wide.includes(element.parentElement)) culprits.push(describe(element));
    }
    return { width, scrollWidth, culprits: culprits.slice(0, 12) };
  });
}

/**
 * Waits until the page's data has arrived: no request in flight and no "Loading…" message. A page
 * still loading after 20 seconds fails the test: measured half-loaded, it could pass for narrow.
 */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  // Twice: the second time at the foot of the page, where sections load as they come near the window.
  for (const atFoot of [false, true]) {
    if (atFoot) await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle', { timeout: 20_000 });
    await page
      .locator('[role="status"]', { hasText: /^Loading/ })
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 });
  }
}

/** Opens each address and checks that nothing sticks out past the right edge of the phone's window. */
async function expectNoSidewaysScroll(page: Page, addresses: string[], name: string): Promise<void> {
  const problems: string[] = [];
  for (const [index, address] of addresses.entries()) {
    await page.goto(address);
    await settle(page);
    // A page that failed (the error page, or not found) would fit too: it is a problem of its own.
    const heading = await page.locator('h1').first().innerText();
    if (/problem with the service|Page not found/i.test(heading)) {
      problems.push(`${address} showed "${heading}" instead of its page`);
      continue;
    }
    const result = await overflowingElements(page);
    if (result.scrollWidth > result.width) {
      await saveScreenshot(page, `narrow-${name}-${index}`);
      problems.push(
        `${address} is ${result.scrollWidth}px wide in a ${result.width}px window. Sticking out:\n    ${result.culprits.join('\n    ')}`,
      );
    }
  }
  expect(problems).toEqual([]);
}

/** A return's improvement plan, and its first action and first approval where it has them. */
async function planPages(page: Page, returnId: string): Promise<string[]> {
  const plan = (await (await page.request.get(`/api/returns/${returnId}/plan`)).json()) as ImprovementPlan;
  const path = `/returns/${returnId}/plan`;
  return [
    path,
    ...plan.actions.slice(0, 1).map((action) => `${path}/actions/${action.id}`),
    ...plan.approvals.slice(0, 1).map((approval) => `${path}/approvals/${approval.id}`),
  ];
}

async function publishedCycle(page: Page): Promise<string> {
  const cycles = (await (await page.request.get('/api/results/cycles')).json()) as ResultCycleList;
  return cycles.items.find((c) => c.source === 'published')!.id;
}

// One server (and its demo world) for the whole file: starting one is the expensive part.
const journey = useJourney();

describe('phones and narrow windows', () => {
  let page: Page;
  let published: string;
  /** A demo trust in South East London with a draft return this cycle, and one with a sealed return. */
  let draft: { code: string; returnId: string };
  let sealed: { code: string; returnId: string };
  /** A demo trust's return approved by its board, ready to submit (either demo ICS). */
  let approved: { code: string; returnId: string };

  beforeAll(async () => {
    page = journey.page;
    // Find the demo world's returns once, as the administrator.
    await signIn(page, demoUsers.admin);
    published = await publishedCycle(page);
    for (const code of ['QKK', 'QMF']) {
      const ics = (await (await page.request.get(`/api/ics/${code}`)).json()) as IcsDetail;
      for (const organisation of ics.organisations) {
        if (draft && sealed && approved) break;
        const list = (await (
          await page.request.get(`/api/organisations/${organisation.odsCode}/returns`)
        ).json()) as ReturnList;
        for (const item of list.items) {
          const found = { code: organisation.odsCode, returnId: item.id };
          // The draft and the sealed return are South East London's (the printed accounts' ICS).
          if (code === 'QKK' && !draft && item.state === 'draft') draft = found;
          if (code === 'QKK' && !sealed && item.state === 'submitted') sealed = found;
          if (!approved && item.state === 'approved') approved = found;
        }
      }
    }
    expect(draft).toBeDefined();
    expect(sealed).toBeDefined();
    expect(approved).toBeDefined();
    await page.setViewportSize(PHONE);
  }, 120_000);

  it('fits the sign-in page', async () => {
    await page.context().clearCookies();
    await expectNoSidewaysScroll(page, ['/sign-in', '/sign-in/not-recognised'], 'signed-out');
  }, 60_000);

  it('fits a trust lead’s pages: home, the return, the questionnaire and the trust’s results', async () => {
    await signIn(page, `lead.${draft.code.toLowerCase()}@demo.wgll.example`);
    const returnPath = `/returns/${draft.returnId}`;
    await expectNoSidewaysScroll(
      page,
      [
        '/',
        `/organisations/${draft.code}`,
        `/organisations/${draft.code}/returns`,
        returnPath,
        `${returnPath}/measures/${MEASURE_IDS[0]}`,
        `${returnPath}/measures/${MEASURE_IDS[4]}`,
        `${returnPath}/assignments`,
        `${returnPath}/review`,
        `${returnPath}/approval`,
        `${returnPath}/history`,
        `/organisations/${draft.code}/results`,
        `/organisations/${draft.code}/results?cycle=${published}`,
        '/assignments',
        '/account',
      ],
      'trust-lead',
    );
  }, 240_000);

  it('fits a sealed return and its seal', async () => {
    await signIn(page, `lead.${sealed.code.toLowerCase()}@demo.wgll.example`);
    await expectNoSidewaysScroll(
      page,
      [
        `/returns/${sealed.returnId}`,
        `/returns/${sealed.returnId}/history`,
        `/returns/${sealed.returnId}/seals/1`,
      ],
      'sealed',
    );
  }, 120_000);

  it('fits the improvement plan of Guy’s and St Thomas’ (RJ1): the plan, an action and the plan as approved', async () => {
    await signIn(page, 'lead.rj1@demo.wgll.example');
    const list = (await (await page.request.get('/api/organisations/RJ1/returns')).json()) as ReturnList;
    const rj1 = list.items.find((item) => item.state === 'submitted');
    expect(rj1).toBeDefined();
    const pages = await planPages(page, rj1!.id);
    // The demo plan has actions and its board's approval.
    expect(pages).toHaveLength(3);
    await expectNoSidewaysScroll(page, pages, 'plan');
  }, 120_000);

  it('fits the confirmation page before submitting an approved return', async () => {
    await signIn(page, `lead.${approved.code.toLowerCase()}@demo.wgll.example`);
    await expectNoSidewaysScroll(
      page,
      [`/returns/${approved.returnId}/approval`, `/returns/${approved.returnId}/submit`],
      'approved',
    );
    await page.goto(`/returns/${approved.returnId}/submit`);
    await page.getByRole('button', { name: 'Submit and seal the return' }).waitFor();
  }, 120_000);

  it('fits an ICS lead’s pages: the ICS, its returns and its results side by side', async () => {
    await signIn(page, demoUsers.icsLead);
    await expectNoSidewaysScroll(
      page,
      [
        '/',
        '/ics/QKK',
        '/ics/QKK/returns',
        '/ics/QKK/results',
        `/ics/QKK/results?cycle=${published}`,
        '/ics/QKK/plans',
      ],
      'ics-lead',
    );
  }, 180_000);

  it('draws the header once, with its unread count: the page does not move down as it loads', async () => {
    await signIn(page, demoUsers.icsLead);
    const notices = (await (await page.request.get('/api/notifications')).json()) as NoticeList;
    // The demo ICS lead has unread notices: "Notifications, n unread" takes the account links onto a
    // second line on a phone, which, drawn late, would push the menu and the page down.
    expect(notices.unread).toBeGreaterThan(0);
    // A page of its own (the same session), watching for layout shifts from the start.
    const watched = await page.context().newPage();
    try {
      await watched.setViewportSize(PHONE);
      await watched.addInitScript(() => {
        const shifted: string[] = [];
        (window as unknown as { shifted: string[] }).shifted = shifted;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { sources: { node?: Node | null }[] }[]) {
            for (const source of entry.sources) {
              const node = source.node ?? null;
              const element = node instanceof Element ? node : node?.parentElement;
              shifted.push(`${element?.closest('header') ? 'header' : 'page'} <${element?.tagName ?? '?'}>`);
            }
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await watched.goto('/ics/QKK/results');
      await watched
        .getByRole('banner')
        .getByRole('link', { name: `Notifications, ${notices.unread} unread` })
        .waitFor();
      await watched.getByRole('heading', { level: 1 }).waitFor();
      await watched.waitForLoadState('networkidle');
      const shifted = await watched.evaluate(() => (window as unknown as { shifted: string[] }).shifted);
      expect(shifted.filter((source) => source.startsWith('header'))).toEqual([]);
      // The notices came with the page (the Link header's preload), asked for once.
      const asked = await watched.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname === '/api/notifications')
          .map((entry) => (entry as PerformanceResourceTiming).initiatorType),
      );
      expect(asked).toEqual(['link']);
    } finally {
      await watched.close();
    }
  }, 60_000);

  it('fits a regional viewer’s pages: regions and the region’s results', async () => {
    await signIn(page, demoUsers.regionalViewer);
    await expectNoSidewaysScroll(
      page,
      [
        '/',
        '/regions',
        '/regions/Y56',
        '/regions/Y56/results',
        `/regions/Y56/results?cycle=${published}`,
        `/regions/Y56/results?cycle=${published}&basis=icb`,
        '/regions/Y56/plans',
        '/organisations',
        '/organisations/RJ1',
      ],
      'regional-viewer',
    );
  }, 180_000);

  it('fits an administrator’s pages: England, imports, users, the audit log, cycles and frameworks', async () => {
    await signIn(page, demoUsers.admin);
    // Someone with a long e-mail address and name, for the pages that show them.
    const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as SessionInfo;
    const created = await page.request.post('/api/users', {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        email: `a-rather-long-mailbox-name-for-wrapping-${Date.now()}@a-long-subdomain.demo.wgll.example`,
        displayName: 'Someone-with-a-double-barrelled-and-rather-lengthy-name Example',
        roles: [{ role: 'trust-contributor', scopeCode: 'RJ1' }],
      },
    });
    expect(created.status()).toBe(201);
    const longUser = ((await created.json()) as CreateUserResult).user;
    await page.goto('/admin/imports');
    const importLink = page
      .getByRole('table', { name: 'Imports of published data files' })
      .getByRole('link')
      .first();
    const importPath = (await importLink.getAttribute('href')) ?? '/admin/imports';
    await page.goto('/admin/users');
    const userLink = page.locator('main table').getByRole('link').first();
    const userPath = (await userLink.getAttribute('href')) ?? '/admin/users';
    await page.goto('/frameworks');
    const readerLink = page.locator('main table').getByRole('link').first();
    const readerPath = (await readerLink.getAttribute('href')) ?? '/frameworks';
    await expectNoSidewaysScroll(
      page,
      [
        '/',
        `/national/results?cycle=${published}`,
        '/national/results',
        '/admin/imports',
        importPath,
        '/admin/users',
        '/admin/users/new',
        userPath,
        `/admin/users/${longUser.id}`,
        '/admin/users?q=a-rather-long',
        '/organisations/RJ1',
        '/admin/audit',
        '/admin/cycles',
        '/organisations',
        '/organisations?q=hospital',
        '/frameworks',
        readerPath,
        '/about-the-data',
        '/account',
      ],
      'admin',
    );
  }, 300_000);

  it('keeps the first column of a wide table in view while the table scrolls inside its own area', async () => {
    await signIn(page, demoUsers.icsLead);
    await page.goto(`/ics/QKK/results?cycle=${published}`);
    const area = page.getByRole('region', { name: /^Scores of the organisations in .*South East London/i });
    await area.waitFor();
    // A named region a keyboard can reach and scroll: focusable once it has measured that the table
    // is wider than it (after the browser's layout, so a moment after the region appears).
    await page.waitForFunction(
      (element) => element?.getAttribute('tabindex') === '0',
      await area.elementHandle(),
    );
    const sizes = await area.evaluate((element) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
    }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    const firstCell = area.locator('tbody tr').first().locator(':scope > *').first();
    const scoreCell = area.locator('tbody tr').first().locator(':scope > *').nth(3);
    const before = await firstCell.boundingBox();
    const scoreBefore = await scoreCell.boundingBox();
    // The kept column has room for an organisation's name: its words wrap, not each letter.
    expect(before!.width).toBeGreaterThan(120);
    await area.focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (element) => (element as HTMLElement).scrollLeft > 0,
      await area.elementHandle(),
    );
    const after = await firstCell.boundingBox();
    // The organisation's name has not moved; the scores have.
    expect(Math.round(after!.x)).toBe(Math.round(before!.x));
    expect((await scoreCell.boundingBox())!.x).toBeLessThan(scoreBefore!.x);
    // The caption wraps within the window.
    const caption = area.locator('caption');
    const box = await caption.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await area.screenshot({ path: join(resultsDir, 'narrow-ics-scrolled.png') });
    await expectNoAxeViolations(page, 'the ICS results at 390 px');
    await signIn(page, demoUsers.regionalViewer);
    await page.goto(`/regions/Y56/results?cycle=${published}`);
    await page.getByRole('heading', { level: 1, name: 'Results – London' }).waitFor();
    await settle(page);
    await expectNoAxeViolations(page, 'the region results at 390 px');
  }, 60_000);
});

describe('the header and results links for each role', () => {
  let page: Page;

  beforeAll(async () => {
    page = journey.page;
    await page.setViewportSize(DESKTOP);
  });

  /** The header's links that are shown (not tucked under "More"). */
  async function headerLinks(): Promise<string[]> {
    const menu = page.getByRole('navigation', { name: 'Menu' });
    const links = menu.getByRole('link');
    const shown: string[] = [];
    for (const link of await links.all())
      if (await link.isVisible()) shown.push((await link.textContent()) ?? '');
    return shown.map((text) => text.trim());
  }

  it.each([
    { who: 'trust lead', email: demoUsers.trustLead, results: 'Results', to: '/organisations/RJZ/results' },
    {
      who: 'board approver',
      email: demoUsers.boardApprover,
      results: 'Results',
      to: '/organisations/RJZ/results',
    },
    { who: 'ICS lead', email: demoUsers.icsLead, results: 'Results', to: '/ics/QKK/results' },
    {
      who: 'regional viewer',
      email: demoUsers.regionalViewer,
      results: 'Results',
      to: '/regions/Y56/results',
    },
    {
      who: 'national administrator',
      email: demoUsers.admin,
      results: 'Results for England',
      to: '/national/results',
    },
  ])(
    'shows a $who their results in the header, not under “More”',
    async ({ email, results, to }) => {
      await signIn(page, email);
      const shown = await headerLinks();
      expect(shown[0]).toBe(results);
      if (email === demoUsers.admin) expect(shown).toContain('Published results');
      const menu = page.getByRole('navigation', { name: 'Menu' });
      await menu.getByRole('link', { name: results, exact: true }).click();
      await page.waitForURL((url) => url.pathname === to);
      await page.getByRole('heading', { level: 1, name: /^Results – / }).waitFor();
      // The header marks Results as the page, and no other item (not Regions or Organisations).
      const marked = menu.locator('a[aria-current]');
      expect(await marked.count()).toBe(1);
      expect(await marked.getAttribute('aria-current')).toBe('page');
      expect((await marked.textContent())?.trim()).toBe(results);
    },
    60_000,
  );

  /** Whether a page offers a link to results (after its data has arrived). */
  async function offersResults(address: string): Promise<boolean> {
    await page.goto(address);
    await page.locator('h1 .nhsuk-caption-l').waitFor();
    await settle(page);
    return (await page.getByRole('main').getByRole('link', { name: 'Results', exact: true }).count()) > 0;
  }

  it('offers results links only where the role may see the results', async () => {
    await signIn(page, demoUsers.trustLead);
    expect(await offersResults('/organisations/RJZ')).toBe(true);
    expect(await offersResults('/organisations/RJ1')).toBe(false);
    expect(await offersResults('/ics/QKK')).toBe(false);
    expect(await offersResults('/regions/Y56')).toBe(false);
    // The API agrees: the refused page is refused.
    expect((await page.request.get('/api/organisations/RJ1/results')).status()).toBe(403);

    await signIn(page, demoUsers.icsLead);
    expect(await offersResults('/ics/QKK')).toBe(true);
    expect(await offersResults('/organisations/RJZ')).toBe(true);
    expect(await offersResults('/ics/QMF')).toBe(false);
    expect(await offersResults('/regions/Y56')).toBe(false);
    expect((await page.request.get('/api/regions/Y56/results')).status()).toBe(403);

    await signIn(page, demoUsers.regionalViewer);
    expect(await offersResults('/regions/Y56')).toBe(true);
    expect(await offersResults('/ics/QKK')).toBe(true);
    expect(await offersResults('/regions/Y58')).toBe(false);
  }, 180_000);

  it('says on the region’s results why each cycle uses the ICSs of its own year', async () => {
    await signIn(page, demoUsers.regionalViewer);
    await page.goto(`/regions/Y56/results?cycle=${await publishedCycle(page)}`);
    await page.getByRole('heading', { level: 1, name: 'Results – London' }).waitFor();
    const note = page.locator('.nhsuk-inset-text', { hasText: 'ICSs' });
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toMatch(/2025\/26 results use the ICSs as they were before the mergers of 1 April 2026/);
    expect(text).toMatch(/2026\/27 results use the ICSs formed by them/);
    expect(text).toMatch(/This cycle \(2025\/26\) uses the ICSs as they were on \d{1,2} \w+ 20\d\d/);
  }, 60_000);
});
