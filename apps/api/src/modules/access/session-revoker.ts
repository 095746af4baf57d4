import type { EntityManager } from 'typeorm';

/**
 * Ends sign-in sessions, inside the caller's transaction (`manager`). Declared here, where the
 * signed-in principal and its session are known, so that users (disabling an account, setting a
 * password) can end sessions without depending on auth; auth owns the sessions and binds the one
 * implementation (auth/session-revoker.module.ts). Revoking an already revoked session changes
 * nothing, so the first reason stands. Every call must be inside a transaction (`manager`).
 */
export abstract class SessionRevoker {
  /** Ends one session. */
  abstract revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void>;
  /** Ends every session of the user. */
  abstract revokeAll(manager: EntityManager, userId: string, reason: string): Promise<void>;
  /** Ends every session of the user except `keep` (the one making the change). */
  abstract revokeAllExcept(
    manager: EntityManager,
    userId: string,
    keep: string,
    reason: string,
  ): Promise<void>;
  /**
   * The user's account (status, name) or roles changed in `manager`'s transaction: what this process
   * keeps of their sessions is dropped when it commits (other processes hear it from the database).
   */
  abstract accountChanged(manager: EntityManager, userId: string): void;
}
