import type { AuditChainBreak, AuditChainVerification } from '@wgll/contracts';
import { canonicalJson, sha256Hex } from '../../common/canonical-json.js';

/** The hash the first entry links to. */
export const CHAIN_GENESIS = '0'.repeat(64);

/** An audit row's content, exactly as hashed (read with CHAIN_CONTENT_COLUMNS). */
export interface ChainContent {
  id: string;
  /** UTC to the microsecond, as PostgreSQL stores it. */
  occurredAt: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  ip: string | null;
  userAgent: string | null;
  /** The jsonb text as PostgreSQL prints it (normalised, so the same value always reads the same). */
  details: string;
}

export interface ChainedRow extends ChainContent {
  seq: number;
  hash: string;
}

/** The SELECT list that reads a row's content for hashing: exact, with nothing rounded by JavaScript. */
export const CHAIN_CONTENT_COLUMNS = `id::text AS "id",
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "occurredAt",
  actor_id::text AS "actorId", actor_label AS "actorLabel", action AS "action",
  target_type AS "targetType", target_id AS "targetId", target_label AS "targetLabel",
  ip AS "ip", user_agent AS "userAgent", details::text AS "details"`;

/** SHA-256 of the previous entry's hash followed by this entry's canonical content. */
export function chainHash(previousHash: string, row: ChainContent): string {
  const content: ChainContent = {
    id: row.id,
    occurredAt: row.occurredAt,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetLabel: row.targetLabel,
    ip: row.ip,
    userAgent: row.userAgent,
    details: row.details,
  };
  return sha256Hex(previousHash + canonicalJson(content));
}

/** Links unchained rows (in the order given) after the chain's last entry. */
export function linkRows(
  last: { seq: number; hash: string } | null,
  rows: readonly ChainContent[],
): { id: string; seq: number; hash: string }[] {
  let seq = last?.seq ?? 0;
  let previous = last?.hash ?? CHAIN_GENESIS;
  return rows.map((row) => {
    seq += 1;
    previous = chainHash(previous, row);
    return { id: row.id, seq, hash: previous };
  });
}

/** The state of a walk along the chain, fed one batch at a time in chain_seq order. */
export interface ChainWalk {
  checked: number;
  broken: number;
  firstBreak: AuditChainBreak | null;
  last: { seq: number; hash: string } | null;
}

export const startWalk = (): ChainWalk => ({ checked: 0, broken: 0, firstBreak: null, last: null });

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * Recomputes each row's hash from the previous row's stored hash, so a changed entry is named alone;
 * a gap in the positions means entries were deleted; an entry moved to another position fails its hash.
 */
export function walkChain(walk: ChainWalk, rows: readonly ChainedRow[]): ChainWalk {
  let { checked, broken, firstBreak, last } = walk;
  for (const row of rows) {
    checked += 1;
    const expectedSeq = (last?.seq ?? 0) + 1;
    let found: AuditChainBreak | null = null;
    if (row.seq !== expectedSeq) {
      const missing = row.seq - expectedSeq;
      found = {
        eventId: row.id,
        seq: row.seq,
        kind: 'missing',
        message:
          missing > 0
            ? `${plural(missing, 'entry', 'entries')} before entry #${row.id} ${missing === 1 ? 'is' : 'are'} missing: deleted from the log.`
            : `Entry #${row.id} is out of place in the chain.`,
      };
    } else if (chainHash(last?.hash ?? CHAIN_GENESIS, row) !== row.hash) {
      found = {
        eventId: row.id,
        seq: row.seq,
        kind: 'changed',
        message: `Entry #${row.id} does not match its hash: it has been changed or moved since it was written.`,
      };
    }
    if (found) {
      broken += 1;
      firstBreak ??= found;
    }
    last = { seq: row.seq, hash: row.hash };
  }
  return { checked, broken, firstBreak, last };
}

/** The result of a whole walk, in plain English. */
export function chainVerification(walk: ChainWalk, pending: number, checkedAt: Date): AuditChainVerification {
  const intact = walk.broken === 0;
  const pendingNote =
    pending > 0
      ? ` ${plural(pending, 'entry', 'entries')} written in the last moments ${pending === 1 ? 'is' : 'are'} not linked yet.`
      : '';
  let summary: string;
  if (!intact) {
    const first = walk.firstBreak!;
    summary =
      first.kind === 'changed'
        ? `The log has been changed: entry #${first.eventId} does not match its hash.`
        : `The log has been changed: ${first.message}`;
    if (walk.broken > 1)
      summary += ` ${plural(walk.broken, 'entry fails', 'entries fail')} the check in all.`;
  } else if (walk.checked === 0) {
    summary = 'The log has no linked entries yet.';
  } else {
    summary = `All ${plural(walk.checked, 'entry is', 'entries are')} intact.`;
  }
  return {
    intact,
    checked: walk.checked,
    pending,
    broken: walk.broken,
    firstBreak: walk.firstBreak,
    head: walk.last,
    summary: summary + pendingNote,
    checkedAt: checkedAt.toISOString(),
  };
}
