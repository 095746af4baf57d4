import { randomUUID } from 'node:crypto';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Assignment, AssigneeList, CreateReturnsResult, Cycle } from '@wgll/contracts';
import { MEASURE_IDS } from '@wgll/framework';
import type { APIRequestContext, Page } from 'playwright-core';

import { demoUsers, signIn, signInWithApi, signOut } from './support/auth.js';
import { useJourney } from './support/journey.js';
import { send, smallFramework } from './support/api.js';

const frameworkId = `waiting-${randomUUID().slice(0, 8)}`;
const organisation = smallFramework('organisation', frameworkId);
const system = smallFramework('system', `${frameworkId}-system`);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

/** A cycle of its own (tests share the database), open today. */
async function newCycle(
  request: APIRequestContext,
  csrf: string,
  name: string,
  closesIn: number,
): Promise<Cycle> {
  return send<Cycle>(request, csrf, 'post', '/api/cycles', {
    name,
    organisationFramework: { frameworkId: organisation.frameworkId, version: '1' },
    systemFramework: { frameworkId: system.frameworkId, version: '1' },
    opensOn: day(-10),
    closesOn: day(closesIn),
    referenceDate: '2026-04-01',
  });
}

describe('waiting for you, on the home page', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;
  let approvalCycle: Cycle;
  let workCycle: Cycle;
  let awaitingId: string;
  let draftId: string;
  const dueDate = day(3);

  beforeAll(async () => {
    page = journey.page;
    const context = await journey.browser.newContext({ baseURL: journey.baseUrl });
    const admin = await signInWithApi(context.request, demoUsers.admin);
    await send(context.request, admin.csrfToken, 'post', '/api/frameworks', organisation);
    await send(context.request, admin.csrfToken, 'post', '/api/frameworks', system);
    approvalCycle = await newCycle(context.request, admin.csrfToken, `Waiting A ${frameworkId}`, 45);
    workCycle = await newCycle(context.request, admin.csrfToken, `Waiting B ${frameworkId}`, 46);

    const lead = await signInWithApi(context.request, demoUsers.trustLead);
    const start = (cycleId: string) =>
      send<CreateReturnsResult>(context.request, lead.csrfToken, 'post', '/api/organisations/RJZ/returns', {
        cycleId,
      });
    // A return answered in full and marked ready: awaiting the board.
    awaitingId = (await start(approvalCycle.id)).created[0]!.id;
    for (const measure of MEASURE_IDS) {
      const domainId = `${measure}-d`;
      await send(context.request, lead.csrfToken, 'put', `/api/returns/${awaitingId}/answers/${domainId}`, {
        baseVersion: 0,
        met: [`${domainId}-l2-e1`, `${domainId}-l2-e2`],
        notApplicable: false,
        noneMet: false,
        comment: '',
        confidence: 'medium',
        evidenceIds: [],
      });
    }
    await send(context.request, lead.csrfToken, 'post', `/api/returns/${awaitingId}/ready`, {});
    // A draft with a measure given to the contributor, due in 3 days.
    draftId = (await start(workCycle.id)).created[0]!.id;
    const people = (await (
      await context.request.get(`/api/returns/${draftId}/assignees`)
    ).json()) as AssigneeList;
    const contributor = people.items.find((p) => p.email === demoUsers.trustContributor)!;
    const assigned = await send<Assignment>(
      context.request,
      lead.csrfToken,
      'put',
      `/api/returns/${draftId}/assignments`,
      {
        measure: MEASURE_IDS[2],
        userId: contributor.id,
        dueDate,
      },
    );
    expect(assigned.dueDate).toBe(dueDate);
    await context.close();
  }, 90_000);

  it('a trust lead gives a measure with a due date; a date that is not real, or has passed, is refused', async () => {
    await signIn(page, demoUsers.trustLead);
    await page.goto(`/returns/${draftId}/assignments`);
    await page.getByRole('heading', { level: 2, name: 'Assign a measure or domain' }).waitFor();
    await page.getByLabel('What to assign').selectOption({ label: `All of Measure ${MEASURE_IDS[3]}` });
    const person = page.getByLabel('Person');
    const option = person.locator('option').filter({ hasText: demoUsers.trustContributor });
    await person.selectOption({ value: (await option.getAttribute('value'))! });
    const due = page.getByRole('group', { name: /Due date/ });
    // Next year's February, so the date is always ahead.
    const year = String(new Date().getUTCFullYear() + 1);
    await due.getByLabel('Day').fill('31');
    await due.getByLabel('Month').fill('2');
    await due.getByLabel('Year').fill(year);
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page
      .locator('.nhsuk-error-summary')
      .getByRole('link', { name: 'Due date must be a real date' })
      .waitFor();
    await checkPage('assign with a date that is not real', /Assign/i);
    // A date that has passed: in the error summary, linked to the date, and by the field.
    const passed = 'Enter a due date that is today or in the future';
    await due.getByLabel('Day').fill('28');
    await due.getByLabel('Year').fill(String(new Date().getUTCFullYear() - 1));
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.locator('.nhsuk-error-summary').getByRole('link', { name: passed }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await due.getByLabel('Day').getAttribute('id'),
    );
    await due.locator('.nhsuk-error-message').filter({ hasText: passed }).waitFor();
    await checkPage('assign with a date that has passed', /Assign/i);
    await due.getByLabel('Year').fill(year);
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.getByText(new RegExp(`^Assigned Measure .* due by 28 February ${year}$`)).waitFor();
    const table = page.getByRole('table', { name: `Measure ${MEASURE_IDS[3]}` });
    await table
      .getByText(new RegExp(`^Due by 28 February ${year} \\(due in \\d+ days\\)$`))
      .first()
      .waitFor();
    await checkPage('assignments with a due date', /Assign/i);
    await signOut(page);
  }, 90_000);

  it('a board approver sees the return awaiting approval and follows the link to approve it', async () => {
    await signIn(page, demoUsers.boardApprover);
    await page.goto('/');
    const waiting = page.getByRole('region', { name: /^Waiting for you/ });
    const section = waiting.getByRole('region', { name: /^Returns awaiting board approval \(\d+\)$/ });
    await section.waitFor();
    const item = section.getByRole('listitem').filter({ hasText: approvalCycle.name });
    expect(await item.textContent()).toContain(
      `is ready for the board’s approval. The cycle closes on ${longDate(approvalCycle.closesOn)}.`,
    );
    await checkPage('home page, board approver', /Home/);
    await item.getByRole('link').click();
    await page.waitForURL(`**/returns/${awaitingId}/approval`);
    await page.getByRole('heading', { level: 1, name: 'Board approval' }).waitFor();
    await page.getByRole('button', { name: 'Send back to the team' }).waitFor();
    await checkPage('approval from waiting for you', /approv/i);
  }, 90_000);

  it('a contributor sees the assignment with its due date, on the home page and in their list', async () => {
    await signOut(page);
    await signIn(page, demoUsers.trustContributor);
    await page.goto('/');
    const section = page
      .getByRole('region', { name: /^Waiting for you/ })
      .getByRole('region', { name: /^Your assignments \(\d+\)$/ });
    await section.waitFor();
    // Soonest due first: the measure due in 3 days, then the one the lead gave above.
    const items = section.getByRole('listitem').filter({ hasText: workCycle.name });
    const texts = await items.allTextContents();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain(`Measure ${MEASURE_IDS[2]}`);
    expect(texts[0]).toContain(`Due by ${longDate(dueDate)}: due in 3 days.`);
    expect(texts[1]).toContain(`Measure ${MEASURE_IDS[3]}`);
    expect(texts[1]).toContain('Due by 28 February 2027');
    await checkPage('home page, contributor', /Home/);
    await page.goto('/assignments');
    await page.getByRole('heading', { level: 1, name: 'Your assignments' }).waitFor();
    await page
      .getByText(`Due by ${longDate(dueDate)} (due in 3 days)`)
      .first()
      .waitFor();
    await checkPage('my assignments with a due date', /Your assignments/);
  }, 90_000);

  it('an ICS lead sees the returns to chase, with the closing date, and follows the link to completion', async () => {
    await signOut(page);
    await signIn(page, demoUsers.icsLead);
    await page.goto('/');
    const section = page
      .getByRole('region', { name: /^Waiting for you/ })
      .getByRole('region', { name: /^Returns to chase \(\d+\)$/ });
    await section.waitFor();
    const item = section
      .getByRole('listitem')
      .filter({ hasText: approvalCycle.name })
      .filter({ hasText: 'King' });
    expect(await item.textContent()).toContain(
      `has not submitted its ${approvalCycle.name} return: acute (awaiting board approval). The cycle closes on ${longDate(approvalCycle.closesOn)}.`,
    );
    await checkPage('home page, ICS lead', /Home/);
    await item.getByRole('link').click();
    await page.waitForURL(`**/ics/QKK/results?cycle=${approvalCycle.id}`);
    await page.getByRole('heading', { level: 1, name: /^Results – / }).waitFor();
  }, 90_000);
});
