/**
 * Honest with small numbers, and the wording of pages seen in use (issue 15): a comparison of fewer
 * than 3 organisations is a count and "too few organisations to compare", the chart's legend lists
 * what it draws, links and care settings follow the cycle; an unknown return is "Page not found",
 * a sealed return's pages speak of no changes, starting from nothing to carry forward says so, a
 * conflict with one's own save says so, and the history and audit log name people in sentences.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Cycle, ResultCycleList, ReturnDetail, ReturnList, SessionInfo } from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';
import type { APIRequestContext, Page } from 'playwright-core';

import { demoUsers, signIn, signInWithApi } from './support/auth.js';
import { useJourney } from './support/journey.js';
import { send, smallFramework } from './support/api.js';

const TOO_FEW = '1 organisation: too few organisations to compare';

const frameworkId = `wording-${randomUUID().slice(0, 8)}`;

async function csrfOf(request: APIRequestContext): Promise<string> {
  return ((await (await request.get('/api/auth/session')).json()) as SessionInfo).csrfToken;
}

async function optionLabels(page: Page, label: string): Promise<string[]> {
  return (await page.getByLabel(label).locator('option').allTextContents()).map((text) => text.trim());
}

describe('honest with small numbers, and the wording of pages in use', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;
  let cycle: Cycle;
  let published: string;

  beforeAll(async () => {
    page = journey.page;
    const context = await journey.browser.newContext({ baseURL: journey.baseUrl });
    const { csrfToken } = await signInWithApi(context.request, demoUsers.admin);
    await send(
      context.request,
      csrfToken,
      'post',
      '/api/frameworks',
      smallFramework('organisation', frameworkId),
    );
    await send(
      context.request,
      csrfToken,
      'post',
      '/api/frameworks',
      smallFramework('system', `${frameworkId}-s`),
    );
    const today = new Date();
    cycle = await send<Cycle>(context.request, csrfToken, 'post', '/api/cycles', {
      name: `Wording ${frameworkId}`,
      organisationFramework: { frameworkId, version: '1' },
      systemFramework: { frameworkId: `${frameworkId}-s`, version: '1' },
      opensOn: new Date(today.getTime() - 30 * 86_400_000).toISOString().slice(0, 10),
      closesOn: new Date(today.getTime() + 60 * 86_400_000).toISOString().slice(0, 10),
      referenceDate: '2026-04-01',
    });
    const cycles = (await (await context.request.get('/api/results/cycles')).json()) as ResultCycleList;
    published = cycles.items.find((c) => c.source === 'published')!.id;
    await context.close();
  }, 120_000);

  it('shows a comparison of fewer than 3 organisations as a count, and the legend only what is drawn', async () => {
    // London Ambulance Service is the only ambulance trust in North West London.
    await signIn(page, demoUsers.admin);
    await page.goto(`/organisations/RRU/results?cycle=${published}`);
    await page.getByRole('heading', { level: 1, name: /^Results – London Ambulance/i }).waitFor();
    const measures = page.getByRole('table', { name: /score in each measure, with the ICS and England$/ });
    await measures.waitFor();
    const wellLed = measures
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Well led' }) });
    const [score, icsMedian, nationalMedian] = await wellLed.getByRole('cell').allTextContents();
    expect(score).toMatch(/^\d\.\d$/);
    // Never its own score shown as its ICS's median.
    expect(icsMedian).toBe(TOO_FEW);
    expect(nationalMedian).toMatch(/^\d\.\d$/);
    // The chart draws no ICS median, so its legend does not list one.
    const legend = page.getByTestId('chart-legend');
    await legend.waitFor();
    // The chart (and its legend) is hidden from screen readers, which get the table instead.
    const items = (await legend.locator('li').allTextContents()).map((text) => text.trim());
    expect(items).toContain('Median in England');
    expect(items).toContain('This organisation’s score');
    expect(items).not.toContain('Median in the ICS');
    expect(await page.locator('figcaption').first().textContent()).not.toMatch(/median in its ICS/);
    // The drawing's code loads when the chart comes into view, as someone scrolls down to it.
    await legend.scrollIntoViewIfNeeded();
    await page.locator('.wgll-chart .recharts-surface').waitFor({ timeout: 30_000 });
    await checkPage('wording-01-trust-too-few', /^Results – London Ambulance/i);
  }, 180_000);

  it('keeps the cycle and care setting from a region to an ICS, and offers the care settings of the cycle picked', async () => {
    await signIn(page, demoUsers.regionalViewer);
    await page.goto(`/regions/Y56/results?cycle=${published}&careSetting=ambulance`);
    await page.getByRole('heading', { level: 1, name: 'Results – London' }).waitFor();
    const groups = page.getByRole('table', { name: /^Median score of each ICS’s providers/ });
    await groups.waitFor();
    // One ambulance trust per ICS at most: counted, never a median of one.
    expect(await groups.locator('tbody').textContent()).toContain(TOO_FEW);
    expect(await groups.locator('tbody').textContent()).not.toMatch(/\d\.\d \(1\)/);
    // Nor its share below the threshold or its movement: counted, too few, on the page and in the CSV.
    const share = page.getByRole('table', { name: /^Share of organisations scoring below/ });
    expect(await share.locator('tbody').textContent()).toContain(TOO_FEW);
    expect(await share.locator('tbody').textContent()).not.toMatch(/of 1 \(/);
    const movement = page.getByRole('table', { name: /^Movement in the overall score/ });
    const movementRow = movement.getByRole('row').filter({ hasText: /North West London/i });
    expect((await movementRow.getByRole('cell').allTextContents()).slice(-2)).toEqual(['1', TOO_FEW]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download movement table (CSV)' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv).toMatch(new RegExp(`North West London[^\\r]*,1,${Array(4).fill(TOO_FEW).join(',')}\\r`, 'i'));
    await checkPage('wording-02-region-too-few', 'Results – London');

    // The care settings follow the cycle picked, before the form is sent: the test's cycle has none.
    const cycles = (await (await page.request.get('/api/results/cycles')).json()) as ResultCycleList;
    const publishedSettings = cycles.items.find((c) => c.id === published)!.careSettings;
    expect(publishedSettings.length).toBeGreaterThan(1);
    expect(await page.getByLabel('Care setting').locator('option').count()).toBeGreaterThan(1);
    await page.getByLabel('Assessment cycle').selectOption(cycle.id);
    await page.getByLabel('Care setting').waitFor({ state: 'detached' });
    await page.getByLabel('Assessment cycle').selectOption(published);
    await page.getByLabel('Care setting').waitFor();
    expect(await page.getByLabel('Care setting').inputValue()).toBe('ambulance');

    // From the region to an ICS: the same cycle and care setting.
    const link = groups.getByRole('link', { name: /North West London/i });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toContain(`cycle=${published}`);
    expect(href).toContain('careSetting=ambulance');
    await link.click();
    await page.waitForURL(/\/ics\/QRV\/results\?/);
    await page.getByRole('heading', { level: 1, name: /^Results – .*North West London/i }).waitFor();
    expect(await page.getByLabel('Care setting').inputValue()).toBe('ambulance');
    expect(await page.getByLabel('Assessment cycle').inputValue()).toBe(published);
    const spread = page.getByRole('table', { name: /^Spread per measure: Ambulance organisations/ });
    await spread.waitFor();
    expect(await spread.locator('tbody').textContent()).toContain(TOO_FEW);
    await checkPage('wording-03-ics-too-few', /^Results – .*North West London/i);

    // On the ICS page too, a cycle without results offers no care setting but "All care settings".
    await page.getByLabel('Assessment cycle').selectOption(cycle.id);
    await expect(optionLabels(page, 'Care setting')).resolves.toEqual(['All care settings']);
  }, 180_000);

  it('says when there is nothing to carry forward, and when a conflict is with your own save in another window', async () => {
    await signIn(page, demoUsers.trustLead);
    await page.goto(`/organisations/RJZ/returns?cycle=${cycle.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel(/Start from our last submitted return/).check();
    await page.getByRole('button', { name: 'Start returns' }).click();
    await page
      .getByText(
        /There is no submitted return from an earlier cycle to start from, so the returns? starts? empty\./,
      )
      .waitFor();
    await checkPage('wording-04-nothing-to-carry-forward', /Assessment returns/);

    const detail = await firstReturn(page, cycle.id);
    const measure = MEASURE_IDS[0];
    const other = await journey.session.context.newPage();
    try {
      // The other window opens the domain before this one saves it.
      await other.goto(`/returns/${detail.id}/measures/${measure}`);
      await other.getByRole('checkbox', { name: `${measure} element 2 at level 2`, exact: true }).waitFor();
      await page.goto(`/returns/${detail.id}/measures/${measure}`);
      await page.getByRole('checkbox', { name: `${measure} element 1 at level 2`, exact: true }).check();
      await page.getByText('All changes saved').first().waitFor({ timeout: 30_000 });
      await other.getByRole('checkbox', { name: `${measure} element 2 at level 2`, exact: true }).check();
      await other
        .getByRole('heading', { name: 'You saved this answer in another window first' })
        .waitFor({ timeout: 30_000 });
      await other.getByText(/^You saved this in another window at \d{1,2}:\d{2}[ap]m$/).waitFor();
      expect(await other.locator('main').textContent()).not.toMatch(/someone else/i);
    } finally {
      await other.close();
    }
  }, 180_000);

  it('shows an unknown return as Page not found', async () => {
    await page.goto(`/returns/${randomUUID()}`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/does not have a role/);
    await checkPage('wording-05-unknown-return', /^Page not found/);
  }, 60_000);

  it('after sealing, the approval and review pages speak of no changes; history and audit log name people in sentences', async () => {
    const detail = await firstReturn(page, cycle.id);
    const lead = (await (await page.request.get('/api/auth/session')).json()) as SessionInfo;
    const csrf = await csrfOf(page.request);
    const current = await returnDetail(page.request, detail.id);
    for (const measure of MEASURE_IDS) {
      const domainId = `${measure}-d`;
      const answer = current.answers.find((a) => a.domainId === domainId);
      await send(page.request, csrf, 'put', `/api/returns/${detail.id}/answers/${domainId}`, {
        baseVersion: answer?.version ?? 0,
        met: [`${measure}-d-l2-e1`, `${measure}-d-l2-e2`],
        notApplicable: false,
        noneMet: false,
        comment: '',
        confidence: 'high',
        evidenceIds: [],
      });
    }
    await send(page.request, csrf, 'post', `/api/returns/${detail.id}/ready`, {});
    const board = await journey.browser.newContext({ baseURL: journey.baseUrl });
    const { csrfToken: boardCsrf } = await signInWithApi(board.request, demoUsers.boardApprover);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await send(board.request, boardCsrf, 'post', `/api/returns/${detail.id}/approvals`, {
      meetingDate: yesterday,
      minuteReference: 'Minute 4.1',
    });
    await board.close();
    await send(page.request, csrf, 'post', `/api/returns/${detail.id}/submit`, {});
    expect((await returnDetail(page.request, detail.id)).state).toBe('submitted');

    await page.goto(`/returns/${detail.id}/approval`);
    await page.getByRole('heading', { level: 1, name: 'Board approval' }).waitFor();
    await page
      .getByText(/The return has been submitted and sealed/)
      .first()
      .waitFor();
    const approval = (await page.locator('main').textContent()) ?? '';
    expect(approval).not.toMatch(/withdraws the approval/);
    expect(approval).not.toMatch(/unless the return changes/);
    await checkPage('wording-06-sealed-approval', /^Approval – /);

    await page.goto(`/returns/${detail.id}/review`);
    await page.getByRole('heading', { level: 1, name: 'Review the return' }).waitFor();
    await page
      .getByText(/as sealed/)
      .first()
      .waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/Select a domain to change its answer/);
    await checkPage('wording-07-sealed-review', /^Review – /);

    // The history: sentences, and who by name (as other pages show people), never an address or JSON.
    await page.goto(`/returns/${detail.id}/history`);
    const history = page.getByRole('table', { name: 'The return’s history' });
    await history.waitFor();
    const historyText = (await history.textContent()) ?? '';
    expect(historyText).toContain(lead.user!.displayName);
    expect(historyText).toContain('Submitted and sealed revision 1');
    expect(historyText).not.toContain('@');
    expect(historyText).not.toMatch(/[{}]/);
    await checkPage('wording-08-history', /^History – /);

    // The audit log, as an administrator: names and sentences too.
    await signIn(page, demoUsers.admin);
    await page.goto('/admin/audit?action=return.answer-saved');
    const audit = page.getByRole('table', { name: /^Audit events/ });
    await audit.waitFor();
    const row = audit.getByRole('row').filter({ hasText: 'Changed an answer' }).first();
    const cells = await row.getByRole('cell').allTextContents();
    // Responsive tables repeat the column's heading inside each cell, for narrow screens.
    expect(cells[1]).toContain(lead.user!.displayName);
    expect(cells[1]).not.toContain('@');
    expect(cells[5]).toMatch(/Before: .*\. After: level 2, 2 elements met, confidence high\./);
    const auditText = (await audit.textContent()) ?? '';
    expect(auditText).not.toMatch(/[{}]/);
    expect(auditText).not.toContain(demoUsers.trustLead);
    await checkPage('wording-09-audit', 'Audit log');
  }, 240_000);
});

async function returnDetail(request: APIRequestContext, id: string): Promise<ReturnDetail> {
  const res = await request.get(`/api/returns/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as ReturnDetail;
}

/** RJZ's first return in the cycle, from the API. */
async function firstReturn(page: Page, cycleId: string): Promise<ReturnList['items'][number]> {
  const res = await page.request.get(`/api/organisations/RJZ/returns?cycleId=${cycleId}`);
  expect(res.status()).toBe(200);
  const list = (await res.json()) as ReturnList;
  const ours = list.items.filter((item) => item.cycle.id === cycleId);
  expect(ours.length).toBeGreaterThan(0);
  return ours[0]!;
}
