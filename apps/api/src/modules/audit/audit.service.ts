import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type {
  AuditAction,
  AuditChainVerification,
  AuditEvent,
  AuditList,
  AuditListQuery,
} from '@wgll/contracts';
import { type EntityManager, Repository } from 'typeorm';
import type { RequestOrigin } from '../access/principal.js';
import { AuditChainService } from './audit-chain.service.js';
import { AuditEventEntity } from './audit-event.entity.js';

export interface AuditEntry {
  action: AuditAction;
  /** The signed-in user, or `{ label }` alone when nobody is (e.g. the email typed at sign-in). */
  actor?: { id?: string | null; email: string } | null;
  target?: { type: string; id: string; label?: string | null };
  origin?: RequestOrigin;
  details?: Record<string, unknown>;
}

/**
 * Work another module does when an entry is recorded inside a transaction (notifications: who to tell),
 * in the same transaction, so it happens if and only if the change commits. `id` is the entry's id.
 */
export type AuditListener = (entry: AuditEntry & { id: string }, manager: EntityManager) => Promise<void>;

/** Names of user accounts by id (absent: no such account). */
export type AccountNamer = (ids: string[]) => Promise<Map<string, string>>;

/** The append-only audit log: sign-ins, failures, lockouts, account and role changes, uploads. */
@Injectable()
export class AuditService {
  private namer: AccountNamer = () => Promise.resolve(new Map<string, string>());
  private readonly listeners: AuditListener[] = [];

  /** Lets the users module name accounts in the log without the audit module depending on it. */
  registerNamer(namer: AccountNamer): void {
    this.namer = namer;
  }

  /** Lets a module act on entries recorded in a transaction without the audit module depending on it. */
  registerListener(listener: AuditListener): void {
    this.listeners.push(listener);
  }

  constructor(
    @InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>,
    private readonly chain: AuditChainService,
  ) {}

  /** Records an entry; pass `manager` to write inside the caller's transaction. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEventEntity) : this.events;
    const inserted = await repository.insert(
      repository.create({
        action: entry.action,
        actorId: entry.actor?.id ?? null,
        actorLabel: entry.actor?.email ?? null,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        targetLabel: entry.target?.label ?? null,
        ip: entry.origin?.ip ?? null,
        userAgent: entry.origin?.userAgent ?? null,
        details: entry.details ?? {},
      }),
    );
    // Linked into the hash chain shortly after it commits, off the writer's path.
    this.chain.schedule();
    if (manager?.queryRunner?.isTransactionActive && this.listeners.length > 0) {
      const id = String((inserted.identifiers[0] as { id: string | number }).id);
      for (const listener of this.listeners) await listener({ ...entry, id }, manager);
    }
  }

  /**
   * The SHA-256 recorded when a return's revision was sealed: its first `return.submitted` entry (an
   * entry appended later, forged or not, never outranks the one written with the seal), if any.
   */
  async sealRecorded(returnId: string, revision: number): Promise<string | null> {
    const [row] = await this.events.query<{ sha256: string | null }[]>(
      `SELECT details ->> 'sha256' AS sha256 FROM audit_event
       WHERE target_type = 'return' AND target_id = $1 AND action = 'return.submitted'
         AND details ->> 'revision' = $2
       ORDER BY id LIMIT 1`,
      [returnId, String(revision)],
    );
    return row?.sha256 ?? null;
  }

  /** Links what is pending, then recomputes every hash of the chain in order. */
  verifyChain(): Promise<AuditChainVerification> {
    return this.chain.verify();
  }

  /**
   * The INSERT of `entry` as SQL for a larger statement, e.g. a CTE that writes the record the entry
   * is about, so both land in one round trip: one row per row of `source` (none when it is empty).
   * A plain INSERT of the same columns `record` writes; its parameters are numbered from `$first`.
   * Listeners are not run: use it only for entries nobody listens for (answer saves).
   */
  insertSql(entry: AuditEntry, source: string, first: number): { sql: string; params: unknown[] } {
    const params = [
      entry.action,
      entry.actor?.id ?? null,
      entry.actor?.email ?? null,
      entry.target?.type ?? null,
      entry.target?.id ?? null,
      entry.target?.label ?? null,
      entry.origin?.ip ?? null,
      entry.origin?.userAgent ?? null,
      JSON.stringify(entry.details ?? {}),
    ];
    const types = ['varchar', 'uuid', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'text', 'jsonb'];
    const values = types.map((type, i) => `$${first + i}::${type}`).join(', ');
    // The caller runs the statement at once; the chainer links the row shortly after it commits.
    this.chain.schedule();
    return {
      sql: `INSERT INTO audit_event (action, actor_id, actor_label, target_type, target_id, target_label, ip, user_agent, details)
            SELECT ${values} FROM ${source}`,
      params,
    };
  }

  /** One page of events, newest first; `target` keeps those about one record (e.g. a return's history). */
  async list(query: AuditListQuery, target?: { type: string; id: string }): Promise<AuditList> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const builder = this.events.createQueryBuilder('e');
    if (target) {
      builder.andWhere('e.target_type = :targetType AND e.target_id = :targetId', {
        targetType: target.type,
        targetId: target.id,
      });
    }
    if (query.action) builder.andWhere('e.action = :action', { action: query.action });
    if (query.userId) {
      builder.andWhere("(e.actor_id = :userId OR (e.target_type = 'user' AND e.target_id = :userIdText))", {
        userId: query.userId,
        userIdText: query.userId,
      });
    }
    const [rows, total] = await builder
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const ids = new Set<string>();
    for (const row of rows) {
      if (row.actorId) ids.add(row.actorId);
      if (row.targetType === 'user' && row.targetId && UUID.test(row.targetId)) ids.add(row.targetId);
    }
    const names = ids.size > 0 ? await this.namer([...ids]) : new Map<string, string>();
    return { items: rows.map((row) => toAuditEvent(row, names)), total, page, pageSize };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toAuditEvent(row: AuditEventEntity, names: ReadonlyMap<string, string>): AuditEvent {
  return {
    id: String(row.id),
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actorLabel
      ? {
          id: row.actorId ?? '',
          label: row.actorLabel,
          name: row.actorId ? (names.get(row.actorId) ?? null) : null,
        }
      : null,
    action: row.action,
    target:
      row.targetType && row.targetId
        ? {
            type: row.targetType,
            id: row.targetId,
            label: row.targetLabel,
            name: row.targetType === 'user' ? (names.get(row.targetId) ?? null) : null,
          }
        : null,
    ip: row.ip,
    userAgent: row.userAgent,
    details: row.details as Record<string, unknown>,
  };
}
