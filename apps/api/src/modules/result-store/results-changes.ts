import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DATABASE_MODE } from '../../app.tokens.js';
import { afterCommit } from '../../database/after-commit.js';
import { DatabaseListener } from '../../database/database-listener.js';
import type { DatabaseMode } from '../../database/database-options.js';

/** The PostgreSQL channel every API process listens on for changes to results. */
export const RESULTS_CHANNEL = 'wgll_results_changed';
/** How the listening connection names itself (pg_stat_activity.application_name). */
export const RESULTS_LISTENER_NAME = 'wgll-results-listener';

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
  private listener: DatabaseListener | null = null;

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
    if (this.mode !== 'external') return;
    this.listener = new DatabaseListener({
      url: (this.dataSource.options as { url?: string }).url!,
      channel: RESULTS_CHANNEL,
      applicationName: RESULTS_LISTENER_NAME,
      label: 'Results listener',
      logger: this.logger,
      onNotification: (payload) => {
        if (payload !== this.origin) this.changed();
      },
      // While nobody listened, another process may have changed results: what is held may be stale.
      onListening: (reconnecting) => {
        if (reconnecting) this.changed();
      },
      onLost: () => undefined,
    });
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
