import type { RoleGrant, UserSummary } from '@wgll/contracts';
import type { Grant } from '../access/policy.js';
import { ROLE_SCOPE } from '../access/policy.js';
import type { UserEntity } from './entities/user.entity.js';

/** Display names of the ODS codes that scope roles. */
export type ScopeNames = Map<string, string>;

export function toRoleGrant(grant: Grant, names: ScopeNames): RoleGrant {
  return {
    id: grant.id,
    role: grant.role,
    scope: {
      type: ROLE_SCOPE[grant.role],
      code: grant.scopeCode,
      name: grant.scopeCode ? (names.get(`${ROLE_SCOPE[grant.role]}:${grant.scopeCode}`) ?? null) : null,
    },
    grantedAt: grant.grantedAt.toISOString(),
  };
}

export function toUserSummary(user: UserEntity, grants: Grant[], names: ScopeNames): UserSummary {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    roles: grants.map((g) => toRoleGrant(g, names)),
    ssoLinked: user.oidcSubject !== null,
    lastSignedInAt: user.lastSignedInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
