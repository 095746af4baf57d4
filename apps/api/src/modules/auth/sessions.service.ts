import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../app.tokens.js';
import { ApiException } from '../../common/api-exception.filter.js';
import { sha256Hex } from '../../common/canonical-json.js';
import { randomToken } from '../../common/secrets.js';
import type { AppConfig } from '../../config/app-config.js';
import { CookieWriter } from '../access/cookies.js';
import type { Principal, RequestOrigin } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity } from '../users/entities/user.entity.js';
import { GrantsRepository } from '../users/grants.repository.js';
import { AuthSessionEntity } from './entities/auth-session.entity.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';

export const ACCESS_COOKIE = 'wgll_access';
export const REFRESH_COOKIE = 'wgll_refresh';
const REFRESH_PATH = '/api/auth';
/** Two tabs refreshing at once both present the same token; the slower one is not treated as theft. */
const REUSE_GRACE_SECONDS = 30;

export interface AccessTokenPayload {
  sub: string;
  sid: string;
}

/**
 * Sessions: a short-lived signed access token (JWT, httpOnly cookie) and a rotating refresh token
 * stored hashed. Presenting a refresh token that was already rotated revokes the whole session.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly cookies: CookieWriter,
    private readonly audit: AuditService,
  ) {}

  async start(
    userId: string,
    method: AuthSessionEntity['method'],
    origin: RequestOrigin,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<Principal> {
    const sessionId = await this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(AuthSessionEntity, {
        userId,
        method,
        ip: origin.ip,
        userAgent: origin.userAgent,
      });
      const id = (identifiers[0] as { id: string }).id;
      await manager.update(UserEntity, { id: userId }, { lastSignedInAt: () => 'now()' });
      await this.issue(manager, id, userId, request, reply);
      return id;
    });
    const principal = await this.loadPrincipal(userId, sessionId);
    if (!principal) throw unauthenticated();
    return principal;
  }

  /** Rotates the refresh token from the cookie and sets a new access token. */
  async refresh(request: FastifyRequest, reply: FastifyReply, origin: RequestOrigin): Promise<Principal> {
    const token = request.cookies[REFRESH_COOKIE];
    if (!token) throw unauthenticated();
    const result = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<
        {
          id: string;
          session_id: string;
          user_id: string;
          email: string;
          reused: boolean;
          within_grace: boolean;
          usable: boolean;
        }[]
      >(
        `SELECT t.id, t.session_id, s.user_id, u.email,
                t.used_at IS NOT NULL AS reused,
                t.used_at > now() - make_interval(secs => $2) AS within_grace,
                (t.expires_at > now() AND s.revoked_at IS NULL AND u.status = 'active') AS usable
         FROM refresh_token t
         JOIN auth_session s ON s.id = t.session_id
         JOIN app_user u ON u.id = s.user_id
         WHERE t.token_hash = $1
         FOR UPDATE OF t, s`,
        [sha256Hex(token), REUSE_GRACE_SECONDS],
      );
      if (!row || !row.usable) return undefined;
      if (row.reused) {
        if (row.within_grace) return undefined;
        await this.revokeSession(manager, row.session_id, 'refresh-reused');
        await this.audit.record(
          {
            action: 'session.refresh-reused',
            actor: { id: row.user_id, email: row.email },
            target: { type: 'session', id: row.session_id },
            origin,
          },
          manager,
        );
        return 'reused' as const;
      }
      await manager.update(RefreshTokenEntity, { id: row.id }, { usedAt: () => 'now()' });
      await this.issue(manager, row.session_id, row.user_id, request, reply);
      return { userId: row.user_id, sessionId: row.session_id };
    });
    if (!result || result === 'reused') {
      this.clearCookies(request, reply);
      throw unauthenticated();
    }
    const principal = await this.loadPrincipal(result.userId, result.sessionId);
    if (!principal) throw unauthenticated();
    return principal;
  }

  /** Ends the session named by the refresh cookie (or the access token), and clears the cookies. */
  async end(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: Principal | undefined,
    origin: RequestOrigin,
  ) {
    const token = request.cookies[REFRESH_COOKIE];
    const [row] = token
      ? await this.dataSource.query<{ session_id: string; user_id: string; email: string }[]>(
          `SELECT t.session_id, s.user_id, u.email FROM refresh_token t
           JOIN auth_session s ON s.id = t.session_id JOIN app_user u ON u.id = s.user_id
           WHERE t.token_hash = $1`,
          [sha256Hex(token)],
        )
      : [];
    const sessionId = row?.session_id ?? principal?.sessionId;
    if (sessionId) {
      await this.dataSource.transaction(async (manager) => {
        await this.revokeSession(manager, sessionId, 'signed-out');
        const actor = principal ?? (row ? { id: row.user_id, email: row.email } : null);
        await this.audit.record(
          { action: 'sign-out', actor, target: { type: 'session', id: sessionId }, origin },
          manager,
        );
      });
    }
    this.clearCookies(request, reply);
  }

  /** Revokes every session of the user except `keep` (after a password change). */
  async revokeOthers(manager: EntityManager, userId: string, keep: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $3
       WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [userId, keep, reason],
    );
  }

  /** The principal for a valid access token: the session must be live and the account active. */
  async loadPrincipal(userId: string, sessionId: string): Promise<Principal | null> {
    // One round trip with the grants: this runs on every signed-in request.
    const [row] = await this.dataSource.query<
      {
        email: string;
        display_name: string;
        method: Principal['method'];
        grants: Parameters<typeof GrantsRepository.fromJson>[0];
      }[]
    >(
      `SELECT u.email, u.display_name, s.method, ${GrantsRepository.jsonSql('u.id')} AS grants
       FROM app_user u JOIN auth_session s ON s.user_id = u.id
       WHERE u.id = $1 AND s.id = $2 AND s.revoked_at IS NULL AND u.status = 'active'`,
      [userId, sessionId],
    );
    if (!row) return null;
    return {
      id: userId,
      email: row.email,
      displayName: row.display_name,
      sessionId,
      method: row.method,
      grants: GrantsRepository.fromJson(row.grants),
    };
  }

  private async issue(
    manager: EntityManager,
    sessionId: string,
    userId: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const { accessTokenMinutes, sessionHours } = this.config.auth;
    const refresh = randomToken();
    await manager.insert(RefreshTokenEntity, {
      sessionId,
      tokenHash: sha256Hex(refresh),
      expiresAt: new Date(Date.now() + sessionHours * 3_600_000),
    });
    const payload: AccessTokenPayload = { sub: userId, sid: sessionId };
    const access = await this.jwt.signAsync(payload, { expiresIn: accessTokenMinutes * 60 });
    this.cookies.set(request, reply, ACCESS_COOKIE, access, {
      path: '/',
      sameSite: 'lax',
      maxAgeSeconds: accessTokenMinutes * 60,
    });
    this.cookies.set(request, reply, REFRESH_COOKIE, refresh, {
      path: REFRESH_PATH,
      sameSite: 'strict',
      maxAgeSeconds: sessionHours * 3600,
    });
  }

  private async revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  private clearCookies(request: FastifyRequest, reply: FastifyReply): void {
    this.cookies.clear(request, reply, ACCESS_COOKIE, '/');
    this.cookies.clear(request, reply, REFRESH_COOKIE, REFRESH_PATH);
  }
}

export function unauthenticated(): ApiException {
  return new ApiException(
    HttpStatus.UNAUTHORIZED,
    'UNAUTHENTICATED',
    'Your session has ended. Sign in again.',
  );
}
