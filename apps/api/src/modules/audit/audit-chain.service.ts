import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditChainVerification } from '@wgll/contracts';
import { DataSource } from 'typeorm';
import {
  CHAIN_CONTENT_COLUMNS,
  type ChainContent,
  type ChainedRow,
  chainVerification,
  linkRows,
  startWalk,
  walkChain,
} from './audit-chain.js';

/** Serialises chainers across every API process sharing the database ("WGLL", "chain"). */
const LOCK_KEYS = [0x57474c4c, 0x636861] as const;
/** A run soon after a write; later writes within the delay join the same run. */
const DEBOUNCE_MS = 200;
/** Rows written by other means (or committed after the last run) are picked up by this sweep. */
const SWEEP_MS = 10_000;
const BATCH = 2_000;

/**
 * Links audit rows into a hash chain after they commit, so writers never wait for one another: rows
 * are inserted as before (chain columns null, "pending"); the chainer takes an advisory lock, reads
 * the pending rows in id order and gives each the next position and SHA-256(previous hash ‖ content).
 */
@Injectable()
export class AuditChainService implements OnModuleDestroy {
  private readonly logger = new Logger(AuditChainService.name);
  private timer: NodeJS.Timeout | null = null;
  private sweep: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Links what is pending and starts the sweep: called once the database is migrated (app.factory). */
  start(): void {
    this.schedule(0);
    this.sweep = setInterval(() => this.schedule(0), SWEEP_MS);
    this.sweep.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.sweep) clearInterval(this.sweep);
    await this.running?.catch(() => undefined);
  }

  /** Asks for a run shortly (after the writer's transaction has most likely committed). */
  schedule(delayMs = DEBOUNCE_MS): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.chainPending().catch((error: unknown) => {
        if (!this.stopped) this.logger.warn(`Linking audit entries failed: ${String(error)}`);
      });
    }, delayMs);
    this.timer.unref();
  }

  /** Links every committed pending row; resolves when none is left (as seen now). */
  async chainPending(): Promise<number> {
    while (this.running) await this.running.catch(() => undefined);
    let linked = 0;
    const run = (async () => {
      for (;;) {
        const n = await this.linkBatch();
        linked += n;
        if (n < BATCH) break;
      }
    })();
    this.running = run;
    this.again = false;
    try {
      await run;
    } finally {
      this.running = null;
      // Writes during the run may have committed after it read: another run, after the usual delay.
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
    return linked;
  }

  private linkBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [...LOCK_KEYS]);
      const [last] = await manager.query<{ seq: string; hash: string }[]>(
        `SELECT chain_seq::text AS seq, chain_hash AS hash FROM audit_event
         WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1`,
      );
      const rows = await manager.query<ChainContent[]>(
        // e.id: the table's bigint id (the bare name would sort the text column of the same name).
        `SELECT ${CHAIN_CONTENT_COLUMNS} FROM audit_event e
         WHERE e.chain_hash IS NULL AND e.chain_seq IS NULL ORDER BY e.id LIMIT ${BATCH}`,
      );
      if (rows.length === 0) return 0;
      const links = linkRows(last ? { seq: Number(last.seq), hash: last.hash } : null, rows);
      await manager.query(
        `UPDATE audit_event a SET chain_seq = v.seq, chain_hash = v.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[]) AS v(id, seq, hash) WHERE a.id = v.id`,
        [links.map((l) => l.id), links.map((l) => l.seq), links.map((l) => l.hash)],
      );
      return rows.length;
    });
  }

  /** Links what is pending, then walks the whole chain in order and recomputes every hash. */
  async verify(): Promise<AuditChainVerification> {
    await this.chainPending();
    let walk = startWalk();
    for (let after = 0; ;) {
      const rows = await this.dataSource.query<(Omit<ChainedRow, 'seq'> & { seq: string })[]>(
        `SELECT ${CHAIN_CONTENT_COLUMNS}, e.chain_seq::text AS "seq", e.chain_hash AS "hash" FROM audit_event e
         WHERE e.chain_seq > $1 ORDER BY e.chain_seq LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      walk = walkChain(
        walk,
        rows.map((r) => ({ ...r, seq: Number(r.seq) })),
      );
      after = walk.last!.seq;
    }
    const [counted] = await this.dataSource.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM audit_event WHERE chain_hash IS NULL`,
    );
    return chainVerification(walk, counted?.pending ?? 0, new Date());
  }
}
