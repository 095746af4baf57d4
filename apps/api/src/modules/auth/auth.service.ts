import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser, SessionInfo } from '@wgll/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../app.tokens.js';
import { ApiException, invalidField, invalidFields } from '../../common/api-exception.js';
import { hashPassword } from '../../common/secrets.js';
import type { AppConfig } from '../../config/app-config.js';
import { CsrfService } from '../access/csrf.service.js';
import { can } from '../access/policy.js';
import type { Principal, RequestOrigin } from '../access/principal.js';
import { SessionRevoker } from '../access/session-revoker.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity } from '../users/entities/user.entity.js';
import { GrantsRepository } from '../users/grants.repository.js';
import { toRoleGrant } from '../users/users.mapper.js';
import { REFRESH_COOKIE, SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';

const NATIONAL = { type: 'national' } as const;

/** Sign-in, password changes and what the web app needs to know about the session. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly signIns: SignInService,
    private readonly csrf: CsrfService,
    private readonly grants: GrantsRepository,
    private readonly audit: AuditService,
    private readonly revoker: SessionRevoker,
  ) {}

  async sessionInfo(
    principal: Principal | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<SessionInfo> {
    return {
      user: principal ? await this.currentUser(principal) : null,
      csrfToken: this.csrf.tokenFor(request, reply),
      refreshable: !principal && Boolean(request.cookies[REFRESH_COOKIE]),
      sso: {
        enabled: this.config.auth.oidc !== undefined,
        label: this.config.auth.oidc?.label ?? 'Sign in with NHS',
      },
    };
  }

  async currentUser(principal: Principal): Promise<CurrentUser> {
    const names = await this.grants.scopeNames(principal.grants);
    return {
      id: principal.id,
      email: principal.email,
      displayName: principal.displayName,
      roles: principal.grants.map((g) => toRoleGrant(g, names)),
      capabilities: {
        manageUsers: can(principal.grants, 'user:manage', NATIONAL),
        manageFrameworks: can(principal.grants, 'framework:manage', NATIONAL),
        readAudit: can(principal.grants, 'audit:read', NATIONAL),
        manageCycles: can(principal.grants, 'cycle:manage', NATIONAL),
        manageImports: can(principal.grants, 'import:manage', NATIONAL),
        manageTargets: can(principal.grants, 'target:manage', NATIONAL),
        viewNational: can(principal.grants, 'national:view', NATIONAL),
      },
      signedInWith: principal.method,
    };
  }

  /** Changes the password and signs out every other session of the user. */
  async changePassword(
    principal: Principal,
    current: string,
    next: string,
    origin: RequestOrigin,
    deviceId: string | null = null,
  ): Promise<void> {
    // The same check, failure count and lockout as signing in: a borrowed session cannot guess it.
    const user = await this.signIns
      .verify(principal.email, current, origin, deviceId)
      .catch((error: unknown) => {
        if (!(error instanceof ApiException) || error.code !== 'INVALID_CREDENTIALS') throw error;
        throw invalidField('currentPassword', 'Your current password is not right');
      });
    if (current === next) {
      throw invalidFields(
        [
          {
            field: 'newPassword',
            messages: ['Your new password must be different from your current password'],
          },
        ],
        'Choose a password you have not just used.',
      );
    }
    const passwordHash = await hashPassword(next);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: user.id }, { passwordHash });
      await this.revoker.revokeAllExcept(manager, user.id, principal.sessionId, 'password-changed');
      await this.audit.record(
        {
          action: 'password.changed',
          actor: principal,
          target: { type: 'user', id: user.id, label: user.email },
          origin,
        },
        manager,
      );
    });
  }
}
