import { describe, expect, it } from '@jest/globals';
import type { NationalTargetList, NationalTargets, RegionTargets } from '@wgll/contracts';
import type { Page } from 'playwright-core';

import { demoUsers, menuLink, signIn } from './support/auth.js';
import { useJourney } from './support/journey.js';

const NAME = 'Data platform at level 2 in 60% of trusts by 31 March 2028';

/** The section of the target's progress, found by its heading: exactly the target's name. */
const targetSection = (page: Page) =>
  page.locator('section', { has: page.getByRole('heading', { level: 2, name: NAME, exact: true }) });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('national targets: an administrator sets one and the region sees its progress', () => {
  const journey = useJourney();
  const { checkPage } = journey;

  it('the national administrator creates a target, the form listing what is missing first', async () => {
    const page = journey.page;
    await signIn(page, demoUsers.admin);
    await (await menuLink(page, 'Targets')).click();
    await page.getByRole('heading', { level: 1, name: 'National targets' }).waitFor();
    // The demo's targets are listed.
    await page
      .getByRole('link', { name: 'Electronic patient record in 95% of trusts by 31 March 2027' })
      .waitFor();
    await checkPage('targets-admin', /^National targets – /);

    // Submitted empty: the error summary names each missing answer.
    await page.getByRole('button', { name: 'Create the target' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Enter a name for the target' }).waitFor();
    await summary.getByRole('link', { name: 'Choose the domain' }).waitFor();
    await summary.getByRole('link', { name: /Enter the share of organisations to reach/ }).waitFor();
    await checkPage('targets-admin-errors', /^Error: National targets – |^National targets – /);

    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByLabel('Domain', { exact: true }).selectOption('sf-data-platform');
    await page.getByLabel('Level to reach').selectOption('2');
    await page.getByLabel('Share of organisations to reach (%)').fill('60');
    const date = page.getByRole('group', { name: /Reach it by/ });
    await date.getByLabel('Day').fill('31');
    await date.getByLabel('Month').fill('3');
    await date.getByLabel('Year').fill('2028');
    await page.getByRole('button', { name: 'Create the target' }).click();
    await page.getByRole('heading', { name: `Created the target ${NAME}` }).waitFor();
    await page.getByRole('link', { name: NAME }).waitFor();

    const list = (await (await page.request.get('/api/targets')).json()) as NationalTargetList;
    expect(list.items.find((t) => t.name === NAME)).toMatchObject({
      kind: 'domain',
      domainId: 'sf-data-platform',
      level: 2,
      percent: 60,
      dueDate: '2028-03-31',
      careSettings: ['acute', 'community', 'mental-health'],
    });
  }, 180_000);

  it('the target shows its progress on the region’s page, reached from the region results', async () => {
    const page = journey.page;
    await signIn(page, demoUsers.regionalViewer);
    await page.goto('/regions/Y56/results');
    await page.getByRole('link', { name: 'National targets' }).click();
    await page.getByRole('heading', { level: 1, name: /National targets/ }).waitFor();
    const section = targetSection(page);
    await section.waitFor();
    await checkPage('region-targets', /^National targets – /);

    // The page says what the API counted: the latest cycle with data, and who is not yet there.
    const body = (await (await page.request.get('/api/regions/Y56/targets')).json()) as RegionTargets;
    const progress = body.targets.find((p) => p.target.name === NAME)!;
    const area = progress.areas[0]!;
    expect(area.now).not.toBeNull();
    const { met, total } = area.now!.counts;
    await section
      .getByText(new RegExp(`${area.now!.cycle.name}: ${met} of ${total} organisations`))
      .waitFor();
    await section.getByText(/published 2025 results give measure scores only/).waitFor();
    // Organisations not yet there (or without data) are named in the API's order (not yet first), each
    // linking to its results for the cycle and its first care setting.
    const table = section.getByRole('table', { name: /not yet there, or without data/ });
    const links = table.getByRole('link');
    const shown = await links.evaluateAll((anchors) =>
      anchors.map((a) => ({ text: (a.textContent ?? '').trim(), href: a.getAttribute('href') })),
    );
    expect(shown).toHaveLength(area.organisations!.length);
    expect(shown.length).toBeGreaterThan(0);
    area.organisations!.forEach((o, i) => {
      // The page writes ODS capitals in ordinary case; the letters are the same.
      expect(shown[i]!.text.toLowerCase()).toBe(o.organisation.name.toLowerCase());
      expect(shown[i]!.href).toBe(
        `/organisations/${o.organisation.code}/results?cycle=${area.now!.cycle.id}&careSetting=${o.careSettings[0]}`,
      );
    });
  }, 180_000);

  it('the administrator changes the target; England’s page lists each region', async () => {
    const page = journey.page;
    await signIn(page, demoUsers.admin);
    await page.goto('/admin/targets');
    await page.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await checkPage('target-admin', new RegExp(`^${NAME} – National targets – `));
    await page.getByLabel('Share of organisations to reach (%)').fill('70');
    await page.getByRole('button', { name: 'Save the target' }).click();
    await page.getByRole('heading', { name: `Saved the target ${NAME}` }).waitFor();

    await page.goto('/national/results');
    await page.getByRole('link', { name: 'National targets' }).click();
    await page.getByRole('heading', { level: 1, name: /National targets/ }).waitFor();
    const section = targetSection(page);
    await section.getByText(/Target:.*70% of organisations by 31 March 2028/).waitFor();
    await checkPage('national-targets', /^National targets – /);

    // Each region, under "Each region": its heading, what the API counted, and a link to its page.
    const body = (await (await page.request.get('/api/national/targets')).json()) as NationalTargets;
    const regions = body.targets
      .find((p) => p.target.name === NAME)!
      .areas.filter((a) => a.area.type === 'region');
    expect(regions).toHaveLength(7);
    await section.getByText('Each region', { exact: true }).click();
    for (const region of regions) {
      const block = section.locator('div.wgll-target-area', {
        has: page.getByRole('heading', { level: 4, name: new RegExp(`^${escape(region.area.name)} `) }),
      });
      await expect(block.count()).resolves.toBe(1);
      if (region.now) {
        const { met, total } = region.now.counts;
        await block
          .getByText(
            `${region.now.cycle.name}: ${met} of ${total} ${total === 1 ? 'organisation' : 'organisations'}`,
          )
          .waitFor();
      } else {
        await block.getByText('There are no results yet to measure this target against.').waitFor();
      }
      const link = block.getByRole('link', { name: `Organisations of ${region.area.name} not yet there` });
      await expect(link.getAttribute('href')).resolves.toBe(`/regions/${region.area.code}/targets`);
    }
  }, 180_000);
});
