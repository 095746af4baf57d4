import { beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AssigneeList,
  IcsDetail,
  ImprovementPlan,
  PlanAction,
  ReturnDetail,
  ReturnList,
  SessionInfo,
} from '@wgll/contracts';
import type { Page } from 'playwright-core';

import { demoUsers, signIn, signInWithApi } from './support/auth.js';
import { useJourney } from './support/journey.js';
import { send } from './support/api.js';

/** Guy's and St Thomas' (RJ1), whose demo return is sealed; its people are lead.rj1@… and board.rj1@…. */
const TRUST = 'RJ1';
const lead = `lead.${TRUST.toLowerCase()}@demo.wgll.example`;
const board = `board.${TRUST.toLowerCase()}@demo.wgll.example`;

/** A date a year from today, as the day, month and year a person types. */
function nextYear(): { day: string; month: string; year: string; iso: string } {
  const date = new Date(Date.now() + 365 * 86_400_000);
  const iso = date.toISOString().slice(0, 10);
  return {
    day: String(date.getUTCDate()),
    month: String(date.getUTCMonth() + 1),
    year: String(date.getUTCFullYear()),
    iso,
  };
}

async function fillDate(page: Page, group: RegExp, date: { day: string; month: string; year: string }) {
  const fields = page.getByRole('group', { name: group });
  await fields.getByLabel('Day').fill(date.day);
  await fields.getByLabel('Month').fill(date.month);
  await fields.getByLabel('Year').fill(date.year);
}

describe('an improvement plan, from a sealed return to the board’s approval', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;
  let returnId: string;
  /** The domain given a target, and the action added from its gap. */
  let domain: string;
  let domainId: string;
  let actionTitle: string;

  /** The plan as the API has it now, read as the trust lead. */
  async function plan(): Promise<ImprovementPlan> {
    const response = await page.request.get(`/api/returns/${returnId}/plan`);
    expect(response.status()).toBe(200);
    return (await response.json()) as ImprovementPlan;
  }

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

  it('the trust lead sets a target from the return and adds an action from what the gap needs', async () => {
    await signIn(page, lead);
    await page.goto(`/returns/${returnId}`);
    await page
      .getByRole('navigation', { name: 'Sections of this return' })
      .getByRole('link', { name: 'Plan' })
      .click();
    await page.getByRole('heading', { level: 1, name: /Improvement plan/ }).waitFor();
    await checkPage('plan', /^Improvement plan – /);

    // A domain with no target yet whose level today can rise: its target is level 5, so that what the
    // gap needs has several elements.
    const choice = await page.evaluate(() => {
      const select = [...document.querySelectorAll<HTMLSelectElement>('select[id^="target-"]')].find(
        (item) => item.value === '' && item.options.length > 1,
      );
      if (!select) return null;
      const label = document.querySelector(`label[for="${select.id}"]`)?.textContent ?? '';
      return { id: select.id, label, value: select.options[select.options.length - 1]!.value };
    });
    expect(choice).not.toBeNull();
    domain = choice!.label.replace(/^Target level for /, '');
    domainId = choice!.id.replace(/^target-/, '');
    await page.locator(`#${choice!.id}`).selectOption(choice!.value);
    const target = nextYear();
    await fillDate(page, /Target date/, target);
    // And, optionally, a measure's target score.
    await page
      .getByLabel(/: target score$/)
      .first()
      .fill('4.5');
    await page.getByRole('button', { name: 'Save targets' }).click();
    await page.getByRole('heading', { name: 'The targets have been saved' }).waitFor();
    const saved = await plan();
    expect(saved.targetDate).toBe(target.iso);
    expect(saved.measureTargets.map((item) => item.score)).toContain(4.5);
    expect(saved.targets).toContainEqual({
      domainId: choice!.id.replace(/^target-/, ''),
      level: Number(choice!.value),
    });

    // What the gap needs: the domain's unmet elements of the next level, proposed as actions.
    const gap = page.locator('section', {
      has: page.getByRole('heading', { level: 3, name: domain, exact: true }),
    });
    const add = gap.getByRole('button', { name: /^Add as action/ }).first();
    const proposal = ((await add.textContent()) ?? '').replace(/^Add as action:\s*/, '').trim();
    await add.click();
    await page.getByRole('heading', { name: `Action added: ${proposal}` }).waitFor();
    actionTitle = proposal;
    const actions = page.getByRole('table', { name: 'Actions of the plan' });
    await actions.getByRole('link', { name: proposal, exact: true }).waitFor();
    await checkPage('plan-with-action', /^Improvement plan – /);
  }, 120_000);

  it('the lead gives the action an owner, a due date and a state; the projection shows the scores', async () => {
    await page.goto(`/returns/${returnId}/plan`);
    const before = await plan();
    const action = before.actions.find((item) => item.title === actionTitle && item.owner === null);
    expect(action).toBeDefined();
    await page
      .getByRole('table', { name: 'Actions of the plan' })
      .getByRole('link', { name: action!.title, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: action!.title }).waitFor();
    await checkPage(
      'plan-action',
      new RegExp(`^${action!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} – Improvement plan`),
    );

    // The owner: one of the trust's contributors, who then updates the action.
    const people = (await (
      await page.request.get(`/api/returns/${returnId}/assignees`)
    ).json()) as AssigneeList;
    const contributor = people.items.find(
      (person) => person.email === `contributor.${TRUST.toLowerCase()}@demo.wgll.example`,
    );
    expect(contributor).toBeDefined();
    const ownerName = contributor!.displayName;
    await page.getByLabel('Owner').selectOption(contributor!.id);
    const due = nextYear();
    await fillDate(page, /Due date/, due);
    await page.getByRole('radio', { name: 'In progress' }).check();
    await page.getByRole('radio', { name: 'Revenue' }).check();
    await page.getByRole('button', { name: 'Save the action' }).click();
    await page.getByRole('heading', { name: 'The action has been saved' }).waitFor();
    const after = (await plan()).actions.find((item) => item.id === action!.id);
    expect(after).toMatchObject({ state: 'in-progress', dueDate: due.iso, funding: 'revenue' });
    expect(after?.owner?.displayName).toBe(ownerName);

    // A blocked action needs a reason: the form says so before anything is sent.
    await page.getByRole('radio', { name: 'Blocked' }).check();
    await page.getByRole('button', { name: 'Save the action' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: 'Say what is blocking the action' }).waitFor();
    await page.getByRole('radio', { name: 'In progress' }).check();

    await page.getByRole('link', { name: 'Back to the plan' }).click();
    const row = page.getByRole('table', { name: 'Actions of the plan' }).getByRole('row', {
      name: new RegExp(action!.title.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    });
    await row.getByText('In progress').waitFor();
    await row.getByText(ownerName ?? '').waitFor();

    const projection = page.getByRole('table', { name: 'Scores today, projected and at target' });
    await projection.getByRole('row', { name: /^Overall/ }).waitFor();
    await page.getByText(/^The overall score is \d\.\d today\. If the planned actions are done by/).waitFor();
    const scores = (await plan()).scores;
    expect(scores.projected.overall).not.toBeNull();
    expect(scores.projected.overall!).toBeGreaterThanOrEqual(scores.today.overall!);
  }, 120_000);

  it('the contributor who owns the action updates its state and description, and nothing else', async () => {
    await signIn(page, `contributor.${TRUST.toLowerCase()}@demo.wgll.example`);
    await page.goto(`/returns/${returnId}/plan`);
    // The demo plan gives them actions of their own too.
    await page.getByText(/^You own \d+ actions?:/).waitFor();
    const action = (await plan()).actions.find((item) => item.title === actionTitle)!;
    await page
      .getByRole('table', { name: 'Actions of the plan' })
      .getByRole('link', { name: action.title, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).count()).toBe(0);
    expect(await page.getByLabel('Owner').count()).toBe(0);
    await page
      .getByLabel('Description')
      .fill('Drafted with the chief digital officer; goes to the board in the spring.');
    await page.getByRole('radio', { name: 'Done' }).check();
    await page.getByRole('button', { name: 'Save the action' }).click();
    await page.getByRole('heading', { name: 'The action has been saved' }).waitFor();
    expect((await plan()).actions.find((item) => item.id === action.id)).toMatchObject({
      state: 'done',
      description: 'Drafted with the chief digital officer; goes to the board in the spring.',
    });
    await checkPage('plan-action-owner', /– Improvement plan – /);
  }, 120_000);

  it('the lead adds the rest of the domain’s gap, merges two actions and removes one', async () => {
    await signIn(page, lead);
    await page.goto(`/returns/${returnId}/plan`);
    const gap = page.locator('section', {
      has: page.getByRole('heading', { level: 3, name: domain, exact: true }),
    });
    const addAll = gap.getByRole('button', { name: /^Add all for this domain/ });
    await (
      (await addAll.count()) > 0 ? addAll : gap.getByRole('button', { name: /^Add as action/ }).first()
    ).click();
    await page.getByRole('heading', { name: /^(Action added|\d+ actions added)/ }).waitFor();
    // The actions of the domain, the ones just added first.
    const open = (await plan()).actions
      .filter((item) => item.domainId === domainId)
      .sort((a, b) => Number(a.title === actionTitle) - Number(b.title === actionTitle));
    expect(open.length).toBeGreaterThanOrEqual(2);
    const [first, second] = open as [PlanAction, PlanAction];
    await page.getByRole('checkbox', { name: `Select ${first.title}`, exact: true }).check();
    await page.getByRole('checkbox', { name: `Select ${second.title}`, exact: true }).check();
    await page.getByRole('button', { name: 'Merge selected actions' }).click();
    await page.getByRole('heading', { name: `2 actions merged into “${first.title}”` }).waitFor();
    const merged = await plan();
    expect(merged.actions.some((item) => item.id === second.id)).toBe(false);
    expect(merged.actions.find((item) => item.id === first.id)?.elementIds).toEqual(
      expect.arrayContaining([...first.elementIds, ...second.elementIds]),
    );

    await page
      .getByRole('table', { name: 'Actions of the plan' })
      .getByRole('link', { name: first.title, exact: true })
      .click();
    await page.getByRole('button', { name: 'Remove this action' }).click();
    await page.getByRole('button', { name: 'Yes, remove it' }).click();
    await page.getByRole('heading', { name: `Action removed: ${first.title}` }).waitFor();
    expect((await plan()).actions.some((item) => item.id === first.id)).toBe(false);
  }, 120_000);

  it('the return’s approval page points to the plan', async () => {
    await signIn(page, lead);
    await page.goto(`/returns/${returnId}/approval`);
    await page.getByRole('link', { name: 'Read the improvement plan' }).click();
    await page.getByRole('heading', { level: 1, name: /Improvement plan/ }).waitFor();
  }, 60_000);

  it('a board approver approves the plan of the sealed return on its own', async () => {
    await signIn(page, board);
    await page.goto(`/returns/${returnId}/plan`);
    await page.getByRole('heading', { name: 'Record the board’s approval of the plan' }).waitFor();
    // Nothing typed: the summary says what is missing.
    await page.getByRole('button', { name: 'Approve the plan' }).click();
    await page
      .locator('.nhsuk-error-summary')
      .getByRole('link', { name: 'Enter the minute reference' })
      .waitFor();
    const today = new Date();
    await fillDate(page, /Date of the board meeting/, {
      day: String(today.getDate()),
      month: String(today.getMonth() + 1),
      year: String(today.getFullYear()),
    });
    await page.getByLabel('Minute reference').fill('BM/2026/PLAN-1');
    await page.getByRole('button', { name: 'Approve the plan' }).click();
    await page.getByRole('heading', { name: 'The board’s approval of the plan has been recorded' }).waitFor();
    const approvals = page.getByRole('table', { name: 'Board approvals of the plan' });
    await approvals.getByRole('cell', { name: 'BM/2026/PLAN-1' }).waitFor();
    await checkPage('plan-approved', /^Improvement plan – /);
    await approvals
      .getByRole('row', { name: /BM\/2026\/PLAN-1/ })
      .getByRole('link', { name: /View the plan as approved/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /Plan as approved/ }).waitFor();
    await page.getByText(/minute BM\/2026\/PLAN-1/).waitFor();
    await checkPage('plan-as-approved', /^Plan as approved on /);
  }, 120_000);

  it('the ICS lead sees the member organisations’ plans and the common gaps', async () => {
    await signIn(page, demoUsers.icsLead);
    await page.goto('/ics/QKK');
    await page.getByRole('link', { name: 'Improvement plans' }).click();
    await page.getByRole('heading', { level: 1, name: /Improvement plans/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Common gaps' }).waitFor();
    const organisations = page.getByRole('table', { name: /Member organisations’ plans/ });
    await organisations
      .getByRole('row', { name: /Guy.s and St Thomas/ })
      .first()
      .waitFor();
    const gaps = page.getByRole('table', { name: /^Common gaps in / });
    await gaps.getByRole('columnheader', { name: 'Element' }).waitFor();
    expect(await gaps.locator('tbody tr').count()).toBeGreaterThan(0);
    await checkPage('ics-plans', /^Improvement plans – /);
  }, 120_000);

  it('the regional viewer sees the plans per ICS and who falls short', async () => {
    await signIn(page, demoUsers.regionalViewer);
    await page.goto('/regions/Y56');
    await page.getByRole('link', { name: 'Improvement plans' }).click();
    await page.getByRole('heading', { level: 1, name: /Improvement plans/ }).waitFor();
    await page.getByRole('table', { name: /Plans per integrated care system/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Organisations not reaching/ }).waitFor();
    await checkPage('region-plans', /^Improvement plans – /);
  }, 120_000);

  it('the questionnaire of a draft return says which elements the plan has done, without ticking them', async () => {
    // A South East London trust with a draft return; its lead plans through the API.
    await signIn(page, demoUsers.admin);
    const ics = (await (await page.request.get('/api/ics/QKK')).json()) as IcsDetail;
    let draft: { code: string; id: string } | undefined;
    for (const organisation of ics.organisations) {
      const list = (await (
        await page.request.get(`/api/organisations/${organisation.odsCode}/returns`)
      ).json()) as ReturnList;
      const found = list.items.find((item) => item.state === 'draft');
      if (found) {
        draft = { code: organisation.odsCode, id: found.id };
        break;
      }
    }
    expect(draft).toBeDefined();
    await signIn(page, `lead.${draft!.code.toLowerCase()}@demo.wgll.example`);
    const { csrfToken } = (await (await page.request.get('/api/auth/session')).json()) as SessionInfo;
    const detail = (await (await page.request.get(`/api/returns/${draft!.id}`)).json()) as ReturnDetail;
    const domain = detail.scores.domains.find((item) => item.status === 'scored' && (item.level ?? 5) < 5)!;
    expect(domain).toBeDefined();
    const before = (await (
      await page.request.get(`/api/returns/${draft!.id}/plan`)
    ).json()) as ImprovementPlan;
    const planned = await send<ImprovementPlan>(
      page.request,
      csrfToken,
      'put',
      `/api/returns/${draft!.id}/plan`,
      {
        baseVersion: before.version,
        targetDate: before.targetDate,
        targets: [
          ...before.targets.filter((target) => target.domainId !== domain.domainId),
          { domainId: domain.domainId, level: domain.level! + 1 },
        ],
        measureTargets: before.measureTargets,
      },
    );
    const proposal = planned.proposals.find((item) => item.domainId === domain.domainId)!;
    expect(proposal).toBeDefined();
    const people = (await (
      await page.request.get(`/api/returns/${draft!.id}/assignees`)
    ).json()) as AssigneeList;
    const contributor = people.items.find(
      (person) => person.email === `contributor.${draft!.code.toLowerCase()}@demo.wgll.example`,
    );
    expect(contributor).toBeDefined();
    await send(page.request, csrfToken, 'post', `/api/returns/${draft!.id}/plan/actions`, {
      domainId: proposal.domainId,
      elementIds: [proposal.elementId],
      title: proposal.title,
      description: '',
      ownerId: contributor!.id,
      dueDate: null,
      state: 'done',
      blockedReason: null,
      funding: null,
      expectedBenefit: '',
      evidenceIds: [],
    });

    await page.goto(
      `/returns/${draft!.id}/measures/${domain.measure}?domain=${encodeURIComponent(domain.domainId)}`,
    );
    const checkbox = page.getByRole('checkbox', { name: proposal.title, exact: true });
    await checkbox.waitFor();
    // The hint appears once the plan has arrived, beside the element's checkbox and named by it.
    const hint = 'Your plan says this is done: tick it if it is met';
    await page.getByText(hint).first().waitFor();
    const describedBy = await checkbox.getAttribute('aria-describedby');
    expect(describedBy).not.toBeNull();
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(hint);
    expect(await checkbox.isChecked()).toBe(false);

    // Its owner, a contributor with work on the return, finds it among their assignments.
    await signIn(page, contributor!.email);
    await page.goto('/assignments');
    await page
      .getByRole('table', { name: 'Actions you own' })
      .getByRole('link', { name: proposal.title, exact: true })
      .waitFor();
    await checkPage('assignments-with-actions', 'Your assignments');
  }, 120_000);
});
