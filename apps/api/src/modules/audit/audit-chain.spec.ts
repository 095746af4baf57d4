import { describe, expect, it } from '@jest/globals';
import {
  CHAIN_GENESIS,
  type ChainContent,
  type ChainedRow,
  chainHash,
  chainVerification,
  linkRows,
  startWalk,
  walkChain,
} from './audit-chain.js';

function row(id: number, extra: Partial<ChainContent> = {}): ChainContent {
  return {
    id: String(id),
    occurredAt: `2026-12-04T10:00:0${id % 10}.123456Z`,
    actorId: null,
    actorLabel: 'someone@example.nhs.uk',
    action: 'sign-in.succeeded',
    targetType: null,
    targetId: null,
    targetLabel: null,
    ip: '127.0.0.1',
    userAgent: null,
    details: '{}',
    ...extra,
  };
}

/** A chain of `n` linked rows, as the chainer leaves them. */
function chain(n: number): ChainedRow[] {
  const rows = Array.from({ length: n }, (_, i) => row(i + 1));
  const links = linkRows(null, rows);
  return rows.map((r, i) => ({ ...r, seq: links[i]!.seq, hash: links[i]!.hash }));
}

const check = (rows: ChainedRow[], pending = 0) =>
  chainVerification(walkChain(startWalk(), rows), pending, new Date('2026-12-04T12:00:00Z'));

describe('the audit hash chain', () => {
  it('links rows in order from the last link, each hash covering the one before', () => {
    const links = linkRows(null, [row(1), row(2)]);
    expect(links.map((l) => l.seq)).toEqual([1, 2]);
    expect(links[0]!.hash).toBe(chainHash(CHAIN_GENESIS, row(1)));
    expect(links[1]!.hash).toBe(chainHash(links[0]!.hash, row(2)));
    const more = linkRows({ seq: 2, hash: links[1]!.hash }, [row(3)]);
    expect(more).toEqual([{ id: '3', seq: 3, hash: chainHash(links[1]!.hash, row(3)) }]);
  });

  it('hashes every content field', () => {
    const base = chainHash(CHAIN_GENESIS, row(1));
    const fields: Partial<ChainContent>[] = [
      { id: '2' },
      { occurredAt: '2026-12-04T10:00:01.123457Z' },
      { actorId: '00000000-0000-4000-8000-000000000000' },
      { actorLabel: 'other@example.nhs.uk' },
      { action: 'sign-in.failed' },
      { targetType: 'user' },
      { targetId: 'x' },
      { targetLabel: 'x' },
      { ip: '10.0.0.1' },
      { userAgent: 'curl' },
      { details: '{"a": 1}' },
    ];
    for (const change of fields) expect(chainHash(CHAIN_GENESIS, row(1, change))).not.toBe(base);
    expect(chainHash('1'.repeat(64), row(1))).not.toBe(base);
  });

  it('says every entry is intact when nothing changed, with pending entries counted apart', () => {
    const result = check(chain(1234), 2);
    expect(result).toMatchObject({ intact: true, checked: 1234, broken: 0, pending: 2, firstBreak: null });
    expect(result.summary).toBe(
      'All 1,234 entries are intact. 2 entries written in the last moments are not linked yet.',
    );
    expect(result.head?.seq).toBe(1234);
    expect(check([]).summary).toBe('The log has no linked entries yet.');
  });

  it('names an edited entry, and only that one', () => {
    const rows = chain(100);
    rows[56] = { ...rows[56]!, actorLabel: 'forger@example.com' };
    const result = check(rows);
    expect(result.intact).toBe(false);
    expect(result.broken).toBe(1);
    expect(result.firstBreak).toMatchObject({ eventId: '57', seq: 57, kind: 'changed' });
    expect(result.summary).toBe('The log has been changed: entry #57 does not match its hash.');
  });

  it('finds deleted entries by the gap they leave, at the start too', () => {
    const rows = chain(10);
    const gap = check([...rows.slice(0, 3), ...rows.slice(5)]);
    expect(gap.firstBreak).toMatchObject({ eventId: '6', seq: 6, kind: 'missing' });
    expect(gap.summary).toBe(
      'The log has been changed: 2 entries before entry #6 are missing: deleted from the log.',
    );
    expect(check(rows.slice(1)).firstBreak).toMatchObject({ eventId: '2', kind: 'missing' });
  });

  it('finds entries swapped in the chain (positions or contents)', () => {
    const rows = chain(5);
    const swappedPositions = [rows[0]!, { ...rows[2]!, seq: 2 }, { ...rows[1]!, seq: 3 }, rows[3]!, rows[4]!];
    const result = check(swappedPositions);
    expect(result.intact).toBe(false);
    expect(result.firstBreak).toMatchObject({ seq: 2, kind: 'changed' });
    const swappedContent = rows.map((r, i) =>
      i === 1 ? { ...rows[2]!, seq: 2, hash: r.hash } : i === 2 ? { ...rows[1]!, seq: 3, hash: r.hash } : r,
    );
    expect(check(swappedContent).firstBreak).toMatchObject({ seq: 2, kind: 'changed' });
  });

  it('walks in batches with the same result as in one go', () => {
    const rows = chain(50);
    rows[30] = { ...rows[30]!, details: '{"x": 1}' };
    let walk = startWalk();
    for (let i = 0; i < rows.length; i += 7) walk = walkChain(walk, rows.slice(i, i + 7));
    expect(walk).toEqual(walkChain(startWalk(), rows));
  });
});
