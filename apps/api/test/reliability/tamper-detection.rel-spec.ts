/**
 * Tampering with plain SQL, as someone with the database's superuser would: the seal check must see
 * live rows that differ from the sealed copy, and a changed sealed copy; the audit log's hash chain
 * must show an edited, deleted or moved entry. Every change to the shared audit log is put back.
 *
 * Tampering needs the tables' owner or a superuser (to disable the guarding triggers), which the app
 * itself is not: with DATABASE_URL the test opens its own connection as DATABASE_MIGRATION_URL's
 * role (the owner, in CI) or else DATABASE_URL's; in embedded mode it drops the app's SET ROLE for
 * the transaction (the session underneath is the embedded database's superuser).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuditChainVerification, ReturnDetail, SealVerification } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import pg from 'pg';
import type { Client } from '../integration/support/auth.js';
import { AuditChainService } from '../../src/modules/audit/audit-chain.service.js';
import { answer, answerAll, isoDay, returnsWorld, upTo } from '../integration/support/returns.js';
import { startTestApp, type TestApp } from '../integration/support/test-app.js';

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
let tamperings = 0;
afterAll(async () => {
  process.stdout.write(
    `\nSQL tampering: ${tamperings} transactions run behind disabled triggers (tampering, and putting the shared audit log back); every tampering was reported by the seal check or the audit chain check\n`,
  );
  await t?.close();
});

type Statement = [sql: string, params?: unknown[]];

/** Runs statements in one transaction as the superuser, with `tables`' own triggers disabled. */
async function tamper(tables: string[], statements: Statement[]): Promise<unknown[][]> {
  tamperings += 1;
  const all: Statement[] = [
    ...tables.map((table): Statement => [`ALTER TABLE ${table} DISABLE TRIGGER USER`]),
    ...statements,
    ...tables.map((table): Statement => [`ALTER TABLE ${table} ENABLE TRIGGER USER`]),
  ];
  const results: unknown[][] = [];
  const url = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      for (const [sql, params] of all) results.push((await client.query(sql, params)).rows as unknown[]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      await client.end();
    }
  } else {
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('SET LOCAL ROLE NONE');
      for (const [sql, params] of all) results.push((await runner.query(sql, params)) as unknown[]);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
  return results.slice(tables.length, tables.length + statements.length);
}

/** A trust return answered, approved and sealed (revision 1), with a link as evidence. */
async function sealedReturn(): Promise<ReturnDetail> {
  const ret = await newReturn();
  const base = `/api/returns/${ret.id}`;
  await lead
    .post(`${base}/evidence/links`, { title: 'Board minutes', url: 'https://example.nhs.uk/m' })
    .expect(201);
  await lead.agent
    .post(`${base}/evidence/files`)
    .set('x-csrf-token', lead.csrf)
    .field('title', 'Strategy')
    .attach('file', Buffer.from('%PDF-1.4 strategy'), 'strategy.pdf')
    .expect(201);
  await answerAll(lead, ret, org);
  await lead.post(`${base}/ready`).expect(200);
  await board.post(`${base}/approvals`, { meetingDate: isoDay(-1), minuteReference: 'T1' }).expect(201);
  return (await lead.post(`${base}/submit`).expect(200)).body as ReturnDetail;
}

async function sealCheck(id: string, revision = 1): Promise<SealVerification> {
  return (await lead.get(`/api/returns/${id}/seals/${revision}/verification`).expect(200))
    .body as SealVerification;
}

describe("the guards hold for the tables' owner too (only disabling a trigger gets past them)", () => {
  it('refuses TRUNCATE of every table holding sealed or audited data, and changing or deleting a seal', async () => {
    const ret = await sealedReturn();
    const refusals: string[] = [];
    for (const table of [
      'assessment_return',
      'domain_answer',
      'evidence',
      'return_approval',
      'return_seal',
      'result_score',
      'audit_event',
    ]) {
      await expect(tamper([], [[`TRUNCATE ${table} CASCADE`]])).rejects.toThrow(/never truncated/);
      refusals.push(table);
    }
    await expect(
      tamper([], [[`UPDATE return_seal SET sha256 = sha256 WHERE return_id = $1`, [ret.id]]]),
    ).rejects.toThrow(/RETURN_SEALED/);
    await expect(tamper([], [[`DELETE FROM return_seal WHERE return_id = $1`, [ret.id]]])).rejects.toThrow(
      /RETURN_SEALED/,
    );
    await expect(
      tamper(
        [],
        [
          [
            `INSERT INTO audit_event (action, chain_seq, chain_hash) VALUES ('sign-out', 999999, $1)`,
            ['0'.repeat(64)],
          ],
        ],
      ),
    ).rejects.toThrow(/only by the chainer/);
    expect(refusals).toHaveLength(7);
    expect((await sealCheck(ret.id)).verified).toBe(true);
  });

  it('dates an audit entry itself: a backdated insert gets the time of writing', async () => {
    const [row] = (
      await tamper(
        [],
        [
          [
            `INSERT INTO audit_event (action, occurred_at) VALUES ('sign-out', '2001-01-01T00:00:00Z') RETURNING occurred_at`,
          ],
        ],
      )
    )[0] as { occurred_at: Date }[];
    expect(new Date(row!.occurred_at).getUTCFullYear()).toBeGreaterThanOrEqual(2026);
  });
});

describe('the seal check compares the live data of the sealed revision', () => {
  it('an intact seal over untouched rows says so', async () => {
    const ret = await sealedReturn();
    const check = await sealCheck(ret.id);
    expect(check).toMatchObject({
      revision: 1,
      verified: true,
      summary: 'Sealed copy intact; live data matches it.',
      live: {
        matches: true,
        compared: ['return', 'framework', 'answer', 'evidence', 'approval', 'score'],
        differences: [],
        note: null,
      },
    });
  });

  it('an answer changed behind the triggers: sealed copy intact, live data differs in 1 answer', async () => {
    const ret = await sealedReturn();
    const domainId = org.domains[1]!.id;
    await tamper(
      ['domain_answer'],
      [
        [
          `UPDATE domain_answer SET comment = 'forged' WHERE return_id = $1 AND domain_id = $2`,
          [ret.id, domainId],
        ],
      ],
    );
    const check = await sealCheck(ret.id);
    expect(check.verified).toBe(true);
    expect(check.summary).toBe('Sealed copy intact; live data differs in 1 answer.');
    expect(check.live.differences).toEqual([
      {
        kind: 'answer',
        id: domainId,
        message: `Domain ${domainId}: the comment differs from the sealed copy.`,
      },
    ]);
  });

  it('evidence, approvals and the stored scores changed behind the triggers are found too', async () => {
    const ret = await sealedReturn();
    await tamper(
      ['evidence', 'return_approval', 'result_score'],
      [
        [
          `UPDATE evidence SET url = 'https://evil.example/' WHERE return_id = $1 AND kind = 'link'`,
          [ret.id],
        ],
        [`UPDATE evidence SET content = 'forged'::bytea WHERE return_id = $1 AND kind = 'file'`, [ret.id]],
        [`UPDATE return_approval SET minute_reference = 'T2' WHERE return_id = $1`, [ret.id]],
        [`UPDATE result_score SET overall = 5 WHERE return_id = $1`, [ret.id]],
      ],
    );
    const check = await sealCheck(ret.id);
    expect(check.verified).toBe(true);
    expect(check.live.differences.map((d) => d.kind)).toEqual([
      'evidence',
      'evidence',
      'approval',
      'approval',
      'score',
    ]);
    expect(check.live.differences.map((d) => d.message)).toContain(
      'Evidence "Strategy": the stored file\'s contents no longer match the sealed file.',
    );
    expect(check.summary).toBe(
      'Sealed copy intact; live data differs in 2 evidence items, 2 approvals and 1 score.',
    );
  });

  it('a changed sealed copy fails its hash, and still shows what differs from the live data', async () => {
    const ret = await sealedReturn();
    await tamper(
      ['return_seal'],
      [
        [
          `UPDATE return_seal SET snapshot = replace(snapshot, '"minuteReference":"T1"', '"minuteReference":"T9"')
           WHERE return_id = $1`,
          [ret.id],
        ],
      ],
    );
    const check = await sealCheck(ret.id);
    expect(check.verified).toBe(false);
    expect(check.computedSha256).not.toBe(check.sha256);
    expect(check.summary).toBe(
      'Sealed copy changed: it no longer matches the hash recorded when the return was sealed; live data differs in 2 approvals.',
    );
  });

  it('a sealed copy rewritten with a matching stored hash still disagrees with the audit log', async () => {
    const ret = await sealedReturn();
    const forged = `replace(snapshot, '"minuteReference":"T1"', '"minuteReference":"T9"')`;
    await tamper(
      ['return_seal'],
      [
        [
          `UPDATE return_seal SET snapshot = ${forged},
             sha256 = encode(sha256(convert_to(${forged}, 'UTF8')), 'hex') WHERE return_id = $1`,
          [ret.id],
        ],
      ],
    );
    const check = await sealCheck(ret.id);
    expect(check.computedSha256).toBe(check.sha256);
    expect(check.auditedSha256).toBe(ret.seals[0]!.sha256);
    expect(check.verified).toBe(false);
    expect(check.summary).toBe(
      'Sealed copy replaced: its hash is not the one the audit log recorded when the return was sealed; live data differs in 2 approvals.',
    );
  });

  it('after a reopening the answers belong to the new revision; one put back to the sealed revision by hand is caught', async () => {
    const ret = await sealedReturn();
    const base = `/api/returns/${ret.id}`;
    await admin.post(`${base}/reopen`, { reason: 'Tamper test' }).expect(200);
    const domainId = org.domains[2]!.id;
    const current = ret.answers.find((a) => a.domainId === domainId)!;
    await lead
      .put(`${base}/answers/${domainId}`, {
        baseVersion: current.version,
        met: [],
        notApplicable: false,
        noneMet: false,
        comment: 'revision 2',
        confidence: 'low',
        evidenceIds: [],
      })
      .expect(200);
    const reopened = await sealCheck(ret.id);
    expect(reopened).toMatchObject({ verified: true, summary: 'Sealed copy intact; live data matches it.' });
    expect(reopened.live.compared).not.toContain('answer');
    expect(reopened.live.note).toContain('reopened as revision 2');

    // The forgery of the issue: the draft of revision 2 set back to "submitted at revision 1".
    await tamper(
      ['assessment_return'],
      [[`UPDATE assessment_return SET state = 'submitted', revision = 1 WHERE id = $1`, [ret.id]]],
    );
    const forged = await sealCheck(ret.id);
    expect(forged.verified).toBe(true);
    expect(forged.live.differences.map((d) => [d.kind, d.id])).toEqual([['answer', domainId]]);
    expect(forged.summary).toBe('Sealed copy intact; live data differs in 1 answer.');
  });
});

describe('the audit log is a hash chain', () => {
  async function chainCheck(): Promise<AuditChainVerification> {
    return (await admin.get('/api/audit/verification').expect(200)).body as AuditChainVerification;
  }

  /** A linked entry a few from the end, read whole so that it can be put back exactly. */
  async function chainedEntry(offset: number): Promise<{ id: string; seq: number; row: string }> {
    const [rows] = await tamper(
      [],
      [
        [
          `SELECT id::text AS id, chain_seq::int AS seq, row_to_json(e)::text AS row FROM audit_event e
           WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1 OFFSET $1`,
          [offset],
        ],
      ],
    );
    return (rows as { id: string; seq: number; row: string }[])[0]!;
  }

  const putBack = (row: string): Statement[] => [
    [`DELETE FROM audit_event WHERE id = ($1::jsonb ->> 'id')::bigint`, [row]],
    [
      `INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_record(null::audit_event, $1::jsonb)`,
      [row],
    ],
  ];

  it('is intact after ordinary use, and only national administrators may check it', async () => {
    await sealedReturn(); // writes audit entries
    const check = await chainCheck();
    expect(check.intact).toBe(true);
    expect(check.checked).toBeGreaterThan(10);
    expect(check.firstBreak).toBeNull();
    expect(check.summary).toMatch(/^All [\d,]+ entries are intact\./);
    expect(check.head?.seq).toBe(check.checked);
    expect((await lead.get('/api/audit/verification')).status).toBe(403);
  });

  it('links entries written at once, with another process chaining too, in consecutive positions', async () => {
    // A second chainer on the same database, as another API process would run: the advisory lock
    // keeps the two from giving out the same positions.
    const other = new AuditChainService(t.dataSource);
    const before = await chainCheck();
    const ret = await newReturn();
    await Promise.all([
      ...org.domains.map((d) =>
        lead.put(`/api/returns/${ret.id}/answers/${d.id}`, answer(upTo(d.id, 2))).expect(200),
      ),
      ...Array.from({ length: 3 }, () => other.chainPending()),
    ]);
    await other.chainPending();
    const check = await chainCheck();
    expect(check.intact).toBe(true);
    expect(check.pending).toBe(0);
    expect(check.checked).toBeGreaterThanOrEqual(before.checked + org.domains.length);
    expect(check.head?.seq).toBe(check.checked);
  });

  it('refuses changes to a linked entry, other than by a superuser disabling the trigger', async () => {
    const entry = await chainedEntry(3);
    await expect(
      t.dataSource.query(`UPDATE audit_event SET target_label = 'forged' WHERE id = $1`, [entry.id]),
    ).rejects.toThrow(/append-only|permission denied/);
    await expect(
      t.dataSource.query(`UPDATE audit_event SET chain_hash = $2 WHERE id = $1`, [entry.id, '0'.repeat(64)]),
    ).rejects.toThrow(/append-only|permission denied/);
    await expect(t.dataSource.query(`DELETE FROM audit_event WHERE id = $1`, [entry.id])).rejects.toThrow(
      /append-only|permission denied/,
    );
  });

  it('shows an edited entry', async () => {
    await chainCheck();
    const entry = await chainedEntry(3);
    await tamper(
      ['audit_event'],
      [[`UPDATE audit_event SET actor_label = 'forger@example.com' WHERE id = $1`, [entry.id]]],
    );
    try {
      const check = await chainCheck();
      expect(check.intact).toBe(false);
      expect(check.firstBreak).toMatchObject({ eventId: entry.id, seq: entry.seq, kind: 'changed' });
      expect(check.summary).toBe(`The log has been changed: entry #${entry.id} does not match its hash.`);
    } finally {
      await tamper(['audit_event'], putBack(entry.row));
    }
    expect((await chainCheck()).intact).toBe(true);
  });

  it('shows a deleted entry', async () => {
    await chainCheck();
    const entry = await chainedEntry(3);
    const next = await chainedEntry(2);
    await tamper(['audit_event'], [[`DELETE FROM audit_event WHERE id = $1`, [entry.id]]]);
    try {
      const check = await chainCheck();
      expect(check.intact).toBe(false);
      expect(check.firstBreak).toMatchObject({ eventId: next.id, seq: entry.seq + 1, kind: 'missing' });
      expect(check.summary).toBe(
        `The log has been changed: 1 entry before entry #${next.id} is missing: deleted from the log.`,
      );
    } finally {
      await tamper(['audit_event'], putBack(entry.row).slice(1));
    }
    expect((await chainCheck()).intact).toBe(true);
  });

  it('shows entries swapped in the chain', async () => {
    await chainCheck();
    const a = await chainedEntry(4);
    const b = await chainedEntry(3);
    const swap = (x: typeof a, seq: number): Statement => [
      `UPDATE audit_event SET chain_seq = $2 WHERE id = $1`,
      [x.id, seq],
    ];
    await tamper(['audit_event'], [swap(a, -1), swap(b, a.seq), swap(a, b.seq)]);
    try {
      const check = await chainCheck();
      expect(check.intact).toBe(false);
      expect(check.firstBreak).toMatchObject({ eventId: b.id, seq: a.seq, kind: 'changed' });
    } finally {
      await tamper(['audit_event'], [swap(a, -1), swap(b, b.seq), swap(a, a.seq)]);
    }
    expect((await chainCheck()).intact).toBe(true);
  });
});
