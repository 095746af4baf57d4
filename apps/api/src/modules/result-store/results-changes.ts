import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { DATABASE_MODE } from '../../app.tokens.js';
import { afterCommit } from '../../database/after-commit.js';
import type { DatabaseMode } from '../../database/database-options.js';

/** The PostgreSQL channel every API process listens on for changes to results. */
export const RESULTS_CHANNEL = 'wgll_results_changed';
/** How the listening connection names itself (pg_stat_activity.application_name). */
export const RESULTS_LISTENER_NAME = 'wgll-results-listener';
const RECONNECT_MS = 1000;

/**
 * Tells whoever keeps results in memory that they changed: this process straight after the
 * writing transaction commits, and every other API process on the same database through
 * PostgreSQL LISTEN/NOTIFY. The NOTIFY is sent inside the writing transaction, so it is delivered
 * when (and only if) the transaction commits.
 *
 * With the embedded database (PGlite) there is no listener: it serves one connection, which a
 * listener would hold for good, and only this process can open it anyway.
 */
@Injectable()
export class ResultsChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ResultsChanges.name);
  private readonly listeners = new Set<() => void>();
  /** Sent as the payload, so this process ignores its own notifications (it cleared already). */
  private readonly origin = randomUUID();
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_MODE) private readonly mode: DatabaseMode,
  ) {}

  /** Calls `listener` whenever results change, in this process or another. */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  /**
   * Inside the transaction that changes results: announces the change for when it commits.
   * (Announcing twice in one transaction is harmless: PostgreSQL delivers one notification.)
   */
  async announce(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_notify($1, $2)', [RESULTS_CHANNEL, this.origin]);
    afterCommit(manager, () => this.changed());
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.mode === 'external') await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Opens the listening connection; on any failure, tries again shortly. */
  private async listen(reconnecting = false): Promise<void> {
    if (this.stopped) return;
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new pg.Client({
      connectionString: url,
      application_name: RESULTS_LISTENER_NAME,
      // A connection that silently died is noticed (and replaced) rather than waited on for good.
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.removeAllListeners('notification');
      if (this.stopped) return;
      this.logger.warn(`Results listener lost (${error?.message ?? 'connection ended'}); reconnecting`);
      void client.end().catch(() => undefined);
      this.retry ??= setTimeout(() => {
        this.retry = null;
        void this.listen(true);
      }, RECONNECT_MS);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === RESULTS_CHANNEL && message.payload !== this.origin) this.changed();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RESULTS_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost) return; // cut already: a new attempt is under way
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // While nobody listened, another process may have changed results: what is held may be stale.
    if (reconnecting) {
      this.logger.log('Results listener reconnected');
      this.changed();
    }
  }
}
