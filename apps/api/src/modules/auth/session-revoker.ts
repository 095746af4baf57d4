import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SessionRevoker } from '../access/session-revoker.js';
import { PrincipalCache } from './principal-cache.js';

/** The only place that revokes rows of auth_session (see SessionRevoker). */
@Injectable()
export class AuthSessionRevoker extends SessionRevoker {
  constructor(private readonly principals: PrincipalCache) {
    super();
  }

  async revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
    this.principals.forgetSessionAfter(manager, sessionId);
  }

  async revokeAll(manager: EntityManager, userId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2
       WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
    this.principals.forgetUserAfter(manager, userId);
  }

  async revokeAllExcept(manager: EntityManager, userId: string, keep: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $3
       WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [userId, keep, reason],
    );
    this.principals.forgetUserAfter(manager, userId);
  }

  accountChanged(manager: EntityManager, userId: string): void {
    this.principals.forgetUserAfter(manager, userId);
  }
}
