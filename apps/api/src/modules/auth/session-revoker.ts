import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SessionRevoker } from '../access/session-revoker.js';

/** The only place that revokes rows of auth_session (see SessionRevoker). */
@Injectable()
export class AuthSessionRevoker extends SessionRevoker {
  async revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  async revokeAll(manager: EntityManager, userId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2
       WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  }

  async revokeAllExcept(manager: EntityManager, userId: string, keep: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $3
       WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [userId, keep, reason],
    );
  }
}
