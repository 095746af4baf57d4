import type { Action, Role, RoleScopeTypes, ScopeType } from '@wgll/contracts';

/** A role held by the principal: `scopeCode` is null for national administrators. */
export interface Grant {
  id: string;
  role: Role;
  scopeCode: string | null;
  grantedAt: Date;
}

/** A resource placed in the hierarchy on the date being viewed (ancestors resolved by the caller). */
export type Resource =
  | { type: 'national' }
  | { type: 'region'; code: string }
  | { type: 'ics'; code: string; region: string | null }
  | { type: 'organisation'; code: string; ics: string | null; region: string | null };

/** Actions only a national administrator may take, whatever the resource. */
export const NATIONAL_ACTIONS: readonly Action[] = [
  'user:manage',
  'framework:manage',
  'cycle:manage',
  'import:manage',
  'target:manage',
  'national:view',
  'audit:read',
  'return:reopen',
];

/** Typed with the contracts' table, so the API and the web cannot disagree on a role's scope. */
export const ROLE_SCOPE: RoleScopeTypes = {
  'national-administrator': 'national',
  'regional-viewer': 'region',
  'ics-lead': 'ics',
  'trust-lead': 'organisation',
  'trust-contributor': 'organisation',
  'board-approver': 'organisation',
};

/** What each role may do inside its scope. National administrators may do everything. */
export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  'national-administrator': [],
  'regional-viewer': ['region:view', 'ics:view', 'organisation:view'],
  'ics-lead': ['ics:view', 'organisation:view'],
  'trust-lead': [
    'organisation:view',
    'return:view',
    'return:create',
    'return:assign',
    'return:answer',
    'return:submit',
  ],
  'trust-contributor': ['organisation:view', 'return:view', 'return:answer'],
  'board-approver': ['organisation:view', 'return:view', 'return:approve'],
};

/**
 * What an ICS lead may do with the ICB's own system-level return (a resource of type `ics`). It does
 * not reach the ICS's trusts: their returns are private to each trust until sealed.
 */
export const ICS_RETURN_ACTIONS: readonly Action[] = [
  'return:view',
  'return:create',
  'return:assign',
  'return:answer',
  'return:submit',
  'return:approve',
];

/**
 * The roles that, held on a scope of this type, may take `action` on a return there (for example
 * who may be given work on a return: those who may answer it).
 */
export function returnRolesThatMay(action: Action, scope: 'organisation' | 'ics'): Role[] {
  return (Object.keys(ROLE_SCOPE) as Role[]).filter(
    (role) =>
      ROLE_SCOPE[role] === scope &&
      (scope === 'ics' ? ICS_RETURN_ACTIONS : ROLE_ACTIONS[role]).includes(action),
  );
}

function systemReturnGrant(grant: Grant, action: Action, resource: Resource): boolean {
  return (
    grant.role === 'ics-lead' &&
    ICS_RETURN_ACTIONS.includes(action) &&
    resource.type === 'ics' &&
    resource.code === grant.scopeCode
  );
}

function covers(grant: Grant, resource: Resource): boolean {
  switch (ROLE_SCOPE[grant.role]) {
    case 'national':
      return true;
    case 'region':
      return (
        resource.type !== 'national' &&
        (resource.type === 'region' ? resource.code : resource.region) === grant.scopeCode
      );
    case 'ics':
      return (
        (resource.type === 'ics' && resource.code === grant.scopeCode) ||
        (resource.type === 'organisation' && resource.ics === grant.scopeCode)
      );
    case 'organisation':
      return resource.type === 'organisation' && resource.code === grant.scopeCode;
  }
}

/** The one rule: may someone holding `grants` take `action` on `resource`? */
export function can(grants: readonly Grant[], action: Action, resource: Resource): boolean {
  return grants.some(
    (grant) =>
      grant.role === 'national-administrator' ||
      (!NATIONAL_ACTIONS.includes(action) &&
        ((ROLE_ACTIONS[grant.role].includes(action) && covers(grant, resource)) ||
          systemReturnGrant(grant, action, resource))),
  );
}

/** The codes of the scopes on which `grants` hold any of `roles`, each once (a national grant has none). */
export function scopesOf(grants: readonly Grant[], roles: readonly Role[]): string[] {
  return [
    ...new Set(grants.flatMap((g) => (roles.includes(g.role) && g.scopeCode !== null ? [g.scopeCode] : []))),
  ];
}

/** Where an action is allowed, for filtering lists: everything, or these regions, ICSs and organisations. */
export type VisibleScope =
  { all: true } | { all: false; regions: string[]; ics: string[]; organisations: string[] };

export function visibleScope(grants: readonly Grant[], action: Action): VisibleScope {
  if (grants.some((g) => g.role === 'national-administrator')) return { all: true };
  const scope = {
    all: false as const,
    regions: [] as string[],
    ics: [] as string[],
    organisations: [] as string[],
  };
  if (NATIONAL_ACTIONS.includes(action)) return scope;
  const lists: Record<ScopeType, string[]> = {
    national: [],
    region: scope.regions,
    ics: scope.ics,
    organisation: scope.organisations,
  };
  for (const grant of grants) {
    if (!grant.scopeCode || !ROLE_ACTIONS[grant.role].includes(action)) continue;
    const list = lists[ROLE_SCOPE[grant.role]];
    if (!list.includes(grant.scopeCode)) list.push(grant.scopeCode);
  }
  return scope;
}
