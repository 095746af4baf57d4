import { randomUUID } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Cycle, Evidence, ReturnDetail, SessionInfo } from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';
import type { Page } from 'playwright-core';

import { demoUsers, signIn, signInWithApi, signOut } from './support/auth.js';
import { useJourney } from './support/journey.js';
import { send, smallFramework } from './support/api.js';

const frameworkId = `browser-${randomUUID().slice(0, 8)}`;
const organisation = smallFramework('organisation', frameworkId);
const system = smallFramework('system', `${frameworkId}-system`);

describe('an assessment return, from start to seal', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;
  let cycle: Cycle;
  let returnId: string;

  beforeAll(async () => {
    page = journey.page;
    // The administrator's setup goes through the API in a context of its own.
    const context = await journey.browser.newContext({ baseURL: journey.baseUrl });
    const { csrfToken } = await signInWithApi(context.request, demoUsers.admin);
    await send(context.request, csrfToken, 'post', '/api/frameworks', organisation);
    await send(context.request, csrfToken, 'post', '/api/frameworks', system);
    const today = new Date();
    cycle = await send<Cycle>(context.request, csrfToken, 'post', '/api/cycles', {
      name: `Browser ${frameworkId}`,
      organisationFramework: { frameworkId: organisation.frameworkId, version: '1' },
      systemFramework: { frameworkId: system.frameworkId, version: '1' },
      opensOn: new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10),
      closesOn: new Date(today.getTime() + 60 * 86_400_000).toISOString().slice(0, 10),
      referenceDate: '2026-04-01',
    });
    await context.close();
  }, 60_000);

  /** Ticks the level 2 and 3 elements of a measure's domain and waits for the autosave. */
  async function answerMeasure(measure: string) {
    await page.goto(`/returns/${returnId}/measures/${measure}`);
    for (const element of [
      `${measure} element 1 at level 2`,
      `${measure} element 2 at level 2`,
      `${measure} element 1 at level 3`,
      `${measure} element 2 at level 3`,
    ]) {
      await page.getByRole('checkbox', { name: element, exact: true }).check();
    }
    await waitForAnswer(`${measure}-d`, (a) => a.met.length === 4);
    await page.getByText('All changes saved').first().waitFor({ timeout: 15_000 });
  }

  /** Waits until the API reports the return in `expected` (the page's own update may lag a moment). */
  async function waitForState(expected: ReturnDetail['state']): Promise<ReturnDetail> {
    for (let i = 0; i < 50; i += 1) {
      const detail = await state();
      if (detail.state === expected) return detail;
      await page.waitForTimeout(200);
    }
    return state();
  }

  /** Waits until the stored answer of a domain satisfies `ok` (autosave has reached the API). */
  async function waitForAnswer(domainId: string, ok: (a: ReturnDetail['answers'][number]) => boolean) {
    for (let i = 0; i < 75; i += 1) {
      const answer = (await state()).answers.find((a) => a.domainId === domainId);
      if (answer && ok(answer)) return answer;
      await page.waitForTimeout(200);
    }
    throw new Error(`The answer to ${domainId} was not saved as expected`);
  }

  async function state(): Promise<ReturnDetail> {
    const res = await page.request.get(`/api/returns/${returnId}`);
    expect(res.status()).toBe(200);
    return (await res.json()) as ReturnDetail;
  }

  it('a trust lead starts the trust’s return for the cycle', async () => {
    await signIn(page, demoUsers.trustLead);
    await page.goto(`/organisations/RJZ/returns?cycle=${cycle.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkPage('organisation returns', /Assessment returns/);
    await page.getByRole('button', { name: 'Start returns' }).click();
    const link = page.getByRole('table').getByRole('link').first();
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/returns\/[0-9a-f-]{36}$/);
    returnId = page.url().split('/returns/')[1]!;
    await checkPage('return overview', /return/i);
    expect((await state()).state).toBe('draft');
  }, 90_000);

  it('the lead answers six measures in the questionnaire; the level follows the ticks', async () => {
    // The contributor gets the first measure (through the API: the journey is about answering it).
    const me = (await (await page.request.get('/api/auth/session')).json()) as SessionInfo;
    const people = (await (await page.request.get(`/api/returns/${returnId}/assignees`)).json()) as {
      items: { id: string; email: string }[];
    };
    const contributor = people.items.find((p) => p.email === demoUsers.trustContributor)!;
    const assigned = await page.request.put(`/api/returns/${returnId}/assignments`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { measure: MEASURE_IDS[0], userId: contributor.id },
    });
    expect(assigned.status()).toBe(200);

    await answerMeasure(MEASURE_IDS[1]);
    await checkPage('questionnaire', /Measure smart-foundations|Domain of smart-foundations|question/i);
    for (const measure of MEASURE_IDS.slice(2)) await answerMeasure(measure);
    const detail = await state();
    expect(detail.progress).toMatchObject({ total: 7, answered: 6 });
    expect(detail.scores.domains.find((d) => d.domainId === 'smart-foundations-d')?.level).toBe(3);
  }, 90_000);

  it('the lead removes evidence an answer cites; the answer still saves afterwards', async () => {
    const measure = MEASURE_IDS[1];
    const domainId = `${measure}-d`;
    const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as SessionInfo;
    const evidence = await send<Evidence>(
      page.request,
      csrfToken,
      'post',
      `/api/returns/${returnId}/evidence/links`,
      {
        title: 'Old board paper',
        url: 'https://example.nhs.uk/old',
      },
    );

    // Cited from the domain's answer through the questionnaire.
    await page.goto(`/returns/${returnId}/measures/${measure}`);
    await page.getByRole('checkbox', { name: 'Old board paper', exact: true }).check();
    const cited = await waitForAnswer(domainId, (a) => a.evidenceIds.includes(evidence.id));
    await page.getByText('All changes saved').first().waitFor({ timeout: 15_000 });

    // Removed through the return's evidence list, after an "Are you sure?".
    await page.getByRole('button', { name: 'Remove Old board paper', exact: true }).click();
    await page.getByText(/It will be taken off 1 answer/).waitFor();
    await checkPage('remove evidence', /Measure smart-foundations|question/i);
    await page.getByRole('button', { name: 'Yes, remove it', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '“Old board paper” has been removed from the return' })
      .waitFor();
    const after = await state();
    expect(after.evidence.map((e) => e.id)).not.toContain(evidence.id);
    const answer = after.answers.find((a) => a.domainId === domainId)!;
    expect(answer.evidenceIds).toEqual([]);
    expect(answer.version).toBe(cited.version + 1);
    expect(await page.getByRole('checkbox', { name: 'Old board paper', exact: true }).count()).toBe(0);

    // The questionnaire took the answer's new version: the next edit saves without a conflict.
    const comment = 'The old board paper was superseded.';
    await page.getByLabel('Comment').first().fill(comment);
    await page.getByLabel('Comment').first().blur();
    const edited = await waitForAnswer(domainId, (a) => a.comment === comment);
    expect(edited.version).toBe(answer.version + 1);
    expect(edited.evidenceIds).toEqual([]);
    await page.getByText('All changes saved').first().waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: 'Keep my changes' }).count()).toBe(0);
  }, 90_000);

  it('a contributor answers the measure assigned to them', async () => {
    await signOut(page);
    await signIn(page, demoUsers.trustContributor);
    await page.goto('/assignments');
    await page.getByRole('heading', { level: 1, name: 'Your assignments' }).waitFor();
    await checkPage('my assignments', /Your assignments/);
    await page
      .getByRole('link', { name: `Domain of ${MEASURE_IDS[0]}` })
      .first()
      .click();
    await page.waitForURL(/\/measures\//);
    for (const element of [
      `${MEASURE_IDS[0]} element 1 at level 2`,
      `${MEASURE_IDS[0]} element 2 at level 2`,
    ]) {
      await page.getByRole('checkbox', { name: element, exact: true }).check();
    }
    await page.getByLabel('Comment').first().fill('Our digital strategy was approved in September.');
    const saved = await waitForAnswer(
      `${MEASURE_IDS[0]}-d`,
      (a) => a.comment === 'Our digital strategy was approved in September.' && a.met.length === 2,
    );
    expect(saved.updatedBy?.displayName).toBeTruthy();
    await page.getByText('All changes saved').first().waitFor({ timeout: 15_000 });
    const detail = await state();
    expect(detail.progress).toMatchObject({ answered: 7 });
    // Every measure the lead answered reached level 3; the contributor's reached level 2.
    expect(detail.scores.domains.map((d) => d.level)).toEqual([2, 3, 3, 3, 3, 3, 3]);
  }, 90_000);

  it('the lead marks it ready; the board sends it back with its comments, which the lead sees', async () => {
    const comments = 'Please add evidence for the cyber resilience answer before we approve.';
    await signOut(page);
    await signIn(page, demoUsers.trustLead);
    await page.goto(`/returns/${returnId}/review`);
    // The title is set once the return has loaded: wait for the page's own button first.
    await page.getByRole('button', { name: 'Mark ready for board approval' }).waitFor();
    await checkPage('review', /return/i);
    await page.getByRole('button', { name: 'Mark ready for board approval' }).click();
    expect((await waitForState('awaiting-approval')).state).toBe('awaiting-approval');

    await signOut(page);
    await signIn(page, demoUsers.boardApprover);
    await page.goto(`/returns/${returnId}/approval`);
    const sendBack = page.getByRole('button', { name: 'Send back to the team' });
    await sendBack.click();
    await page
      .locator('.nhsuk-error-summary')
      .getByRole('link', { name: 'Enter why the board is sending the return back' })
      .waitFor();
    await page.getByLabel('What the board wants changed').fill(comments);
    await page
      .getByText(/You have [\d,]+ characters remaining/)
      .first()
      .waitFor();
    await sendBack.click();
    await page.getByRole('heading', { name: 'Send the return back to the team?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, send it back' }).click();
    await page.getByText('The return has been sent back to the team with the board’s comments').waitFor();
    expect((await waitForState('draft')).sentBack?.reason).toBe(comments);
    await checkPage('approval after sending back', /approv/i);

    await signOut(page);
    await signIn(page, demoUsers.trustLead);
    await page.goto(`/returns/${returnId}`);
    await page.getByText(/^The board sent this return back on \d+ \w+ \d{4}:$/).waitFor();
    await page.getByText(comments).waitFor();
    await checkPage('overview after sending back', /return/i);
    await page.goto(`/returns/${returnId}/history`);
    await page.getByText('Sent the return back to the team instead of approving it').first().waitFor();
    await page.goto(`/returns/${returnId}/review`);
    await page.getByText(comments).waitFor();
    await page.getByRole('button', { name: 'Mark ready for board approval' }).click();
    expect((await waitForState('awaiting-approval')).sentBack).toBeNull();
  }, 120_000);

  it('a board approver approves it', async () => {
    await signOut(page);
    await signIn(page, demoUsers.boardApprover);
    await approve('Minute 7.2 of the test board');
    expect((await waitForState('approved')).state).toBe('approved');
  }, 90_000);

  async function approve(minute: string) {
    await page.goto(`/returns/${returnId}/approval`);
    // Beside it, the form that sends the return back has fields of the same names.
    const form = page.getByRole('region', { name: 'Record the board’s approval' });
    const date = form.getByRole('group', { name: /Date of the board meeting/ });
    const yesterday = new Date(Date.now() - 86_400_000);
    await date.getByLabel('Day').fill(String(yesterday.getUTCDate()));
    await date.getByLabel('Month').fill(String(yesterday.getUTCMonth() + 1));
    await date.getByLabel('Year').fill(String(yesterday.getUTCFullYear()));
    await form.getByLabel('Minute reference').fill(minute);
    await form.getByRole('button', { name: 'Record approval' }).click();
    await page.getByText(minute).first().waitFor();
  }

  it('an edit after approval withdraws it, and the board approves again', async () => {
    await signOut(page);
    await signIn(page, demoUsers.trustContributor);
    await page.goto(`/returns/${returnId}/measures/${MEASURE_IDS[0]}`);
    await page.getByRole('checkbox', { name: `${MEASURE_IDS[0]} element 1 at level 3`, exact: true }).check();
    await page
      .getByText(/withdrew the board.s approval/i)
      .first()
      .waitFor({ timeout: 15_000 });
    const detail = await state();
    expect(detail.state).toBe('awaiting-approval');
    expect(detail.approvals[0]?.withdrawnAt).not.toBeNull();

    await signOut(page);
    await signIn(page, demoUsers.boardApprover);
    await approve('Minute 9.1 of the test board');
    await checkPage('approval', /approv/i);
  }, 90_000);

  it('the lead submits: the return is sealed, read-only, and its seal checks out', async () => {
    await signOut(page);
    await signIn(page, demoUsers.trustLead);
    await page.goto(`/returns/${returnId}/approval`);
    // Submitting is confirmed on a page of its own, which says what will be sealed.
    await page.getByRole('link', { name: 'Submit the return' }).click();
    await page.waitForURL((url) => url.pathname === `/returns/${returnId}/submit`);
    await page.getByRole('button', { name: 'Submit and seal the return' }).click();
    const detail = await waitForState('submitted');
    expect(detail.state).toBe('submitted');
    const seal = detail.seals[0]!;

    await page.goto(`/returns/${returnId}/seals/1`);
    await page.getByText(seal.sha256).first().waitFor();
    await page.getByRole('button', { name: 'Check the seal' }).click();
    await page.getByText('Sealed copy intact; live data matches it.').first().waitFor();
    await checkPage('sealed return', /seal/i);

    // Once the questionnaire has loaded (its read-only notice and the sealed answer's element are
    // shown), nothing on it can be ticked.
    await page.goto(`/returns/${returnId}/measures/${MEASURE_IDS[1]}`);
    await page.getByText('These answers are read-only.').waitFor();
    await page.getByText(`${MEASURE_IDS[1]} element 1 at level 2`).first().waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
  }, 90_000);
});
