import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Evidence, ReadableReturn, ReturnDetail, SealVerification } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import ExcelJS from 'exceljs';
import type supertest from 'supertest';
import { anonymousClient, type Client, clientWith } from './support/auth.js';
import { answer, getReturn, isoDay, returnsWorld, upTo } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let admin: Client;
let lead: Client;
let board: Client;
let contributor: Client;
let outsider: Client;
let anonymous: Client;
let org: FrameworkVersion;
let ret: ReturnDetail;
let link: Evidence;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The body of a binary response, as bytes. */
async function bytesOf(test: supertest.Test): Promise<{ status: number; type: string; body: Buffer }> {
  const res = await test.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
  return { status: res.status, type: String(res.headers['content-type']), body: res.body as Buffer };
}

async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** A sheet's rows as plain values, header first. */
function rowsOf(book: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  let newReturn: () => Promise<ReturnDetail>;
  ({ admin, lead, board, contributor, org, newReturn } = await returnsWorld(t));
  outsider = await clientWith(t, [{ role: 'trust-lead', scopeCode: 'RC9' }]);
  anonymous = await anonymousClient(t);
  ret = await newReturn();
  const base = `/api/returns/${ret.id}`;
  link = (
    await lead
      .post(`${base}/evidence/links`, {
        title: 'Board digital strategy',
        url: 'https://example.nhs.uk/strategy',
      })
      .expect(201)
  ).body as Evidence;
  for (const [index, domain] of org.domains.entries()) {
    const extra =
      index === 0
        ? { comment: '=Approved by the board in May', confidence: 'high' as const, evidenceIds: [link.id] }
        : { comment: `Comment ${index}`, confidence: 'low' as const };
    await contributor
      .put(`${base}/answers/${domain.id}`, answer(upTo(domain.id, index === 0 ? 4 : 2), extra))
      .expect(200);
  }
  ret = await getReturn(lead, ret.id);
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('a return as a spreadsheet', () => {
  it('has every domain with the elements met in words, level, comment, confidence and evidence', async () => {
    const file = await bytesOf(lead.agent.get(`/api/returns/${ret.id}/export.xlsx`));
    expect(file.status).toBe(200);
    expect(file.type).toBe(XLSX_TYPE);
    const book = await readBook(file.body);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Domains',
      'Elements met',
      'Measures',
      'Evidence',
      'About this data',
    ]);
    const domains = rowsOf(book, 'Domains');
    expect(domains[0]).toEqual([
      'Measure',
      'Domain',
      'Status',
      'Level',
      'Elements met',
      'Comment',
      'Confidence',
      'Evidence',
    ]);
    expect(domains).toHaveLength(org.domains.length + 1);
    for (const [index, domain] of org.domains.entries()) {
      const row = domains[index + 1]!;
      const saved = ret.answers.find((a) => a.domainId === domain.id)!;
      const score = ret.scores.domains.find((d) => d.domainId === domain.id)!;
      const texts = domain.levels.flatMap((l) =>
        l.elements.filter((e) => saved.met.includes(e.id)).map((e) => `Level ${l.level}: ${e.text}`),
      );
      expect(row[0]).toBe(org.measures.find((m) => m.id === domain.measure)!.name);
      expect(row[1]).toBe(domain.title);
      expect(row[3]).toBe(score.level);
      expect(row[4]).toBe(texts.join('\n'));
      // Text a spreadsheet would run as a formula stays text.
      expect(row[5]).toBe(saved.comment);
      expect(row[6]).toBe(saved.confidence === 'high' ? 'High' : 'Low');
      expect(row[7]).toBe(
        index === 0 ? 'Board digital strategy (https://example.nhs.uk/strategy)' : undefined,
      );
    }
    const elements = rowsOf(book, 'Elements met');
    expect(elements).toHaveLength(1 + ret.answers.reduce((n, a) => n + a.met.length, 0));
    const measures = rowsOf(book, 'Measures');
    expect(measures.at(-1)).toEqual(['Overall', Math.round(ret.scores.overall! * 10) / 10]);
    expect(measures).toHaveLength(9);
    expect(rowsOf(book, 'Evidence')[1]).toEqual([
      'Board digital strategy',
      'Link',
      'https://example.nhs.uk/strategy',
      undefined,
      org.domains[0]!.title,
    ]);
    const about = new Map(rowsOf(book, 'About this data').map((row) => [row[0], row[1]]));
    expect(String(about.get('Source'))).toContain('not a sealed copy');
    expect(about.get('Revision')).toBe(1);
  });

  it('only for those who may view the return', async () => {
    expect((await bytesOf(board.agent.get(`/api/returns/${ret.id}/export.xlsx`))).status).toBe(200);
    expect((await outsider.get(`/api/returns/${ret.id}/export.xlsx`)).status).toBe(403);
    expect((await anonymous.get(`/api/returns/${ret.id}/export.xlsx`)).status).toBe(401);
    expect((await lead.get(`/api/returns/not-a-return/export.xlsx`)).status).toBe(404);
  });
});

describe('a sealed return people can read', () => {
  let sealed: ReturnDetail;
  beforeAll(async () => {
    const base = `/api/returns/${ret.id}`;
    await lead.post(`${base}/ready`).expect(200);
    await board
      .post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'Minute 7' })
      .expect(201);
    sealed = (await lead.post(`${base}/submit`).expect(200)).body as ReturnDetail;
  }, 60_000);

  it('reads in titles and element texts, with the canonical copy and its hash unchanged', async () => {
    const base = `/api/returns/${ret.id}`;
    const readable = (await lead.get(`${base}/seals/1/readable`).expect(200)).body as ReadableReturn;
    expect(readable.seal).toMatchObject({ revision: 1, sha256: sealed.seals[0]!.sha256 });
    expect(readable.state).toBe('submitted');
    const first = readable.measures[0]!.domains[0]!;
    expect(first.title).toBe(org.domains[0]!.title);
    expect(first.met.map((e) => e.text)).toEqual(
      org.domains[0]!.levels.flatMap((l) => l.elements.map((e) => e.text)).slice(0, 6),
    );
    expect(first).toMatchObject({ comment: '=Approved by the board in May', confidence: 'high', level: 4 });
    expect(first.evidence).toEqual([
      {
        id: link.id,
        kind: 'link',
        title: 'Board digital strategy',
        url: link.url,
        fileName: null,
        sizeBytes: null,
      },
    ]);
    expect(readable.approvals).toEqual([expect.objectContaining({ minuteReference: 'Minute 7' })]);
    expect(readable.overall).toBe(sealed.scores.overall);

    // The canonical JSON is still the exact copy the hash was computed from.
    const json = await lead.get(`${base}/seals/1`).expect(200);
    expect(createHash('sha256').update(json.text).digest('hex')).toBe(sealed.seals[0]!.sha256);
    const check = (await lead.get(`${base}/seals/1/verification`).expect(200)).body as SealVerification;
    expect(check.verified).toBe(true);

    const file = await bytesOf(lead.agent.get(`${base}/seals/1/export.xlsx`));
    expect(file.status).toBe(200);
    const book = await readBook(file.body);
    const about = new Map(rowsOf(book, 'About this data').map((row) => [row[0], row[1]]));
    expect(String(about.get('Source'))).toContain(sealed.seals[0]!.sha256);
    expect(about.get('State')).toBe('Sealed revision 1 (submitted)');
    expect(rowsOf(book, 'Domains')[1]![1]).toBe(org.domains[0]!.title);
  });

  it('still reads as sealed (readable and workbook) after the return is reopened and edited', async () => {
    const base = `/api/returns/${ret.id}`;
    const readableBefore = (await lead.get(`${base}/seals/1/readable`).expect(200)).body as ReadableReturn;
    const bookBefore = await readBook((await bytesOf(lead.agent.get(`${base}/seals/1/export.xlsx`))).body);

    await admin.post(`${base}/reopen`, { reason: 'Check the first answer again' }).expect(200);
    const first = org.domains[0]!;
    const baseVersion = (await getReturn(lead, ret.id)).answers.find((a) => a.domainId === first.id)!.version;
    await lead
      .put(
        `${base}/answers/${first.id}`,
        answer(upTo(first.id, 2), { baseVersion, comment: 'Changed after reopening', confidence: 'low' }),
      )
      .expect(200);
    const live = await getReturn(lead, ret.id);
    expect(live.answers.find((a) => a.domainId === first.id)?.comment).toBe('Changed after reopening');

    const readableAfter = (await lead.get(`${base}/seals/1/readable`).expect(200)).body as ReadableReturn;
    expect({ ...readableAfter, producedAt: '' }).toEqual({ ...readableBefore, producedAt: '' });
    expect(readableAfter.measures[0]!.domains[0]!).toMatchObject({
      comment: '=Approved by the board in May',
      level: 4,
    });
    const file = await bytesOf(lead.agent.get(`${base}/seals/1/export.xlsx`));
    expect(file.status).toBe(200);
    expect(String(file.type)).toBe(XLSX_TYPE);
    const bookAfter = await readBook(file.body);
    for (const sheet of ['Domains', 'Elements met', 'Measures', 'Evidence'])
      expect(rowsOf(bookAfter, sheet)).toEqual(rowsOf(bookBefore, sheet));
    expect(JSON.stringify(rowsOf(bookAfter, 'Domains'))).not.toContain('Changed after reopening');
  }, 60_000);

  it('404 for a revision not sealed; 403 outside the trust', async () => {
    const base = `/api/returns/${ret.id}`;
    expect((await lead.get(`${base}/seals/2/readable`)).status).toBe(404);
    expect((await lead.get(`${base}/seals/2/export.xlsx`)).status).toBe(404);
    expect((await lead.get(`${base}/seals/0/readable`)).status).toBe(400);
    expect((await outsider.get(`${base}/seals/1/readable`)).status).toBe(403);
    expect((await outsider.get(`${base}/seals/1/export.xlsx`)).status).toBe(403);
  });
});
