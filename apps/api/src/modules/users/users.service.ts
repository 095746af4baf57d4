import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CreateUserResult,
  FieldError,
  OrganisationTeam,
  Role,
  RoleGrantRequest,
  UserList,
  UserListQuery,
  UserStatus,
  UserSummary,
} from '@wgll/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../app.tokens.js';
import {
  ApiException,
  invalidField,
  invalidFields,
  NotFoundApiException,
} from '../../common/api-exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { ROLE_SCOPE } from '../access/policy.js';
import type { RequestOrigin } from '../access/principal.js';
import { SessionRevoker } from '../access/session-revoker.js';
import { AuditService } from '../audit/audit.service.js';
import { RoleAssignmentEntity } from './entities/role-assignment.entity.js';
import { UserEntity } from './entities/user.entity.js';
import { GrantsRepository } from './grants.repository.js';
import { type Actor, InvitationsService } from './invitations.service.js';
import { toUserSummary } from './users.mapper.js';

export type { Actor } from './invitations.service.js';

/** Accounts, their scoped roles and invitations. Every change is audited in the same transaction. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly grants: GrantsRepository,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
    private readonly revoker: SessionRevoker,
  ) {}

  async list(query: UserListQuery): Promise<UserList> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const builder = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (query.q?.trim()) {
      const like = `%${query.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, '\\$&')}%`;
      builder.andWhere('(u.email LIKE :like OR lower(u.display_name) LIKE :like)', { like });
    }
    if (query.status) builder.andWhere('u.status = :status', { status: query.status });
    const [users, total] = await builder
      .orderBy('u.display_name')
      .addOrderBy('u.email')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.summaries(users), total, page, pageSize };
  }

  async get(id: string): Promise<UserSummary> {
    const [summary] = await this.summaries([await this.findUser(id)]);
    return summary!;
  }

  async create(
    request: { email: string; displayName: string; roles: RoleGrantRequest[] },
    actor: Actor,
    origin: RequestOrigin,
  ): Promise<CreateUserResult> {
    await this.checkScopes(request.roles, (i) => `roles.${i}.scopeCode`);
    const distinct = new Map(request.roles.map((r) => [`${r.role}:${r.scopeCode ?? ''}`, r]));
    const { user, invitation } = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({ email: request.email, displayName: request.displayName, status: 'invited' })
        .orIgnore()
        .returning('id')
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) {
        throw new ApiException(
          HttpStatus.CONFLICT,
          'USER_EXISTS',
          `An account for ${request.email} already exists.`,
        );
      }
      const target = { type: 'user', id, label: request.email };
      await this.audit.record(
        { action: 'user.created', actor, target, origin, details: { displayName: request.displayName } },
        manager,
      );
      for (const role of distinct.values()) await this.insertGrant(manager, id, role, actor, origin, target);
      return {
        user: await manager.findOneByOrFail(UserEntity, { id }),
        invitation: await this.invitations.invite(manager, id, actor, origin),
      };
    });
    const [summary] = await this.summaries([user]);
    return { user: summary!, invitation };
  }

  async update(
    id: string,
    change: { displayName?: string; status?: 'active' | 'disabled' },
    actor: Actor,
    origin: RequestOrigin,
  ): Promise<UserSummary> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw userNotFound();
      const target = { type: 'user', id, label: user.email };
      // The DTO refuses null; this keeps a null from any other caller away from the NOT NULL column.
      if (typeof change.displayName === 'string' && change.displayName !== user.displayName) {
        await this.audit.record(
          {
            action: 'user.updated',
            actor,
            target,
            origin,
            details: { displayName: { before: user.displayName, after: change.displayName } },
          },
          manager,
        );
        user.displayName = change.displayName;
      }
      if (change.status === 'disabled' && user.status !== 'disabled') {
        if (id === actor.id) {
          throw invalidField('status', 'You cannot disable your own account');
        }
        await this.assertNotLastAdministrator(manager, id);
        await this.audit.record({ action: 'user.disabled', actor, target, origin }, manager);
        // An earlier invitation link must not re-enable the account.
        await this.invitations.closeOpen(manager, id);
        await this.revoker.revokeAll(manager, id, 'account-disabled');
        user.status = 'disabled';
      } else if (change.status === 'active' && user.status === 'disabled') {
        await this.audit.record({ action: 'user.enabled', actor, target, origin }, manager);
        user.status = user.passwordHash || user.oidcSubject ? 'active' : 'invited';
      }
      await manager.save(user);
      this.revoker.accountChanged(manager, id);
    });
    return this.get(id);
  }

  async grantRole(
    id: string,
    role: RoleGrantRequest,
    actor: Actor,
    origin: RequestOrigin,
  ): Promise<UserSummary> {
    await this.checkScopes([role], () => 'scopeCode');
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw userNotFound();
      await this.insertGrant(manager, id, role, actor, origin, { type: 'user', id, label: user.email });
      this.revoker.accountChanged(manager, id);
    });
    return this.get(id);
  }

  async revokeRole(id: string, grantId: string, actor: Actor, origin: RequestOrigin): Promise<UserSummary> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw userNotFound();
      const grant = await manager.findOneBy(RoleAssignmentEntity, { id: grantId, userId: id });
      if (!grant) throw new NotFoundApiException('ROLE_NOT_FOUND', 'This user does not hold that role.');
      if (grant.role === 'national-administrator') await this.assertNotLastAdministrator(manager, id);
      await manager.delete(RoleAssignmentEntity, { id: grantId });
      this.revoker.accountChanged(manager, id);
      await this.audit.record(
        {
          action: 'role.revoked',
          actor,
          target: { type: 'user', id, label: user.email },
          origin,
          details: { role: grant.role, scopeCode: grant.scopeCode },
        },
        manager,
      );
    });
    return this.get(id);
  }

  /** Everyone holding a trust role at the organisation. */
  async team(code: string): Promise<OrganisationTeam> {
    const [organisation] = await this.dataSource.query<{ name: string }[]>(
      'SELECT name FROM organisation WHERE ods_code = $1',
      [code],
    );
    if (!organisation)
      throw new NotFoundApiException('ORGANISATION_NOT_FOUND', `No organisation has the ODS code ${code}.`);
    const rows = await this.dataSource.query<
      { id: string; display_name: string; email: string; status: UserStatus; roles: Role[] }[]
    >(
      `SELECT u.id, u.display_name, u.email, u.status, array_agg(r.role ORDER BY r.role) AS roles
       FROM role_assignment r JOIN app_user u ON u.id = r.user_id
       WHERE r.scope_code = $1 AND r.role IN ('trust-lead', 'trust-contributor', 'board-approver')
       GROUP BY u.id ORDER BY u.display_name, u.email`,
      [code],
    );
    return {
      odsCode: code,
      name: organisation.name,
      members: rows.map((r) => ({
        userId: r.id,
        displayName: r.display_name,
        email: r.email,
        status: r.status,
        roles: r.roles,
      })),
    };
  }

  async summaries(users: UserEntity[]): Promise<UserSummary[]> {
    const grants = await this.grants.forUsers(users.map((u) => u.id));
    const names = await this.grants.scopeNames([...grants.values()].flat());
    return users.map((u) => toUserSummary(u, grants.get(u.id) ?? [], names));
  }

  private async findUser(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw userNotFound();
    return user;
  }

  private async insertGrant(
    manager: EntityManager,
    userId: string,
    role: RoleGrantRequest,
    actor: Actor,
    origin: RequestOrigin,
    target: { type: string; id: string; label: string },
  ): Promise<void> {
    const scopeCode = role.role === 'national-administrator' ? null : (role.scopeCode ?? null);
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(RoleAssignmentEntity)
      .values({ userId, role: role.role, scopeCode, grantedBy: actor.id })
      .orIgnore()
      .returning('id')
      .execute();
    if ((result.raw as unknown[]).length === 0) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'ROLE_EXISTS',
        'This user already holds that role with that scope.',
      );
    }
    await this.audit.record(
      { action: 'role.granted', actor, target, origin, details: { role: role.role, scopeCode } },
      manager,
    );
  }

  /** Each role's scope code must name a region, ICB or organisation as the role needs (400 otherwise). */
  private async checkScopes(roles: RoleGrantRequest[], field: (index: number) => string): Promise<void> {
    const errors: FieldError[] = [];
    for (const [index, role] of roles.entries()) {
      const type = ROLE_SCOPE[role.role];
      if (type === 'national') {
        if (role.scopeCode)
          errors.push({
            field: field(index),
            messages: ['A national administrator has no scope: leave scopeCode out'],
          });
      } else if (!role.scopeCode) {
        errors.push({
          field: field(index),
          messages: [`scopeCode is required for ${role.role}: ${SCOPE_HINT[type].example}`],
        });
      } else if (!(await this.grants.scopeExists(type, role.scopeCode))) {
        errors.push({
          field: field(index),
          messages: [
            `${role.scopeCode} is not ${SCOPE_HINT[type].noun} we know: ${role.role} needs ${SCOPE_HINT[type].example}`,
          ],
        });
      }
    }
    if (errors.length > 0) {
      throw invalidFields(errors, errors.flatMap((e) => e.messages).join('; '));
    }
  }

  private async assertNotLastAdministrator(manager: EntityManager, userId: string): Promise<void> {
    const [{ others }] = await manager.query<[{ others: number }]>(
      `SELECT count(DISTINCT u.id)::int AS others FROM role_assignment r JOIN app_user u ON u.id = r.user_id
       WHERE r.role = 'national-administrator' AND u.status = 'active' AND u.id <> $1`,
      [userId],
    );
    if (others === 0) {
      throw new ApiException(
        HttpStatus.CONFLICT,
        'LAST_ADMINISTRATOR',
        'This is the last active national administrator. Make someone else an administrator first.',
      );
    }
  }
}

const SCOPE_HINT = {
  region: { noun: 'a region', example: 'the ODS code of a region, e.g. Y56' },
  ics: { noun: 'an ICB', example: 'the ODS code of an ICB, e.g. QKK' },
  organisation: { noun: 'an organisation', example: 'the ODS code of an organisation, e.g. RJ1' },
};

function userNotFound(): ApiException {
  return new NotFoundApiException('USER_NOT_FOUND', 'There is no user with that id.');
}
