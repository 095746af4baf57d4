import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../app.tokens.js';
import { ApiException } from '../../common/api-exception.js';
import { sha256Hex } from '../../common/canonical-json.js';
import { randomToken } from '../../common/secrets.js';
import type { AppConfig } from '../../config/app-config.js';
import { CookieWriter } from '../access/cookies.js';
import { CSRF_COOKIE } from '../access/csrf.service.js';
import type { Principal, RequestOrigin } from '../access/principal.js';
import { SessionRevoker } from '../access/session-revoker.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity } from '../users/entities/user.entity.js';
import { GrantsRepository } from '../users/grants.repository.js';
import { AuthSessionEntity } from './entities/auth-session.entity.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { KnownDevices } from './known-device.js';
import { PrincipalCache } from './principal-cache.js';

export const ACCESS_COOKIE = 'wgll_access';
export const REFRESH_COOKIE = 'wgll_refresh';
const REFRESH_PATH = '/api/auth';
/**
 * Two tabs of one browser refreshing at once both present the same token: the slower one is not
 * treated as theft if it comes within this many seconds from the same client (clientKey).
 */
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
    private readonly devices: KnownDevices,
    private readonly revoker: SessionRevoker,
    private readonly principals: PrincipalCache,
  ) {}

  /** Starts a session after a successful sign-in (any method); the browser becomes a known device. */
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
    this.devices.remember(request, reply, principal.email);
    return principal;
  }

  /**
   * Rotates the refresh token from the cookie and sets a new access token. A token presented again
   * after it was rotated revokes the whole session (all its refresh tokens and access tokens) and is
   * audited as `session.refresh-reused`, whoever refreshed first: the one exception is the same client
   * (same CSRF cookie, user agent and IP address) within REUSE_GRACE_SECONDS, i.e. two tabs of one
   * browser refreshing at once, which gets a new access token and keeps the refresh cookie the first
   * answer set.
   */
  async refresh(request: FastifyRequest, reply: FastifyReply, origin: RequestOrigin): Promise<Principal> {
    const token = request.cookies[REFRESH_COOKIE];
    if (!token) throw unauthenticated();
    const client = clientKey(request, origin);
    const result = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<
        {
          id: string;
          session_id: string;
          user_id: string;
          email: string;
          reused: boolean;
          seconds_since_use: number | null;
          within_grace: boolean;
          same_client: boolean;
          usable: boolean;
        }[]
      >(
        `SELECT t.id, t.session_id, s.user_id, u.email,
                t.used_at IS NOT NULL AS reused,
                floor(extract(epoch FROM now() - t.used_at))::int AS seconds_since_use,
                coalesce(t.used_at > now() - make_interval(secs => $2), false) AS within_grace,
                coalesce(t.used_by = $3, false) AS same_client,
                (t.expires_at > now() AND s.revoked_at IS NULL AND u.status = 'active') AS usable
         FROM refresh_token t
         JOIN auth_session s ON s.id = t.session_id
         JOIN app_user u ON u.id = s.user_id
         WHERE t.token_hash = $1
         FOR UPDATE OF t, s`,
        [sha256Hex(token), REUSE_GRACE_SECONDS, client],
      );
      if (!row || !row.usable) return undefined;
      if (row.reused) {
        if (row.within_grace && row.same_client) {
          // The same browser's parallel refresh: a new access token; its refresh cookie stands.
          await this.issueAccess(row.session_id, row.user_id, request, reply);
          return { userId: row.user_id, sessionId: row.session_id };
        }
        await this.revoker.revokeSession(manager, row.session_id, 'refresh-reused');
        await this.audit.record(
          {
            action: 'session.refresh-reused',
            actor: { id: row.user_id, email: row.email },
            target: { type: 'session', id: row.session_id },
            origin,
            details: {
              secondsSinceUse: row.seconds_since_use,
              sameClient: row.same_client,
              withinGrace: row.within_grace,
            },
          },
          manager,
        );
        return 'reused' as const;
      }
      await manager.update(RefreshTokenEntity, { id: row.id }, { usedAt: () => 'now()', usedBy: client });
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
        await this.revoker.revokeSession(manager, sessionId, 'signed-out');
        const actor = principal ?? (row ? { id: row.user_id, email: row.email } : null);
        await this.audit.record(
          { action: 'sign-out', actor, target: { type: 'session', id: sessionId }, origin },
          manager,
        );
      });
    }
    this.clearCookies(request, reply);
  }

  /**
   * The principal for a valid access token, as every signed-in request needs it: kept in memory
   * while the database announces no change to the user's sessions, account or roles (PrincipalCache).
   */
  principal(userId: string, sessionId: string): Promise<Principal | null> {
    return this.principals.get(userId, sessionId, () => this.loadPrincipal(userId, sessionId));
  }

  /** The principal for a valid access token, read afresh: the session must be live and the account active. */
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
    const { sessionHours } = this.config.auth;
    const refresh = randomToken();
    await manager.insert(RefreshTokenEntity, {
      sessionId,
      tokenHash: sha256Hex(refresh),
      expiresAt: new Date(Date.now() + sessionHours * 3_600_000),
    });
    await this.issueAccess(sessionId, userId, request, reply);
    this.cookies.set(request, reply, REFRESH_COOKIE, refresh, {
      path: REFRESH_PATH,
      sameSite: 'strict',
      maxAgeSeconds: sessionHours * 3600,
    });
  }

  private async issueAccess(
    sessionId: string,
    userId: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const { accessTokenMinutes } = this.config.auth;
    const payload: AccessTokenPayload = { sub: userId, sid: sessionId };
    const access = await this.jwt.signAsync(payload, { expiresIn: accessTokenMinutes * 60 });
    this.cookies.set(request, reply, ACCESS_COOKIE, access, {
      path: '/',
      sameSite: 'lax',
      maxAgeSeconds: accessTokenMinutes * 60,
    });
  }

  private clearCookies(request: FastifyRequest, reply: FastifyReply): void {
    this.cookies.clear(request, reply, ACCESS_COOKIE, '/');
    this.cookies.clear(request, reply, REFRESH_COOKIE, REFRESH_PATH);
  }
}

/**
 * Who is refreshing: SHA-256 of the browser's CSRF cookie (a random secret per browser, which a
 * refresh must carry anyway), its user agent and IP address.
 */
function clientKey(request: FastifyRequest, origin: RequestOrigin): string {
  return sha256Hex(
    JSON.stringify([request.cookies[CSRF_COOKIE] ?? null, origin.userAgent ?? null, origin.ip ?? null]),
  );
}

export function unauthenticated(): ApiException {
  return new ApiException(
    HttpStatus.UNAUTHORIZED,
    'UNAUTHENTICATED',
    'Your session has ended. Sign in again.',
  );
}
