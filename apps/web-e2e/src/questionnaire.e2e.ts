import { randomUUID } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Approval, CreateReturnsResult, Cycle, ReturnDetail } from '@wgll/contracts';
import type { FrameworkDomain, FrameworkVersion } from '@wgll/framework';
import { MEASURE_IDS } from '@wgll/framework';
import type { Page } from 'playwright-core';

import { demoUsers, signIn, signInWithApi } from './support/auth.js';
import { useJourney } from './support/journey.js';
import { send } from './support/api.js';

/** A domain with two elements per level; element texts are unique so a checkbox is found by its label. */
function domain(id: string, measure: string, title: string, notApplicableAllowed = false): FrameworkDomain {
  return {
    id,
    measure: measure as FrameworkDomain['measure'],
    title,
    whatGoodLooksLike: `${title} is done well.`,
    careSettings: 'all',
    notApplicableAllowed,
    lineage: { id, relation: 'new' },
    levels: ([1, 2, 3, 4, 5] as const).map((level) => ({
      level,
      descriptor: `Level ${level} of ${title}`,
      elements:
        level === 1
          ? []
          : [1, 2].map((n) => ({
              id: `${id}-l${level}-e${n}`,
              text: `${title} element ${n} at level ${level}`,
              guidance: `Guidance for ${title} ${level}.${n}.`,
              evidence: 'A board paper.',
            })),
    })),
  };
}

/** Well led has three domains (to jump between); every other measure one. */
function framework(level: 'organisation' | 'system', frameworkId: string): FrameworkVersion {
  return {
    frameworkId,
    version: '1',
    title: `Questionnaire test framework ${frameworkId}`,
    publishedOn: '2026-04-01',
    status: 'published',
    level,
    scale: { min: 1, max: 5 },
    measures: MEASURE_IDS.map((id) => ({ id, name: `Measure ${id}` })),
    domains: [
      domain('wl-strategy', 'well-led', 'Strategy', true),
      domain('wl-board', 'well-led', 'Board leadership'),
      domain('wl-culture', 'well-led', 'Digital culture'),
      ...MEASURE_IDS.slice(1).map((m) => domain(`${m}-only`, m, `Only domain of ${m}`)),
    ],
  };
}

const frameworkId = `questionnaire-${randomUUID().slice(0, 8)}`;
const organisation = framework('organisation', frameworkId);
const system = framework('system', `${frameworkId}-system`);

describe('the questionnaire of a long measure, and submitting', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;
  let cycle: Cycle;
  let returnId: string;
  let csrf: string;

  beforeAll(async () => {
    page = journey.page;
    const context = await journey.browser.newContext({ baseURL: journey.baseUrl });
    const admin = await signInWithApi(context.request, demoUsers.admin);
    await send(context.request, admin.csrfToken, 'post', '/api/frameworks', organisation);
    await send(context.request, admin.csrfToken, 'post', '/api/frameworks', system);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    cycle = await send<Cycle>(context.request, admin.csrfToken, 'post', '/api/cycles', {
      name: `Questionnaire ${frameworkId}`,
      organisationFramework: { frameworkId: organisation.frameworkId, version: '1' },
      systemFramework: { frameworkId: system.frameworkId, version: '1' },
      opensOn: day(-30),
      closesOn: day(60),
      referenceDate: '2026-04-01',
    });
    await context.close();
    await signIn(page, demoUsers.trustLead);
    csrf = ((await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string }).csrfToken;
    const started = await send<CreateReturnsResult>(
      page.request,
      csrf,
      'post',
      '/api/organisations/RJZ/returns',
      {
        cycleId: cycle.id,
        careSettings: ['acute'],
      },
    );
    returnId = started.created[0]!.id;
  }, 120_000);

  async function state(): Promise<ReturnDetail> {
    const res = await page.request.get(`/api/returns/${returnId}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as ReturnDetail;
  }

  async function waitForAnswer(domainId: string, ok: (a: ReturnDetail['answers'][number]) => boolean) {
    for (let i = 0; i < 75; i += 1) {
      const answer = (await state()).answers.find((a) => a.domainId === domainId);
      if (answer && ok(answer)) return answer;
      await page.waitForTimeout(200);
    }
    throw new Error(`The answer to ${domainId} was not saved as expected`);
  }

  const jumpList = () => page.getByRole('navigation', { name: 'Domains in this measure' });
  const jumpItem = (title: string) => jumpList().getByRole('listitem').filter({ hasText: title });

  it('lists the measure’s domains with their states; a comment alone does not answer one, "none met" does', async () => {
    await page.goto(`/returns/${returnId}/measures/well-led`);
    await jumpList().waitFor();
    expect(await jumpList().getByRole('listitem').allInnerTexts()).toEqual([
      'Strategy Not answered',
      'Board leadership Not answered',
      'Digital culture Not answered',
    ]);
    await checkPage('questionnaire with a jump list', /Measure well-led/);

    // A comment and a confidence alone: saved, but the domain is still not answered.
    const board = page.locator('#domain-wl-board');
    await board.getByLabel('Comment').fill('We are writing the board’s digital plan.');
    await board.getByRole('radio', { name: 'Low' }).check();
    await board.getByLabel('Comment').blur();
    await waitForAnswer('wl-board', (a) => a.comment.startsWith('We are writing') && a.confidence === 'low');
    await page.getByText('All changes saved').first().waitFor({ timeout: 15_000 });
    await jumpItem('Board leadership').getByText('Not answered').waitFor();
    let detail = await state();
    expect(detail.progress).toMatchObject({ answered: 0 });
    expect(detail.scores.domains.find((d) => d.domainId === 'wl-board')).toMatchObject({
      status: 'unanswered',
    });
    await board.getByText('Not answered yet').first().waitFor();

    // "None of these is met yet" answers it at level 1.
    await board.getByRole('checkbox', { name: 'None of these is met yet' }).check();
    await waitForAnswer('wl-board', (a) => a.noneMet);
    await jumpItem('Board leadership').getByText('Level 1').waitFor();
    detail = await state();
    expect(detail.progress).toMatchObject({ answered: 1 });
    expect(detail.scores.domains.find((d) => d.domainId === 'wl-board')).toMatchObject({
      status: 'scored',
      level: 1,
    });

    // Ticking an element takes the confirmation away (they cannot both be said).
    await page.getByRole('checkbox', { name: 'Board leadership element 1 at level 2', exact: true }).check();
    expect(await board.getByRole('checkbox', { name: 'None of these is met yet' }).isChecked()).toBe(false);
    await waitForAnswer('wl-board', (a) => !a.noneMet && a.met.length === 1);

    // The level and what the next one needs stay beside the checkboxes.
    const culture = page.locator('#domain-wl-culture');
    for (const n of [1, 2]) {
      await page
        .getByRole('checkbox', { name: `Digital culture element ${n} at level 2`, exact: true })
        .check();
    }
    await culture.getByText('Level 2 – level 3 needs 2 more elements.').waitFor();
    await jumpItem('Digital culture').getByText('Level 2').waitFor();
    await waitForAnswer('wl-culture', (a) => a.met.length === 2);
    await page.getByText('All changes saved').first().waitFor({ timeout: 15_000 });
  }, 120_000);

  it('has few tab stops per domain besides its checkboxes, with guidance closed', async () => {
    await page.goto(`/returns/${returnId}/measures/well-led`);
    await jumpList().waitFor();
    const section = page.locator('#domain-wl-culture');
    const stops = await section.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, summary')]
        .filter((e) => e.checkVisibility())
        .filter((e) => !(e instanceof HTMLInputElement && (e.type === 'checkbox' || e.type === 'radio')))
        .map((e) => e.tagName.toLowerCase()),
    );
    // Four level guidance summaries, the comment, "Add evidence to the return" and, below level 5,
    // "Who meets what we lack" (peer learning).
    expect(stops.length).toBeLessThanOrEqual(7);
    expect(await section.locator('details[open]').count()).toBe(0);
    await section.getByText('Guidance for Digital culture 2.1.').waitFor({ state: 'hidden' });
    // Opened, a level's disclosure shows its elements' guidance and evidence.
    await section.getByText('Guidance and evidence for level 2').click();
    await section.getByText('Guidance for Digital culture 2.1.').waitFor();
    await section.getByText('Guidance for Digital culture 2.2.').waitFor();
  }, 60_000);

  it('"Next domain" goes to the next one, and after the last back to the overview', async () => {
    await page.goto(`/returns/${returnId}/measures/well-led`);
    await page.getByRole('link', { name: 'Next domain: Board leadership' }).click();
    await page.waitForURL(/#domain-wl-board-heading$/);
    await page.getByRole('link', { name: 'Next domain: Digital culture' }).click();
    await page.waitForURL(/#domain-wl-culture-heading$/);
    // The jump list takes the person to a domain too.
    await jumpList().getByRole('link', { name: 'Strategy' }).click();
    await page.waitForURL(/#domain-wl-strategy-heading$/);
    await page.getByRole('link', { name: 'Back to the return overview' }).click();
    await page.waitForURL((url) => url.pathname === `/returns/${returnId}`);

    // One domain on its own page: the links open the others the same way.
    await page.goto(`/returns/${returnId}/measures/well-led?domain=wl-strategy`);
    await page.getByRole('link', { name: 'Next domain: Board leadership' }).click();
    await page.waitForURL(/\?domain=wl-board$/);
    await page.getByRole('heading', { level: 2, name: 'Board leadership' }).waitFor();
  }, 60_000);

  it('at 390 px wide, the questionnaire does not scroll sideways and the level bar covers nothing', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`/returns/${returnId}/measures/well-led`);
      await jumpList().waitFor();
      const widths = await page.evaluate(() => ({
        document: document.documentElement.scrollWidth,
        window: window.innerWidth,
      }));
      expect(widths.document).toBeLessThanOrEqual(widths.window);
      const position = await page
        .locator('#domain-wl-culture [data-testid="level-bar"]')
        .evaluate((el) => getComputedStyle(el).position);
      expect(position).toBe('static');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  }, 60_000);

  it('submitting asks for confirmation on its own page, saying what will be sealed', async () => {
    // The rest answered through the API; the return made ready, and approved by the board approver.
    for (const d of organisation.domains.filter((x) => !['wl-board', 'wl-culture'].includes(x.id))) {
      const current = (await state()).answers.find((a) => a.domainId === d.id);
      await send(page.request, csrf, 'put', `/api/returns/${returnId}/answers/${d.id}`, {
        baseVersion: current?.version ?? 0,
        met: [`${d.id}-l2-e1`, `${d.id}-l2-e2`],
        notApplicable: false,
        noneMet: false,
        comment: '',
        confidence: 'high',
        evidenceIds: [],
      });
    }
    await send(page.request, csrf, 'post', `/api/returns/${returnId}/ready`, {});
    const board = await journey.browser.newContext({ baseURL: journey.baseUrl });
    const approver = await signInWithApi(board.request, demoUsers.boardApprover);
    const approval = await send<Approval>(
      board.request,
      approver.csrfToken,
      'post',
      `/api/returns/${returnId}/approvals`,
      {
        meetingDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        minuteReference: 'Minute 4.1 of the questionnaire test',
      },
    );
    await board.close();

    await page.goto(`/returns/${returnId}/approval`);
    await page.getByRole('link', { name: 'Submit the return' }).click();
    await page.waitForURL((url) => url.pathname === `/returns/${returnId}/submit`);
    await page.getByRole('heading', { level: 1, name: 'Check the return before you submit it' }).waitFor();
    const sealed = page.locator('dl.nhsuk-summary-list');
    await sealed.getByText(/\(RJZ\)/).waitFor();
    await sealed.getByText(cycle.name).waitFor();
    await sealed.getByText(`${organisation.frameworkId}, version 1`).waitFor();
    await sealed.getByText(approval.approver.displayName, { exact: false }).waitFor();
    await sealed.getByText('Minute 4.1 of the questionnaire test', { exact: false }).waitFor();
    const measures = page.getByRole('table', { name: 'Measure scores to be sealed' });
    expect(await measures.getByRole('row').count()).toBe(1 + MEASURE_IDS.length);
    await page.getByText(/cannot be changed without a national administrator/).waitFor();
    await checkPage('submit confirmation', /Submit/);

    // Cancel goes back, and nothing is submitted.
    await page.getByRole('link', { name: 'Cancel' }).click();
    await page.waitForURL((url) => url.pathname === `/returns/${returnId}/approval`);
    expect((await state()).state).toBe('approved');

    await page.getByRole('link', { name: 'Submit the return' }).click();
    await page.getByRole('button', { name: 'Submit and seal the return' }).click();
    await page.getByRole('heading', { name: 'The return has been submitted and sealed' }).waitFor();
    const detail = await state();
    expect(detail.state).toBe('submitted');
    expect(detail.seals.map((s) => s.revision)).toEqual([1]);
    await page.getByRole('link', { name: 'View the sealed return and check its seal' }).waitFor();
  }, 120_000);

  it('answers carried forward into the next cycle show as "to confirm" in the jump list', async () => {
    const context = await journey.browser.newContext({ baseURL: journey.baseUrl });
    const admin = await signInWithApi(context.request, demoUsers.admin);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const next = await send<Cycle>(context.request, admin.csrfToken, 'post', '/api/cycles', {
      name: `Next ${frameworkId}`,
      organisationFramework: { frameworkId: organisation.frameworkId, version: '1' },
      systemFramework: { frameworkId: system.frameworkId, version: '1' },
      opensOn: day(-30),
      closesOn: day(60),
      referenceDate: '2027-04-01',
    });
    await context.close();
    const started = await send<CreateReturnsResult>(
      page.request,
      csrf,
      'post',
      '/api/organisations/RJZ/returns',
      {
        cycleId: next.id,
        careSettings: ['acute'],
        carryForward: true,
      },
    );
    const nextId = started.created[0]!.id;
    await page.goto(`/returns/${nextId}/measures/well-led`);
    await jumpList().waitFor();
    expect(await jumpList().getByRole('listitem').allInnerTexts()).toEqual([
      'Strategy To confirm',
      'Board leadership To confirm',
      'Digital culture To confirm',
    ]);
    // Confirming one keeps its answer, now counted at its level.
    await page
      .locator('#domain-wl-culture')
      .getByRole('button', { name: /Confirm/ })
      .click();
    await jumpItem('Digital culture').getByText('Level 2').waitFor({ timeout: 15_000 });
  }, 120_000);
});
