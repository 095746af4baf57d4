import { HttpStatus, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InvitationInfo, InvitationLink } from '@wgll/contracts';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG } from '../../app.tokens.js';
import { ApiException, NotFoundApiException } from '../../common/api-exception.js';
import { DAY_MS } from '../../common/iso-date.js';
import { sha256Hex } from '../../common/canonical-json.js';
import { hashPassword, randomToken } from '../../common/secrets.js';
import type { AppConfig } from '../../config/app-config.js';
import type { RequestOrigin } from '../access/principal.js';
import { SessionRevoker } from '../access/session-revoker.js';
import { AuditService } from '../audit/audit.service.js';
import { InvitationEntity } from './entities/invitation.entity.js';
import { InvitationHooks } from './invitation-hooks.js';
import { UserEntity } from './entities/user.entity.js';

/** Who made a change: a signed-in user, or the command line (id null). */
export interface Actor {
  id: string | null;
  email: string;
}

/**
 * Invitation links: single-use, expiring, stored as SHA-256. A new link closes the earlier ones;
 * disabling an account closes them too, so no link can bring a disabled account back.
 */
@Injectable()
export class InvitationsService implements OnModuleInit {
  private readonly logger = new Logger('InvitationsService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly revoker: SessionRevoker,
    private readonly hooks: InvitationHooks,
  ) {}

  onModuleInit(): void {
    if (this.config.production && !this.config.auth.publicUrlConfigured) {
      this.logger.warn('PUBLIC_URL is not set: invitation links and the SSO redirect use the default', {
        publicUrl: this.config.auth.publicUrl,
      });
    }
  }

  /** A new link for an existing account (invited, or to reset a password). Not for a disabled one. */
  async create(userId: string, actor: Actor, origin: RequestOrigin): Promise<InvitationLink> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new NotFoundApiException('USER_NOT_FOUND', 'There is no user with that id.');
      if (user.status === 'disabled') {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'USER_DISABLED',
          'This account is disabled. Enable it first.',
        );
      }
      return this.invite(manager, userId, actor, origin);
    });
  }

  /** Closes the user's open links and writes a new one, in the caller's transaction. */
  async invite(
    manager: EntityManager,
    userId: string,
    actor: Actor,
    origin: RequestOrigin,
  ): Promise<InvitationLink> {
    const token = randomToken();
    const expiresAt = new Date(Date.now() + this.config.auth.invitationDays * DAY_MS);
    await this.closeOpen(manager, userId);
    const inserted = await manager.insert(InvitationEntity, {
      userId,
      tokenHash: sha256Hex(token),
      expiresAt,
      createdBy: actor.id,
    });
    const user = await manager.findOneByOrFail(UserEntity, { id: userId });
    await this.audit.record(
      {
        action: 'invitation.created',
        actor,
        target: { type: 'user', id: userId, label: user.email },
        origin,
        details: { expiresAt },
      },
      manager,
    );
    // The configured origin (PUBLIC_URL or its default), never the request's Host header.
    const url = `${this.config.auth.publicUrl}/invitations/${token}`;
    await this.hooks.run(manager, {
      invitationId: String((inserted.identifiers[0] as { id: string }).id),
      userId,
      email: user.email,
      displayName: user.displayName,
      url,
      expiresAt,
      invitedBy: actor.email,
    });
    return { url, expiresAt: expiresAt.toISOString() };
  }

  async closeOpen(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(InvitationEntity, { userId, closedAt: IsNull() }, { closedAt: new Date() });
  }

  async info(token: string): Promise<InvitationInfo> {
    const { invitation, user } = await this.open(this.dataSource.manager, token);
    return {
      email: user.email,
      displayName: user.displayName,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** Sets the password from a link (once), activates the account and ends its other sessions. */
  async accept(token: string, password: string, origin: RequestOrigin): Promise<UserEntity> {
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const { invitation, user } = await this.open(manager, token, true);
      await manager.update(InvitationEntity, { id: invitation.id }, { closedAt: new Date() });
      await manager.update(UserEntity, { id: user.id }, { passwordHash, status: 'active' });
      await this.revoker.revokeAll(manager, user.id, 'password-set');
      await this.audit.record(
        {
          action: 'invitation.accepted',
          actor: user,
          target: { type: 'user', id: user.id, label: user.email },
          origin,
        },
        manager,
      );
      return { ...user, passwordHash, status: 'active' as const };
    });
  }

  /** An open, unexpired link for an account that is not disabled; 404 INVITATION_INVALID otherwise. */
  private async open(
    manager: EntityManager,
    token: string,
    lock = false,
  ): Promise<{ invitation: InvitationEntity; user: UserEntity }> {
    const invitation = await manager.findOne(InvitationEntity, {
      where: { tokenHash: sha256Hex(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const user = invitation ? await manager.findOneBy(UserEntity, { id: invitation.userId }) : null;
    if (
      !invitation ||
      !user ||
      invitation.closedAt ||
      invitation.expiresAt.getTime() <= Date.now() ||
      user.status === 'disabled'
    ) {
      throw new NotFoundApiException(
        'INVITATION_INVALID',
        'This invitation link has expired or has already been used. Ask your administrator for a new one.',
      );
    }
    return { invitation, user };
  }
}
