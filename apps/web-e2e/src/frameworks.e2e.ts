import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { FrameworkVersion } from '@wgll/framework';
import type { Page } from 'playwright-core';

import { demoUsers, menuLink, signIn, signInWithApi } from './support/auth.js';
import { useJourney } from './support/journey.js';
import { repoRoot } from './support/server.js';

const ORGANISATION_TITLE = 'WGLL self-assessment 2026 (organisations)';
const SYSTEM_TITLE = 'WGLL self-assessment 2026 (integrated care systems)';
const AT_SCENE = 'Electronic patient care records at scene';

/** The bundled organisation framework, as the API serves it, to check the reader against. */
function bundledOrganisationFramework(): FrameworkVersion {
  const file = join(repoRoot, 'libs/framework/question-bank/wgll-self-assessment-2026.organisation.json');
  return JSON.parse(readFileSync(file, 'utf8')) as FrameworkVersion;
}

describe('framework reader', () => {
  const journey = useJourney();
  const { checkPage, visited } = journey;
  let page: Page;

  const framework = bundledOrganisationFramework();
  const atScene = framework.domains.find((domain) => domain.title === AT_SCENE);
  const ePrescribing = framework.domains.find((domain) =>
    /inpatient e(lectronic |-)prescribing/i.test(domain.title),
  );

  beforeAll(async () => {
    page = journey.page;
    // Every page but sign-in needs a signed-in user.
    await signIn(page, demoUsers.admin);
  }, 60_000);

  /** A domain of the reader: its list item, found by its heading. */
  function domainItem(title: string) {
    return page
      .locator('li.wgll-domain')
      .filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });
  }

  it('the bundled question bank has the domains this test reads', () => {
    expect(atScene?.careSettings).toEqual(['ambulance']);
    expect(ePrescribing).toBeDefined();
    expect(ePrescribing?.careSettings).not.toContain('ambulance');
  });

  it('lists both framework versions, reached from the header', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'What Good Looks Like digital maturity' }).waitFor();
    await (await menuLink(page, 'Frameworks')).click();
    await page.waitForURL('**/frameworks');
    await page.getByRole('heading', { level: 1, name: 'What Good Looks Like frameworks' }).waitFor();

    // Rows are found by their link to the exact version: a shared test database may hold other uploads.
    const rowLinkingTo = (href: string) =>
      page.getByRole('row').filter({ has: page.locator(`a[href="${href}"]`) });
    const organisationRow = rowLinkingTo('/frameworks/wgll-self-assessment/versions/2026.1');
    const systemRow = rowLinkingTo('/frameworks/wgll-self-assessment-system/versions/2026.1');
    await organisationRow.waitFor();
    expect(await organisationRow.textContent()).toMatch(
      /Organisations \(trusts\).*2026\.1.*Published.*1 April 2026.*48/,
    );
    expect(await systemRow.textContent()).toMatch(/Integrated care systems \(ICBs\).*2026\.1.*Published.*22/);
    await checkPage('frameworks-01-list', 'What Good Looks Like frameworks');
  }, 60_000);

  it('reads the organisation framework for the ambulance care setting', async () => {
    if (!atScene || !ePrescribing) throw new Error('the bundled domains are missing');
    await page.goto('/frameworks');
    await page.locator('a[href="/frameworks/wgll-self-assessment/versions/2026.1"]').click();
    await page.waitForURL('**/frameworks/wgll-self-assessment/versions/2026.1');
    await page.getByRole('heading', { level: 1, name: ORGANISATION_TITLE }).waitFor();
    // The gating rule is explained once, near the top.
    await page.getByRole('heading', { level: 2, name: 'How the levels work' }).waitFor();
    expect(
      await page.getByText(/every element of that level, and of every level below it, is met/).count(),
    ).toBe(1);
    // Every care setting by default, with each domain's care settings shown.
    await page
      .getByRole('status')
      .filter({ hasText: 'Showing all 48 domains, for every care setting.' })
      .waitFor();
    await page.getByRole('heading', { level: 3, name: ePrescribing.title }).waitFor();
    expect(await domainItem(AT_SCENE).getByText('Ambulance', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'All care settings' }).isChecked()).toBe(true);
    await checkPage('frameworks-02-organisation', `${ORGANISATION_TITLE}, version 2026.1`);

    await page.getByRole('radio', { name: 'Ambulance' }).check();
    await page.getByRole('button', { name: 'Show domains' }).click();
    await page.waitForURL(/\?careSetting=ambulance$/);
    await page.getByRole('status').filter({ hasText: 'for the ambulance care setting.' }).waitFor();
    await page.getByRole('heading', { level: 3, name: AT_SCENE }).waitFor();
    // The page does not jump to the top: the button just pressed is still on screen.
    expect(
      await page
        .getByRole('button', { name: 'Show domains' })
        .evaluate(
          (button) =>
            button.getBoundingClientRect().top >= 0 && button.getBoundingClientRect().bottom <= innerHeight,
        ),
    ).toBe(true);
    const main = page.locator('main');
    expect(await main.textContent()).not.toMatch(/inpatient e(lectronic |-)?prescribing/i);
    expect(await page.getByRole('radio', { name: 'Ambulance' }).isChecked()).toBe(true);

    // The contents list links to each measure's section, with its domain count.
    const contents = page.getByRole('navigation', { name: 'Success measures' });
    expect(await contents.getByRole('link').count()).toBe(7);
    await contents.getByRole('link', { name: /^Improve care \(\d+ domains\)$/ }).click();
    await page.waitForURL(/#measure-improve-care$/);

    // The level ladder is closed until asked for; then it shows every level's elements and evidence.
    const domain = domainItem(AT_SCENE);
    const firstElement = atScene.levels.find((level) => level.level === 2)?.elements[0];
    if (!firstElement) throw new Error(`${AT_SCENE} has no level 2 element`);
    const evidence = domain.getByText(`Evidence: ${firstElement.evidence}`, { exact: true });
    expect(await evidence.isVisible()).toBe(false);
    await domain.getByText('Levels 1 to 5').click();
    await domain.getByRole('heading', { level: 4, name: 'Level 5' }).waitFor();
    await evidence.waitFor();
    await domain.getByText(firstElement.text, { exact: true }).waitFor();
    await domain.getByText(firstElement.guidance, { exact: true }).waitFor();
    expect(
      await domain
        .getByRole('listitem')
        .filter({ hasText: /^Level \d/ })
        .count(),
    ).toBe(5);
    await checkPage(
      'frameworks-03-organisation-ambulance',
      `${ORGANISATION_TITLE}, version 2026.1, the ambulance care setting`,
    );

    // The care setting is in the address, so Back returns to every care setting.
    await page.goBack();
    await page.goBack();
    await page.waitForURL((url) => url.search === '');
    await page.getByRole('heading', { level: 3, name: ePrescribing.title }).waitFor();
    expect(await page.getByRole('radio', { name: 'All care settings' }).isChecked()).toBe(true);
  }, 90_000);

  it('reads the system framework, which has no care setting chooser', async () => {
    await page.goto('/frameworks');
    await page.getByRole('link', { name: SYSTEM_TITLE }).click();
    await page.waitForURL('**/frameworks/wgll-self-assessment-system/versions/2026.1');
    await page.getByRole('heading', { level: 1, name: SYSTEM_TITLE }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Showing all 22 domains.' }).waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.getByText('Show the domains for').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: /^Success measure/ }).count()).toBe(7);
    await page.getByRole('heading', { level: 3, name: 'Shared care record' }).waitFor();
    await checkPage('frameworks-04-system', `${SYSTEM_TITLE}, version 2026.1`);
  }, 60_000);

  it('says what changed in a version since the one it follows, and links both ways', async () => {
    const system2027 = JSON.parse(
      readFileSync(
        join(repoRoot, 'libs/framework/question-bank/wgll-self-assessment-2027.system.json'),
        'utf8',
      ),
    ) as FrameworkVersion;
    await page.goto(`/frameworks/wgll-self-assessment-system/versions/2027.1`);
    await page.getByRole('heading', { level: 1, name: system2027.title }).waitFor();
    await page.getByRole('link', { name: 'What changed since 2026.1' }).click();
    await page.waitForURL('**/frameworks/wgll-self-assessment-system/versions/2027.1/changes');
    await page.getByRole('heading', { level: 1, name: 'What changed since 2026.1' }).waitFor();

    const primaryCare = system2027.domains.find((d) => d.title.startsWith('Primary care: '))!;
    const newTable = page.getByRole('table', { name: /^New: / });
    await newTable.getByRole('link', { name: primaryCare.title }).waitFor();
    // The 2027.1 system bank merges two earlier domains into one (its spec says so).
    const merged = system2027.domains.find((d) => d.lineage.relation === 'merged')!;
    expect(merged).toBeDefined();
    const row = page
      .getByRole('table', { name: /^Merged from earlier domains: / })
      .getByRole('row', { name: new RegExp(merged.title) });
    expect(await row.getByRole('link').count()).toBe(1 + merged.lineage.from!.length);
    const retired = system2027.previousVersion!.retired;
    expect(
      await page
        .getByRole('table', { name: /^Retired: / })
        .getByRole('row')
        .count(),
    ).toBe(retired.length + 1);
    await page
      .getByRole('table', { name: 'The size of a return' })
      .getByRole('row', { name: /Integrated care board/ })
      .waitFor();
    await checkPage('frameworks-05-changes', 'What changed since 2026.1');

    // A domain links to where it is read in full.
    await newTable.getByRole('link', { name: primaryCare.title }).click();
    await page.waitForURL(
      `**/frameworks/wgll-self-assessment-system/versions/2027.1#domain-${primaryCare.id}`,
    );
    await page.getByRole('heading', { level: 3, name: primaryCare.title }).waitFor();

    // A first version has nothing to compare with.
    await page.goto('/frameworks/wgll-self-assessment-system/versions/2026.1/changes');
    await page.getByRole('heading', { level: 1, name: 'No earlier version to compare' }).waitFor();
  }, 90_000);

  it('opens a shared link to the reader directly, with its care setting', async () => {
    const response = await page.goto(
      '/frameworks/wgll-self-assessment/versions/2026.1?careSetting=ambulance',
    );
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: ORGANISATION_TITLE }).waitFor();
    await page.getByRole('heading', { level: 3, name: AT_SCENE }).waitFor();
    expect(await page.getByRole('radio', { name: 'Ambulance' }).isChecked()).toBe(true);
  }, 60_000);

  it('says an unknown framework version was not found', async () => {
    await page.goto('/frameworks/wgll-self-assessment/versions/1999.1');
    await page.getByRole('heading', { level: 1, name: 'Framework not found' }).waitFor();
    await page.getByRole('link', { name: 'See the framework versions' }).waitFor();
    await checkPage('frameworks-05-not-found', 'Framework not found');
  }, 60_000);

  it('explains an unknown care setting in the address, linked to the choices', async () => {
    await page.goto('/frameworks/wgll-self-assessment/versions/2026.1?careSetting=dental');
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#careSetting');
    await page.getByRole('radio', { name: 'All care settings' }).waitFor();
    await checkPage('frameworks-06-care-setting-error', 'Error: Framework version 2026.1');
  }, 60_000);

  it('lets an administrator retire a version uploaded by mistake, after a confirmation', async () => {
    const mistake: FrameworkVersion = {
      ...framework,
      frameworkId: `browser-retire-${randomUUID().slice(0, 8)}`,
      version: '1',
      title: 'Framework uploaded by mistake',
    };
    const context = await journey.browser.newContext({ baseURL: journey.baseUrl });
    const { csrfToken } = await signInWithApi(context.request, demoUsers.admin);
    const uploaded = await context.request.post('/api/frameworks', {
      headers: { 'x-csrf-token': csrfToken },
      data: mistake,
    });
    expect(uploaded.status()).toBe(201);
    await context.close();

    await page.goto(`/frameworks/${mistake.frameworkId}/versions/1`);
    await page.getByRole('heading', { level: 1, name: mistake.title }).waitFor();
    await page.getByRole('button', { name: 'Retire this version' }).click();
    const confirmation = page.getByRole('heading', { name: 'Retire version 1?' });
    await confirmation.waitFor();
    expect(await confirmation.evaluate((heading) => heading === document.activeElement)).toBe(true);
    await checkPage('frameworks-07-retire-confirmation', `${mistake.title}, version 1`);
    await page.getByRole('button', { name: 'Yes, retire version 1' }).click();
    await page.getByRole('heading', { level: 2, name: 'This version has been retired' }).waitFor();
    expect(await page.getByRole('button', { name: 'Retire this version' }).count()).toBe(0);

    await page.goto('/frameworks');
    const row = page
      .getByRole('row')
      .filter({ has: page.locator(`a[href="/frameworks/${mistake.frameworkId}/versions/1"]`) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Retired/);
  }, 90_000);

  it('made no request to any other host, and threw no errors in the page', () => {
    expect(visited.length).toBeGreaterThan(0);
    expect(journey.session.blockedRequests).toEqual([]);
    expect(journey.session.pageErrors).toEqual([]);
  });
});
