import type { CurrentUser, Role, RoleScope, RoleScopeTypes, ScopeType } from '@wgll/contracts';

import { readableName } from './format';

export const roleLabels: Record<Role, string> = {
  'national-administrator': 'National administrator',
  'regional-viewer': 'Regional viewer',
  'ics-lead': 'ICS lead',
  'trust-lead': 'Trust lead',
  'trust-contributor': 'Trust contributor',
  'board-approver': 'Board approver',
};

export const roles = Object.keys(roleLabels) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(roleLabels, value);
}

/** What each role's scope code names: typed with the contracts' table, so a difference does not compile. */
export const roleScopeTypes: RoleScopeTypes = {
  'national-administrator': 'national',
  'regional-viewer': 'region',
  'ics-lead': 'ics',
  'trust-lead': 'organisation',
  'trust-contributor': 'organisation',
  'board-approver': 'organisation',
};

/** What a role lets someone do, in a few words, for the role choices. */
export const roleDescriptions: Record<Role, string> = {
  'national-administrator': 'Manages users and frameworks, and reads the audit log, for all of England.',
  'regional-viewer': 'Sees the organisations in one NHS England region.',
  'ics-lead': 'Leads the assessment for one integrated care system.',
  'trust-lead': 'Leads the assessment for one trust.',
  'trust-contributor': 'Answers questions in one trust’s assessment.',
  'board-approver': 'Approves one trust’s assessment for its board.',
};

/** The hint for the ODS code a role needs; undefined for a role with no scope. */
export function scopeCodeHint(role: Role | ''): string | undefined {
  switch (role === '' ? undefined : roleScopeTypes[role]) {
    case 'region':
      return 'The ODS code of the NHS England region, for example Y56 for London.';
    case 'ics':
      return 'The ODS code of the integrated care board, for example QKK for NHS South East London ICB.';
    case 'organisation':
      return 'The ODS code of the trust, for example RJ1 for Guy’s and St Thomas’.';
    case 'national':
      return undefined;
    default:
      return 'A region, integrated care board or trust ODS code, depending on the role. For example, Y56, QKK or RJ1.';
  }
}

/** `Guy's and St Thomas' NHS Foundation Trust (RJ1)`, or `All of England` for a national role. */
export function describeScope(scope: RoleScope): string {
  if (scope.type === 'national' || scope.code === null) return 'All of England';
  return scope.name ? `${readableName(scope.name)} (${scope.code})` : scope.code;
}

/** What to do when the API says a scope code does not name the right kind of place for a role. */
export function scopeCodeMessage(role: Role): string | undefined {
  switch (roleScopeTypes[role]) {
    case 'region':
      return 'Enter the ODS code of an NHS England region, for example Y56';
    case 'ics':
      return 'Enter the ODS code of an integrated care board, for example QKK';
    case 'organisation':
      return 'Enter the ODS code of a trust, for example RJ1';
    case 'national':
      return undefined;
  }
}

/** The lead role that starts the returns of a trust (organisation) or of an ICB (ics). */
const returnLeadRoles = { organisation: 'trust-lead', ics: 'ics-lead' } as const satisfies Partial<
  Record<ScopeType, Role>
>;

/**
 * Whether the user may start assessment returns for a trust (`organisation`) or an ICB (`ics`): a
 * national administrator anywhere, or the trust lead or ICS lead of that place. The API decides.
 */
export function mayStartReturns(
  user: CurrentUser | null,
  scopeType: keyof typeof returnLeadRoles,
  code: string,
): boolean {
  return (
    user?.roles.some(
      (grant) =>
        grant.role === 'national-administrator' ||
        (grant.role === returnLeadRoles[scopeType] && grant.scope.code === code),
    ) ?? false
  );
}
