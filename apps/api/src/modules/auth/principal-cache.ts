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
import type { Principal } from '../access/principal.js';

/** Announced by the database on every change to sessions, accounts and roles (the payload: a user id or '*'). */
export const PRINCIPAL_CHANNEL = 'wgll_principal_changed';
export const PRINCIPAL_LISTENER_NAME = 'wgll-principal-listener';
/** How long a principal is kept at most: bounds the harm of a notification lost without the connection noticing. */
const KEPT_MS = 10_000;
/** Principals kept at most (a few hundred bytes each); the oldest go first. */
const KEPT_MAX = 20_000;

interface Kept {
  principal: Principal;
  until: number;
}

/**
 * The signed-in principals this process checked lately, by session, so that a request need not
 * read its session, account and roles again: the one database read every signed-in request made.
 *
 * Dropped as soon as they may be stale:
 * - in every process, when the database announces a change of the user's sessions, account or roles
 *   (triggers, migration AnnouncePrincipalChanges; LISTEN on a connection of its own);
 * - in this process, straight after its own such change commits (`forget…After`), so a sign-out, a
 *   role removed or an account disabled here holds for the very next request, before the
 *   notification arrives;
 * - all of them when the listening connection is lost; nothing is kept until it listens again, and
 *   never with the embedded database (no listener there: every request reads afresh).
 * A read that began before a drop is not kept (`generation`): it may have seen the old rows.
 */
@Injectable()
export class PrincipalCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PrincipalCache.name);
  private readonly kept = new Map<string, Kept>();
  private generation = 0;
  private listener: DatabaseListener | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DATABASE_MODE) private readonly mode: DatabaseMode,
  ) {}

  /** The principal of the session, kept or read by `read` (and then kept if still current). */
  async get(
    userId: string,
    sessionId: string,
    read: () => Promise<Principal | null>,
  ): Promise<Principal | null> {
    const kept = this.kept.get(sessionId);
    if (kept && kept.until > Date.now() && kept.principal.id === userId) return kept.principal;
    const generation = this.generation;
    const principal = await read();
    if (principal && generation === this.generation && this.listener?.listening) {
      this.kept.delete(sessionId);
      if (this.kept.size >= KEPT_MAX) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(sessionId, { principal, until: Date.now() + KEPT_MS });
    }
    return principal;
  }

  /** Drops the session's principal once `manager`'s transaction commits. */
  forgetSessionAfter(manager: EntityManager, sessionId: string): void {
    afterCommit(manager, () => this.forget((id) => id === sessionId));
  }

  /** Drops every principal of the user once `manager`'s transaction commits. */
  forgetUserAfter(manager: EntityManager, userId: string): void {
    afterCommit(manager, () => this.forgetUser(userId));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.mode !== 'external') return;
    this.listener = new DatabaseListener({
      url: (this.dataSource.options as { url?: string }).url!,
      channel: PRINCIPAL_CHANNEL,
      applicationName: PRINCIPAL_LISTENER_NAME,
      label: 'Session listener',
      logger: this.logger,
      onNotification: (payload) => (payload === '*' ? this.forget(() => true) : this.forgetUser(payload)),
      onListening: () => this.forget(() => true),
      onLost: () => this.forget(() => true),
    });
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }

  private forgetUser(userId: string): void {
    this.forget((_, kept) => kept.principal.id === userId);
  }

  private forget(which: (sessionId: string, kept: Kept) => boolean): void {
    this.generation += 1;
    for (const [sessionId, kept] of this.kept) if (which(sessionId, kept)) this.kept.delete(sessionId);
  }
}
