import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AnswerConflictError, ApiError, ReturnHistory, SaveAnswerResult } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import type { Client } from './support/auth.js';
import { answer, getReturn, returnsWorld } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// An autosave of the answer this process saved last writes in one statement, from what it remembers
// of the return, its cycle and the answer (AnswerMemory). Here the database changes underneath it, as
// another API process or an administrator would change it: the save must see what is stored.
let t: TestApp;
let lead: Client;
let org: FrameworkVersion;
let newReturn: () => Promise<{ id: string }>;

beforeAll(async () => {
  t = await startTestApp();
  ({ lead, org, newReturn } = await returnsWorld(t));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A new return with one answer saved twice, so that the next save of it goes the remembered way. */
async function rememberedAnswer(): Promise<{ id: string; path: string; domainId: string }> {
  const ret = await newReturn();
  const domainId = org.domains[0]!.id;
  const path = `/api/returns/${ret.id}/answers/${domainId}`;
  await lead.put(path, answer([], { comment: 'one' })).expect(200);
  await lead.put(path, answer([], { baseVersion: 1, comment: 'two' })).expect(200);
  return { id: ret.id, path, domainId };
}

async function savedEntries(returnId: string, domainId: string) {
  const history = (await lead.get(`/api/returns/${returnId}/history?pageSize=100`)).body as ReturnHistory;
  return history.items.filter((e) => e.action === 'return.answer-saved' && e.details.domainId === domainId);
}

describe('a save from what this process remembers', () => {
  it('is refused when the cycle has closed since, and writes nothing', async () => {
    const { id, path, domainId } = await rememberedAnswer();
    await t.dataSource.query(
      `UPDATE cycle SET opens_on = DATE '2020-01-01', closes_on = DATE '2020-12-31'
       WHERE id = (SELECT cycle_id FROM assessment_return WHERE id = $1)`,
      [id],
    );
    const res = await lead.put(path, answer([], { baseVersion: 2, comment: 'three' }));
    expect(res.status).toBe(409);
    expect((res.body as ApiError).code).toBe('CYCLE_NOT_OPEN');
    const stored = (await getReturn(lead, id)).answers.find((a) => a.domainId === domainId);
    expect([stored?.version, stored?.comment]).toEqual([2, 'two']);
    expect(await savedEntries(id, domainId)).toHaveLength(2);
  });

  it('gets 409 with the stored answer when another process saved it since', async () => {
    const { id, path, domainId } = await rememberedAnswer();
    await t.dataSource.query(
      `UPDATE domain_answer SET comment = 'elsewhere', version = 3, updated_at = now()
       WHERE return_id = $1 AND domain_id = $2`,
      [id, domainId],
    );
    const stale = await lead.put(path, answer([], { baseVersion: 2, comment: 'three' }));
    expect(stale.status).toBe(409);
    expect((stale.body as AnswerConflictError).current).toMatchObject({ version: 3, comment: 'elsewhere' });
    const saved = await lead.put(path, answer([], { baseVersion: 3, comment: 'four' }));
    expect(saved.status).toBe(200);
    expect((saved.body as SaveAnswerResult).answer).toMatchObject({ version: 4, comment: 'four' });
    const [latest] = await savedEntries(id, domainId);
    expect(latest?.details).toMatchObject({
      version: 4,
      before: { comment: 'elsewhere' },
      after: { comment: 'four' },
    });
  });

  it('audits what is stored, not what it remembers, when the answer changed at the same version', async () => {
    const { id, path, domainId } = await rememberedAnswer();
    await t.dataSource.query(
      `UPDATE domain_answer SET comment = 'changed in place', updated_at = now()
       WHERE return_id = $1 AND domain_id = $2`,
      [id, domainId],
    );
    await lead.put(path, answer([], { baseVersion: 2, comment: 'three' })).expect(200);
    const [latest] = await savedEntries(id, domainId);
    expect(latest?.details).toMatchObject({
      version: 3,
      before: { comment: 'changed in place' },
      after: { comment: 'three' },
    });
  });

  it("answers with the return's state as stored when it changed since", async () => {
    const { id, path } = await rememberedAnswer();
    await t.dataSource.query("UPDATE assessment_return SET state = 'awaiting-approval' WHERE id = $1", [id]);
    const saved = await lead.put(path, answer([], { baseVersion: 2, comment: 'three' }));
    expect(saved.status).toBe(200);
    expect(saved.body as SaveAnswerResult).toMatchObject({
      state: 'awaiting-approval',
      answer: { version: 3, comment: 'three' },
    });
  });
});
