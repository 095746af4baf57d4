/**
 * The migration that adds "none of these is met yet" (AddNoneMet1796428029061) on data written before
 * it: answers with nothing ticked and not "not applicable" become confirmed, so a draft keeps the same
 * domains answered and a sealed return its levels, and its seal still verifies. Run on an embedded
 * database of its own (its one connection is the tables' owner), since it takes the column away and
 * migrates again.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { ApiError, ReturnDetail, SealVerification } from '@wgll/contracts';
import { answer, isoDay, returnsWorld, upTo } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ mode: 'embedded' });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

it('keeps earlier answers answered and earlier seals verifying', async () => {
  const { lead, board, org, newReturn } = await returnsWorld(t);
  // A sealed return with three domains at level 1 (nothing ticked).
  const sealed = await newReturn();
  const base = `/api/returns/${sealed.id}`;
  for (const [i, d] of org.domains.entries()) {
    await lead
      .put(
        `${base}/answers/${d.id}`,
        i < 3 ? answer([], { noneMet: true, comment: 'Planned' }) : answer(upTo(d.id, 2)),
      )
      .expect(200);
  }
  await lead.post(`${base}/ready`).expect(200);
  await board.post(`${base}/approvals`, { meetingDate: isoDay(0), minuteReference: 'M1' }).expect(201);
  const submitted = (await lead.post(`${base}/submit`).expect(200)).body as ReturnDetail;
  // A draft with one domain given only a comment.
  const draft = await newReturn();
  await lead
    .put(`/api/returns/${draft.id}/answers/${org.domains[1]!.id}`, answer([], { comment: 'Only a comment' }))
    .expect(200);
  expect((await lead.get(`/api/returns/${draft.id}`).expect(200)).body).toMatchObject({
    progress: { answered: 0 },
  });

  // As before the migration: no column, and the migration not yet run. (The embedded session is the
  // superuser's, which took the application's role once migrated: back to it for this, as at start.)
  await t.dataSource.query(`RESET ROLE`);
  await t.dataSource.query(`ALTER TABLE domain_answer DROP CONSTRAINT domain_answer_none_met`);
  await t.dataSource.query(`ALTER TABLE domain_answer DROP COLUMN none_met`);
  await t.dataSource.query(`DELETE FROM migrations WHERE name = 'AddNoneMet1796428029061'`);
  const ran = await t.dataSource.runMigrations({ transaction: 'each' });
  expect(ran.map((m) => m.name)).toEqual(['AddNoneMet1796428029061']);
  await t.dataSource.query(`SET ROLE wgll_app`);

  const after = (await lead.get(base).expect(200)).body as ReturnDetail;
  expect(after.scores).toEqual(submitted.scores);
  expect(after.progress).toEqual(submitted.progress);
  expect(after.answers.filter((a) => a.noneMet).map((a) => a.domainId)).toEqual(
    org.domains
      .slice(0, 3)
      .map((d) => d.id)
      .sort(),
  );
  const check = (await lead.get(`${base}/seals/1/verification`).expect(200)).body as SealVerification;
  expect(check).toMatchObject({ verified: true, summary: 'Sealed copy intact; live data matches it.' });

  // Before "none met" existed, any answer counted: the draft's comment-only answer still does.
  const draftAfter = (await lead.get(`/api/returns/${draft.id}`).expect(200)).body as ReturnDetail;
  expect(draftAfter.progress).toMatchObject({ answered: 1 });
  expect(draftAfter.answers[0]).toMatchObject({ noneMet: true, comment: 'Only a comment', version: 1 });

  // New answers start unconfirmed, and the constraint holds again.
  const other = org.domains[2]!.id;
  const refused = await lead.put(
    `/api/returns/${draft.id}/answers/${other}`,
    answer([`${other}-l2-e1`], { noneMet: true }),
  );
  expect(refused.status).toBe(400);
  expect((refused.body as ApiError).errors?.map((e) => e.field)).toEqual(['noneMet']);
  await expect(
    t.dataSource.query(`UPDATE domain_answer SET none_met = true, met = '{x}' WHERE return_id = $1`, [
      draft.id,
    ]),
  ).rejects.toThrow(/domain_answer_none_met/);
});
