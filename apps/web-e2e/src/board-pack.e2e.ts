import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from '@jest/globals';
import type { IcsCompletion, ResultCycleList, ReturnList } from '@wgll/contracts';
import type { Page } from 'playwright-core';

import { demoUsers, signIn, signInWithApi, signOut } from './support/auth.js';
import { resultsDir } from './support/browser.js';
import { useJourney } from './support/journey.js';

/** poppler-utils' tools, which turn the downloaded PDF into text and page images. */
function poppler(tool: 'pdfinfo' | 'pdftotext' | 'pdftoppm', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${tool} was not found: install poppler-utils (apt-get install -y poppler-utils)`);
    throw error;
  }
}

/** Saves the download a click starts, renders its pages at 60 dpi to PNG, and returns what it found. */
async function downloadPack(page: Page, linkName: RegExp, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  mkdirSync(resultsDir, { recursive: true });
  const pdf = join(resultsDir, `${name}.pdf`);
  await download.saveAs(pdf);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', [pdf]))?.[1]);
  for (const old of readdirSync(resultsDir).filter((f) => f.startsWith(`${name}-page-`)))
    rmSync(join(resultsDir, old));
  poppler('pdftoppm', ['-r', '60', '-png', pdf, join(resultsDir, `${name}-page`)]);
  const images = readdirSync(resultsDir)
    .filter((f) => f.startsWith(`${name}-page-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(resultsDir, f));
  return {
    fileName: download.suggestedFilename(),
    pages,
    images,
    text: poppler('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']),
  };
}

describe('the board pack, downloaded from the return pages and rendered', () => {
  const journey = useJourney();
  const { checkPage } = journey;
  let page: Page;
  let sealedId: string;
  let draft: { id: string; lead: string };

  beforeAll(async () => {
    page = journey.page;
    const context = await journey.browser.newContext({ baseURL: journey.baseUrl });
    await signInWithApi(context.request, demoUsers.admin);
    const list = (await (await context.request.get('/api/organisations/RJ1/returns')).json()) as ReturnList;
    sealedId = list.items.find((r) => r.state === 'submitted' && r.careSetting === 'acute')!.id;
    // A trust of the demo ICS whose return is still a draft.
    const cycles = (await (await context.request.get('/api/results/cycles')).json()) as ResultCycleList;
    const current = cycles.items.find((c) => c.current)!;
    const completion = (await (
      await context.request.get(`/api/ics/QKK/completion?cycle=${current.id}`)
    ).json()) as IcsCompletion;
    const row = completion.rows.find((r) => r.level === 'organisation' && r.state === 'draft')!;
    const theirs = (await (
      await context.request.get(`/api/organisations/${row.odsCode}/returns`)
    ).json()) as ReturnList;
    draft = {
      id: theirs.items.find((r) => r.state === 'draft' && r.careSetting === row.careSetting)!.id,
      lead: `lead.${row.odsCode.toLowerCase()}@demo.wgll.example`,
    };
    await context.close();
  }, 60_000);

  it('the final pack of a sealed revision: every page rendered, the hash on each', async () => {
    await signIn(page, 'lead.rj1@demo.wgll.example');
    await page.goto(`/returns/${sealedId}`);
    await page.getByRole('heading', { level: 2, name: 'Board pack' }).waitFor();
    await checkPage('board-pack-01-overview', /return/i);
    expect(await page.getByRole('link', { name: /^Download the draft board pack/ }).count()).toBe(0);

    const pack = await downloadPack(
      page,
      /^Download the board pack for revision 1 \(PDF, under 1 MB\)$/,
      'board-pack-final',
    );
    expect(pack.fileName).toMatch(/^board-pack-rj1-acute-.+-revision-1\.pdf$/);
    expect(pack.pages).toBeGreaterThanOrEqual(4);
    expect(pack.images).toHaveLength(pack.pages);
    for (const image of pack.images) expect(statSync(image).size).toBeGreaterThan(5_000);
    const hash = (await (await page.request.get(`/api/returns/${sealedId}`)).json()) as {
      seals: { revision: number; sha256: string }[];
    };
    const sha = hash.seals.find((s) => s.revision === 1)!.sha256;
    const pages = pack.text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(pack.pages);
    pages.forEach((text, i) => {
      expect(text).toContain(`SHA-256 ${sha}`);
      expect(text).toContain(`Page ${i + 1} of ${pack.pages}`);
    });
    expect(pack.text).toContain('2. Biggest gaps and what the next level needs');
    expect(pack.text).toContain('4. Improvement plan');

    // The sealed revision's page offers the same pack.
    await page.goto(`/returns/${sealedId}/seals/1`);
    await page.getByRole('heading', { level: 1, name: 'Sealed return, revision 1' }).waitFor();
    await page.getByRole('link', { name: /^Download the board pack for revision 1 \(PDF/ }).waitFor();
    await checkPage('board-pack-02-seal', /Sealed return, revision 1/);
    await signOut(page);
  }, 180_000);

  it('the draft pack of a return being prepared, watermarked on every page', async () => {
    await signIn(page, draft.lead);
    await page.goto(`/returns/${draft.id}`);
    await page.getByRole('heading', { level: 2, name: 'Board pack' }).waitFor();
    await checkPage('board-pack-03-draft-overview', /return/i);
    // The review page (long: its own tests scan it) offers the same draft pack.
    await page.goto(`/returns/${draft.id}/review`);
    await page.getByRole('heading', { level: 1, name: 'Review the return' }).waitFor();
    const pack = await downloadPack(
      page,
      /^Download the draft board pack \(PDF, under 1 MB\)$/,
      'board-pack-draft',
    );
    expect(pack.fileName).toMatch(/-draft\.pdf$/);
    expect(pack.images).toHaveLength(pack.pages);
    // Every page has text (an empty extraction fails here), and the watermark.
    const pages = pack.text.split('\f').slice(0, pack.pages);
    expect(pack.pages).toBeGreaterThanOrEqual(3);
    expect(pages).toHaveLength(pack.pages);
    for (const text of pages) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).toContain('Draft – not approved');
    }
    expect(pack.text).toContain('Not approved yet');
    expect(existsSync(pack.images[0]!)).toBe(true);
    await signOut(page);
  }, 180_000);
});
