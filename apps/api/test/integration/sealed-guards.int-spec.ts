import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ReturnDetail, SealVerification } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import type { DataSource } from 'typeorm';
import { describeRole } from '../../src/database/database-roles.js';
import type { Client } from './support/auth.js';
import { answer, answerAll, getReturn, isoDay, returnsWorld, upTo } from './support/returns.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Tampering in SQL, as the application's database role (CI: DATABASE_URL is that role, the owner
// migrates through DATABASE_MIGRATION_URL). Every attempt is refused and changes nothing.

const GUARDED = [
  'assessment_return',
  'domain_answer',
  'evidence',
  'return_approval',
  'return_seal',
  'result_score',
  'audit_event',
];

let t: TestApp;
let admin: Client;
let lead: Client;
let board: Client;
let org: FrameworkVersion;
let newReturn: () => Promise<ReturnDetail>;

beforeAll(async () => {
  t = await startTestApp();
  ({ admin, lead, board, org, newReturn } = await returnsWorld(t));
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function approveAndSubmit(id: string, minute: string): Promise<ReturnDetail> {
  const base = `/api/returns/${id}`;
  await lead.post(`${base}/ready`).expect(200);
  await board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: minute }).expect(201);
  return (await lead.post(`${base}/submit`).expect(200)).body as ReturnDetail;
}

/** A submitted return of RJ1 with an answer to every domain, a link and a board approval. */
async function sealedReturn(): Promise<ReturnDetail> {
  const ret = await newReturn();
  await answerAll(lead, ret, org);
  await lead
    .post(`/api/returns/${ret.id}/evidence/links`, { title: 'Strategy', url: 'https://example.nhs.uk/s' })
    .expect(201);
  return approveAndSubmit(ret.id, 'M1');
}

/** Everything stored about a return: compared before and after each attempt. */
async function rowsOf(db: DataSource, id: string): Promise<string> {
  const rows = await Promise.all(
    [
      ['assessment_return', 'id'],
      ['domain_answer', 'return_id'],
      ['evidence', 'return_id'],
      ['return_approval', 'return_id'],
      ['return_seal', 'return_id'],
      ['result_score', 'return_id'],
    ].map(([table, key]) =>
      db.query(`SELECT to_jsonb(x) - 'content' AS row FROM ${table} x WHERE ${key} = $1 ORDER BY 1::text`, [
        id,
      ]),
    ),
  );
  const [events] = await db.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM audit_event WHERE target_type = 'return' AND target_id = $1`,
    [id],
  );
  return JSON.stringify({ rows, events });
}

/** Runs the statements in one transaction, which must be refused (so nothing of it is kept). */
async function refusedInTransaction(db: DataSource, statements: [string, unknown[]?][]): Promise<string> {
  const error = await db
    .transaction(async (manager) => {
      for (const [sql, params] of statements) await manager.query(sql, params);
    })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe('a sealed return in SQL, as the application role', () => {
  it('reopening it in SQL, forging an answer and setting it back is refused at each step', async () => {
    const ret = await sealedReturn();
    const before = await rowsOf(t.dataSource, ret.id);
    const domain = org.domains[0]!.id;
    const reopen: [string, unknown[]] = [
      `UPDATE assessment_return SET state = 'draft', revision = revision + 1 WHERE id = $1`,
      [ret.id],
    ];
    const forge: [string, unknown[]] = [
      `UPDATE domain_answer SET comment = 'forged', met = '{}' WHERE return_id = $1 AND domain_id = $2`,
      [ret.id, domain],
    ];
    // Back to revision 1: a revision never goes back.
    expect(
      await refusedInTransaction(t.dataSource, [
        reopen,
        forge,
        [`UPDATE assessment_return SET state = 'submitted', revision = 1 WHERE id = $1`, [ret.id]],
      ]),
    ).toMatch(/RETURN_SEALED/);
    // Submitted again at revision 2: no seal of revision 2.
    expect(
      await refusedInTransaction(t.dataSource, [
        reopen,
        forge,
        [`UPDATE assessment_return SET state = 'submitted' WHERE id = $1`, [ret.id]],
      ]),
    ).toMatch(/RETURN_SEALED: return .* is submitted only with the seal/);
    // Reopened without the API: no audit event, refused at commit.
    expect(await refusedInTransaction(t.dataSource, [reopen])).toMatch(/no audit event/);
    // Other ways to the same end.
    for (const sql of [
      `UPDATE assessment_return SET revision = revision + 1 WHERE id = $1`,
      `UPDATE assessment_return SET state = 'draft', revision = revision + 2 WHERE id = $1`,
      `UPDATE assessment_return SET state = 'draft', revision = revision + 1, care_setting = 'community' WHERE id = $1`,
      `UPDATE domain_answer SET comment = 'tampered' WHERE return_id = $1`,
      `DELETE FROM domain_answer WHERE return_id = $1`,
      `UPDATE evidence SET title = 'tampered' WHERE return_id = $1`,
      `UPDATE return_approval SET withdrawn_at = now() WHERE return_id = $1`,
      `DELETE FROM return_approval WHERE return_id = $1`,
      `UPDATE return_seal SET snapshot = snapshot || ' ' WHERE return_id = $1`,
      `DELETE FROM return_seal WHERE return_id = $1`,
      `INSERT INTO return_seal (return_id, revision, snapshot, sha256, sealed_by)
         SELECT return_id, revision + 1, snapshot, sha256, sealed_by FROM return_seal WHERE return_id = $1`,
      `DELETE FROM assessment_return WHERE id = $1`,
    ]) {
      // Seals are never updated or deleted: the application role lacks the privilege as well as the
      // trigger refusing (the trigger itself is tested as the tables' owner in tamper-detection).
      await expect(t.dataSource.query(sql, [ret.id])).rejects.toThrow(
        /RETURN_SEALED|never|permission denied/,
      );
    }
    expect(await rowsOf(t.dataSource, ret.id)).toBe(before);
    const check = (await lead.get(`/api/returns/${ret.id}/seals/1/verification`).expect(200))
      .body as SealVerification;
    expect(check.verified).toBe(true);
    expect((await getReturn(lead, ret.id)).state).toBe('submitted');
  });

  it('answers and evidence never move from a sealed return to a draft one', async () => {
    const ret = await sealedReturn();
    const draft = await newReturn();
    const before = await rowsOf(t.dataSource, ret.id);
    await expect(
      t.dataSource.query(`UPDATE domain_answer SET return_id = $2 WHERE return_id = $1`, [ret.id, draft.id]),
    ).rejects.toThrow(/never moves to another return/);
    await expect(
      t.dataSource.query(`UPDATE evidence SET return_id = $2 WHERE return_id = $1`, [ret.id, draft.id]),
    ).rejects.toThrow(/never moves to another return/);
    // A draft cannot be inserted as submitted, nor given a seal it was not approved for.
    await expect(
      t.dataSource.query(
        `INSERT INTO assessment_return (cycle_id, level, organisation_code, care_setting, framework_id,
           framework_version, state)
         SELECT cycle_id, level, organisation_code, 'community', framework_id, framework_version, 'submitted'
         FROM assessment_return WHERE id = $1`,
        [ret.id],
      ),
    ).rejects.toThrow(/RETURN_SEALED/);
    await expect(
      t.dataSource.query(
        `INSERT INTO return_seal (return_id, revision, snapshot, sha256, sealed_by)
         SELECT $2, 1, snapshot, sha256, sealed_by FROM return_seal WHERE return_id = $1`,
        [ret.id, draft.id],
      ),
    ).rejects.toThrow(/only the current revision of an approved return is sealed/);
    expect(await rowsOf(t.dataSource, ret.id)).toBe(before);
  });

  it('a sealed return’s scores cannot be changed, removed or forged; published rows only replaced', async () => {
    const ret = await sealedReturn();
    const before = await rowsOf(t.dataSource, ret.id);
    const [score] = await t.dataSource.query<{ overall: number; revision: number }[]>(
      `SELECT overall, revision FROM result_score WHERE return_id = $1`,
      [ret.id],
    );
    expect(score).toMatchObject({ revision: 1 });
    for (const sql of [
      `UPDATE result_score SET overall = 5 WHERE return_id = $1`,
      `UPDATE result_score SET measures = '{}' WHERE return_id = $1`,
      `UPDATE result_score SET revision = revision + 1, overall = 5 WHERE return_id = $1`,
      `UPDATE result_score SET source = 'published' WHERE return_id = $1`,
      `DELETE FROM result_score WHERE return_id = $1`,
    ]) {
      await expect(t.dataSource.query(sql, [ret.id])).rejects.toThrow(/RESULT_SEALED/);
    }
    // Another return's scores written without its seal.
    const draft = await newReturn();
    await expect(
      t.dataSource.query(
        `INSERT INTO result_score (cycle_id, source, level, organisation_code, ics_code, care_setting, measures,
           overall, domain_levels, return_id, revision)
         SELECT r.cycle_id, 'sealed', 'organisation', r.organisation_code, s.ics_code, r.care_setting, s.measures,
           s.overall, s.domain_levels, r.id, 1
         FROM assessment_return r, result_score s WHERE r.id = $1 AND s.return_id = $2`,
        [draft.id, ret.id],
      ),
    ).rejects.toThrow(/RESULT_SEALED/);
    expect(await rowsOf(t.dataSource, ret.id)).toBe(before);

    // Published rows: written for an import of their cycle, deleted when replaced, never edited.
    // (A stand-in import, removed afterwards: other suites list the imports.)
    const importId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO result_import (id, cycle_id, file_name, sha256, source_title, state, workbook, names)
       VALUES ($1, $2, 'guards.xlsx', $3, 'Guards', 'review', '{}', '[]')`,
      [importId, ret.cycle.id, randomUUID().replace(/-/g, '').padEnd(64, '0')],
    );
    try {
      const publish = (cycleId: string, imported: string | null) =>
        t.dataSource.query(
          `INSERT INTO result_score (cycle_id, source, level, organisation_code, ics_code, measures, import_id)
           VALUES ($1, 'published', 'organisation', 'RJ1', 'QKK', '{"well-led": 2}', $2)`,
          [cycleId, imported],
        );
      await expect(publish(ret.cycle.id, null)).rejects.toThrow(/RESULT_SEALED/);
      await expect(publish(draft.cycle.id, importId)).rejects.toThrow(/RESULT_SEALED/);
      await publish(ret.cycle.id, importId);
      await expect(
        t.dataSource.query(`UPDATE result_score SET measures = '{"well-led": 5}' WHERE import_id = $1`, [
          importId,
        ]),
      ).rejects.toThrow(/RESULT_SEALED/);
    } finally {
      await t.dataSource.query(`DELETE FROM result_score WHERE import_id = $1`, [importId]);
      await t.dataSource.query(`DELETE FROM result_import WHERE id = $1`, [importId]);
    }
  });

  it('TRUNCATE is refused on every table holding sealed or audited data', async () => {
    const ret = await sealedReturn();
    const before = await rowsOf(t.dataSource, ret.id);
    for (const table of GUARDED) {
      await expect(t.dataSource.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(
        /never truncated|permission denied/,
      );
    }
    await expect(t.dataSource.query(`TRUNCATE cycle CASCADE`)).rejects.toThrow(
      /never truncated|permission denied/,
    );
    expect(await rowsOf(t.dataSource, ret.id)).toBe(before);
  });
});

describe('the legitimate paths still work', () => {
  it('seal, reopen and reseal: scores move to the new revision; what revision 1 sealed stays fixed', async () => {
    const ret = await sealedReturn();
    const base = `/api/returns/${ret.id}`;
    await admin.post(`${base}/reopen`, { reason: 'A correction' }).expect(200);
    // Revision 1's approval and evidence are fixed even now the return is a draft again.
    await expect(
      t.dataSource.query(`UPDATE return_approval SET minute_reference = 'x' WHERE return_id = $1`, [ret.id]),
    ).rejects.toThrow(/RETURN_SEALED/);
    await expect(
      t.dataSource.query(`DELETE FROM return_approval WHERE return_id = $1`, [ret.id]),
    ).rejects.toThrow(/RETURN_SEALED/);
    await expect(
      t.dataSource.query(`UPDATE evidence SET sha256 = NULL, title = 'x' WHERE return_id = $1`, [ret.id]),
    ).rejects.toThrow(/evidence never changes/);
    // The old scores stay until the next seal.
    await expect(
      t.dataSource.query(`DELETE FROM result_score WHERE return_id = $1`, [ret.id]),
    ).rejects.toThrow(/RESULT_SEALED/);

    const domain = org.domains[1]!;
    const current = (await getReturn(lead, ret.id)).answers.find((a) => a.domainId === domain.id)!;
    await lead
      .put(`${base}/answers/${domain.id}`, answer(upTo(domain.id, 5), { baseVersion: current.version }))
      .expect(200);
    const evidenceId = (await getReturn(lead, ret.id)).evidence[0]!.id;
    await lead.delete(`${base}/evidence/${evidenceId}`).expect(204);
    const second = await approveAndSubmit(ret.id, 'M2');
    expect(second).toMatchObject({ state: 'submitted', revision: 2 });
    const [score] = await t.dataSource.query<{ revision: number; overall: number }[]>(
      `SELECT revision, overall FROM result_score WHERE return_id = $1`,
      [ret.id],
    );
    expect(score!.revision).toBe(2);
    expect(score!.overall).toBe(second.scores.overall);
    for (const revision of [1, 2]) {
      const check = (await lead.get(`${base}/seals/${revision}/verification`).expect(200))
        .body as SealVerification;
      expect(check.verified).toBe(true);
    }
    // A revision already sealed is never reopened to again, even with an audit event.
    await expect(
      t.dataSource.transaction(async (m) => {
        await m.query(
          `INSERT INTO audit_event (action, target_type, target_id, details) VALUES ('return.reopened', 'return', $1, '{"revision": 2}')`,
          [ret.id],
        );
        await m.query(`UPDATE assessment_return SET state = 'draft', revision = 2 WHERE id = $1`, [ret.id]);
      }),
    ).rejects.toThrow(/RETURN_SEALED/);
  });
});

describe('the application role', () => {
  it('owns nothing, is no superuser and cannot truncate or disable a trigger', async () => {
    const { role, risks } = await describeRole(t.dataSource);
    if (risks.length > 0) {
      throw new Error(
        `The tests connect as ${role}, which ${risks.join(', ')}. Run them as the application role: ` +
          'DATABASE_URL=postgres://wgll_app@…, DATABASE_MIGRATION_URL=postgres://wgll_owner@… ' +
          '(npm run db:roles; README, "Database roles").',
      );
    }
    await expectRefusedAndRolledBack(t.dataSource, `ALTER TABLE domain_answer DISABLE TRIGGER ALL`);
    await expectRefusedAndRolledBack(
      t.dataSource,
      `ALTER TABLE return_seal DISABLE TRIGGER return_seal_immutable`,
    );
    await expectRefusedAndRolledBack(t.dataSource, `DROP TRIGGER result_score_guard ON result_score`);
    await expectRefusedAndRolledBack(t.dataSource, `SET session_replication_role = replica`);
    await expectRefusedAndRolledBack(t.dataSource, `CREATE TABLE guard_probe (id int)`);
  });

  it('in embedded mode the session runs as wgll_app once migrated', async () => {
    const embedded = await startTestApp({ mode: 'embedded' });
    try {
      expect(await describeRole(embedded.dataSource)).toEqual({ role: 'wgll_app', risks: [] });
      await expectRefusedAndRolledBack(embedded.dataSource, `ALTER TABLE domain_answer DISABLE TRIGGER ALL`);
      await expect(embedded.dataSource.query(`TRUNCATE domain_answer`)).rejects.toThrow(/permission denied/);
    } finally {
      await embedded.close();
    }
  }, 180_000);
});

/** Runs one statement in a transaction that is rolled back whatever happens: it must be refused. */
async function expectRefusedAndRolledBack(db: DataSource, sql: string): Promise<void> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    await expect(runner.query(sql)).rejects.toThrow(/must be owner|permission denied|superuser/);
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}
