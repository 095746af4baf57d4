import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ImprovementPlan, PeerLearning, PeerScope, ReturnDetail, ReturnList } from '@wgll/contracts';
import type { Page } from 'playwright-core';

import { demoUsers, signIn, signInWithApi } from './support/auth.js';
import { useJourney } from './support/journey.js';

/**
 * Peer learning (issue 19) on the demo world: Guy's and St Thomas' (RJ1) has a sealed acute return
 * and an improvement plan; two acute trusts of North East London chose to be named. Its trust lead
 * finds a named peer for a gap, from the plan, and adds it to the plan; then names its own trust.
 */
const TRUST = 'RJ1';
const lead = `lead.${TRUST.toLowerCase()}@demo.wgll.example`;

/** "Guy's and St Thomas'"-style reading of an ODS name, as the web shows it (checked loosely). */
const loose = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

describe('who meets what we lack', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;
  let returnId: string;
  /** A domain of the plan's targets with an element a named peer meets. */
  let domain: { id: string; title: string; inPlan: boolean };
  let element: { id: string; text: string };
  let peerCode: string;

  beforeAll(async () => {
    page = journey.page;
    const context = await journey.browser.newContext({ baseURL: journey.baseUrl });
    await signInWithApi(context.request, demoUsers.admin);
    const list = (await (
      await context.request.get(`/api/organisations/${TRUST}/returns`)
    ).json()) as ReturnList;
    returnId = list.items.find((item) => item.state === 'submitted' && item.careSetting === 'acute')!.id;
    const plan = (await (
      await context.request.get(`/api/returns/${returnId}/plan`)
    ).json()) as ImprovementPlan;
    const detail = (await (await context.request.get(`/api/returns/${returnId}`)).json()) as ReturnDetail;
    const targeted = new Set(plan.proposals.map((p) => p.domainId));
    const order = [
      ...detail.answers.map((a) => a.domainId).filter((id) => targeted.has(id)),
      ...detail.answers.map((a) => a.domainId).filter((id) => !targeted.has(id)),
    ];
    for (const id of order) {
      const peers = (await (
        await context.request.get(`/api/returns/${returnId}/peers?domain=${id}`)
      ).json()) as PeerLearning;
      const found = peers.elements.find((e) => e.named.length > 0);
      if (found) {
        domain = { id, title: peers.domain.title, inPlan: targeted.has(id) };
        element = { id: found.id, text: found.text };
        peerCode = found.named[0]!.organisation.odsCode;
        break;
      }
    }
    expect(element).toBeDefined();
    await context.close();
  }, 180_000);

  it('the trust lead finds a named peer for a gap and adds it to the plan', async () => {
    await signIn(page, lead);
    if (domain.inPlan) {
      await page.goto(`/returns/${returnId}/plan`);
      await page.getByRole('heading', { level: 1, name: /Improvement plan/ }).waitFor();
      await page
        .getByRole('link', { name: `Who meets what we lack in ${domain.title}`, exact: true })
        .click();
    } else {
      await page.goto(`/returns/${returnId}/peers?domain=${encodeURIComponent(domain.id)}`);
    }
    await page.getByRole('heading', { level: 1, name: `Who meets what we lack: ${domain.title}` }).waitFor();
    await checkPage('peers', /^Who meets what we lack – /);

    const section = page.locator('section', { has: page.locator(`#element-${element.id}`) });
    // Organisations not named are counted place by place, the places not overlapping: the counts are
    // the API's answer to the same question for the signed-in lead (fewer than 3 never exact).
    const counted = section
      .locator('h3', { hasText: 'Organisations not named' })
      .locator('xpath=following-sibling::ul[1]')
      .getByRole('listitem');
    const response = await page.request.get(
      `/api/returns/${returnId}/peers?domain=${encodeURIComponent(domain.id)}`,
    );
    expect(response.status()).toBe(200);
    const answer = (await response.json()) as PeerLearning;
    const others = answer.elements.find((e) => e.id === element.id)!.others;
    const places: Record<PeerScope, string> = {
      ics: `in your ICS (${answer.ics!.name})`,
      region: `elsewhere in your region (${answer.region!.name})`,
      england: 'elsewhere in England',
    };
    const sentence = (scope: PeerScope) => {
      const { count, fewerThan } = others[scope];
      const who =
        count === null
          ? `Fewer than ${fewerThan} organisations`
          : count === 0
            ? 'No organisation'
            : `${count.toLocaleString('en-GB')} organisation${count === 1 ? '' : 's'}`;
      const verb = count === 0 || count === 1 ? 'meets' : 'meet';
      return `${who} with an acute return ${places[scope]} ${verb} it.`;
    };
    await expect(counted.allTextContents()).resolves.toEqual(
      (['ics', 'region', 'england'] as const).map(sentence),
    );
    const card = section.locator('li.nhsuk-card').first();
    await expect(card.getByRole('link', { name: /@demo\.wgll\.example$/ }).count()).resolves.toBe(1);
    const peerName = ((await card.getByRole('heading', { level: 4 }).textContent()) ?? '').trim();
    expect(peerName).toMatch(peerCode === 'R1H' ? /Barts/i : /Barking/i);
    await card.getByRole('button', { name: /^Add to our plan/ }).click();
    const title = `Learn from ${peerName}: ${element.text}`;
    await page.getByRole('heading', { name: `Action added to your improvement plan: ${title}` }).waitFor();
    await card.getByText('Added to your plan.').waitFor();

    await page.getByRole('link', { name: 'Go to the improvement plan' }).click();
    await page.getByRole('heading', { level: 1, name: /Improvement plan/ }).waitFor();
    await page
      .getByRole('table', { name: 'Actions of the plan' })
      .getByRole('link', { name: loose(title) })
      .first()
      .waitFor();
  }, 180_000);

  it('the trust lead names the trust for peer learning, with a contact who agreed', async () => {
    await page.goto(`/organisations/${TRUST}/sharing`);
    await page.getByRole('heading', { level: 1, name: 'Sharing for peer learning' }).waitFor();
    await checkPage('sharing', /^Sharing for peer learning – /);
    await page.getByLabel('Name our organisation to others for peer learning').check();
    await page.getByRole('button', { name: 'Save the sharing setting' }).click();
    // No contact yet: the form says what is missing, linked to each field.
    await page.getByRole('link', { name: 'Enter the contact’s name' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Amara Ahmed');
    await page.getByLabel('Role', { exact: true }).fill('Chief Clinical Information Officer');
    await page.getByLabel('E-mail address').fill('amara.ahmed@example.nhs.uk');
    await page.getByLabel(/agreed to be contacted/).check();
    await page.getByRole('button', { name: 'Save the sharing setting' }).click();
    await page.getByRole('heading', { name: 'The sharing setting has been saved' }).waitFor();
    await checkPage('sharing-saved', /^Sharing for peer learning – /);

    // Read again from the server: the page shows what was saved, and who saved it when.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sharing for peer learning' }).waitFor();
    await expect(
      page.getByLabel('Name our organisation to others for peer learning').isChecked(),
    ).resolves.toBe(true);
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Amara Ahmed');
    await expect(page.getByLabel('Role', { exact: true }).inputValue()).resolves.toBe(
      'Chief Clinical Information Officer',
    );
    await expect(page.getByLabel('E-mail address').inputValue()).resolves.toBe('amara.ahmed@example.nhs.uk');
    await expect(page.getByLabel(/agreed to be contacted/).isChecked()).resolves.toBe(true);
    await page.getByText(/^Last changed by .+ on \d{1,2} [A-Z][a-z]+ \d{4}\.$/).waitFor();
  }, 120_000);
});
