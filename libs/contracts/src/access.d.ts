import type { IsoDate, Page } from './common.js';

/** The six roles. A user may hold several, each with its own scope. */
export type Role =
  | 'national-administrator'
  | 'regional-viewer'
  | 'ics-lead'
  | 'trust-lead'
  | 'trust-contributor'
  | 'board-approver';

/** What a role's scope code names: nothing (national), a region, an ICS (ICB) or an organisation. */
export type ScopeType = 'national' | 'region' | 'ics' | 'organisation';

/**
 * What each role's scope code names: the one table of roles to scopes. The API's policy and the
 * web's role choices declare their tables with this type (or are checked against it), so they agree.
 */
export interface RoleScopeTypes {
  'national-administrator': 'national';
  'regional-viewer': 'region';
  'ics-lead': 'ics';
  'trust-lead': 'organisation';
  'trust-contributor': 'organisation';
  'board-approver': 'organisation';
}

/**
 * What the policy decides. Global actions (`*:manage`, `audit:read`, `return:reopen`) belong to
 * national administrators; the others are checked against the dated organisation hierarchy.
 */
export type Action =
  | 'user:manage'
  | 'framework:manage'
  | 'cycle:manage'
  | 'import:manage'
  | 'target:manage'
  | 'audit:read'
  | 'return:reopen'
  | 'national:view'
  | 'region:view'
  | 'ics:view'
  | 'organisation:view'
  | 'return:view'
  | 'return:create'
  | 'return:assign'
  | 'return:answer'
  | 'return:submit'
  | 'return:approve';

export interface RoleScope {
  type: ScopeType;
  /** ODS code of the region, ICB or organisation; null for national. */
  code: string | null;
  /** Display name of the scope; null for national. */
  name: string | null;
}

export interface RoleGrant {
  id: string;
  role: Role;
  scope: RoleScope;
  grantedAt: string;
}

/** What the signed-in user may use, for navigation. The API checks every request regardless. */
export interface Capabilities {
  manageUsers: boolean;
  manageFrameworks: boolean;
  readAudit: boolean;
  manageCycles: boolean;
  manageTargets: boolean;
  /** Import published results (national administrators). */
  manageImports: boolean;
  /** The national results view (national administrators). */
  viewNational: boolean;
}

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  roles: RoleGrant[];
  capabilities: Capabilities;
  /** How this session was started. */
  signedInWith: 'password' | 'sso' | 'invitation';
}

/** GET /api/auth/session: who is signed in (or null), and what a client needs to make requests. */
export interface SessionInfo {
  user: CurrentUser | null;
  /** Send as the `x-csrf-token` header on every POST, PUT, PATCH and DELETE. */
  csrfToken: string;
  sso: { enabled: boolean; label: string };
  /**
   * True when nobody is signed in but the request carried a refresh cookie: POST /api/auth/refresh
   * may renew the session. False otherwise (there is nothing to renew).
   */
  refreshable: boolean;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  /** 12 to 128 characters. */
  newPassword: string;
}

/** GET /api/auth/invitations/:token */
export interface InvitationInfo {
  email: string;
  displayName: string;
  expiresAt: string;
}

export interface AcceptInvitationRequest {
  /** 12 to 128 characters. */
  password: string;
}

export type UserStatus = 'invited' | 'active' | 'disabled';

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  status: UserStatus;
  roles: RoleGrant[];
  /** True when the account is linked to a single sign-on identity. */
  ssoLinked: boolean;
  lastSignedInAt: string | null;
  createdAt: string;
}

export type UserList = Page<UserSummary>;

export interface UserListQuery {
  /** Part of a name or email. */
  q?: string;
  status?: UserStatus;
  page?: number;
  pageSize?: number;
}

export interface RoleGrantRequest {
  role: Role;
  /** Required for every role except national-administrator: the region, ICB or organisation ODS code. */
  scopeCode?: string;
}

export interface CreateUserRequest {
  email: string;
  displayName: string;
  /** At least one. */
  roles: RoleGrantRequest[];
}

export interface UpdateUserRequest {
  displayName?: string;
  /** `disabled` signs the user out everywhere; `active` re-enables a disabled account. */
  status?: 'active' | 'disabled';
}

/** An invitation link is shown once, to the administrator who created it. */
export interface InvitationLink {
  url: string;
  expiresAt: string;
}

export interface CreateUserResult {
  user: UserSummary;
  invitation: InvitationLink;
}

/** A member of an organisation's team: someone holding a role scoped to it. */
export interface TeamMember {
  userId: string;
  displayName: string;
  email: string;
  status: UserStatus;
  roles: Role[];
}

export interface OrganisationTeam {
  odsCode: string;
  name: string;
  members: TeamMember[];
}

/** GET /api/me/organisations?at=: the organisations the user may see named on a date. */
export interface MyOrganisationsQuery {
  at?: IsoDate;
}

export type AuditAction =
  | 'sign-in.succeeded'
  | 'sign-in.failed'
  | 'sign-in.locked'
  | 'sign-in.sso-succeeded'
  | 'sign-in.sso-unknown'
  | 'sign-in.sso-linked'
  | 'sign-out'
  | 'session.refresh-reused'
  | 'password.changed'
  | 'invitation.created'
  | 'invitation.accepted'
  | 'user.created'
  | 'user.updated'
  | 'user.disabled'
  | 'user.enabled'
  | 'role.granted'
  | 'role.revoked'
  | 'framework.uploaded'
  | 'cycle.created'
  | 'cycle.updated'
  | 'cycle.retired'
  | 'target.created'
  | 'target.updated'
  | 'target.retired'
  | 'framework.retired'
  | 'return.created'
  | 'return.answer-saved'
  | 'return.answer-confirmed'
  | 'return.assigned'
  | 'return.unassigned'
  | 'return.evidence-added'
  | 'return.evidence-removed'
  | 'return.marked-ready'
  | 'return.approved'
  | 'return.approval-withdrawn'
  | 'return.declined'
  | 'return.submitted'
  | 'return.reopened'
  | 'plan.targets-saved'
  | 'plan.action-added'
  | 'plan.action-updated'
  | 'plan.action-removed'
  | 'plan.actions-merged'
  | 'plan.carried-forward'
  | 'plan.approved'
  | 'peer-sharing.updated'
  | 'import.uploaded'
  | 'import.matches-confirmed'
  | 'import.applied';

export interface AuditEvent {
  id: string;
  occurredAt: string;
  /** Null when nobody was signed in (e.g. a failed sign-in). */
  /**
   * `label`: what was recorded (the account's e-mail address, or the address typed at a failed
   * sign-in). `name`: the account's name today, null when there is no such account.
   */
  actor: { id: string; label: string; name: string | null } | null;
  action: AuditAction;
  /** `name`: for a user, the account's name today (null otherwise, or when there is no such account). */
  target: { type: string; id: string; label: string | null; name: string | null } | null;
  /** Where the request came from. */
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

export type AuditList = Page<AuditEvent>;

export interface AuditListQuery {
  action?: AuditAction;
  /** Events by or about this user. */
  userId?: string;
  page?: number;
  pageSize?: number;
}

/** Where the audit log's hash chain first fails. */
export interface AuditChainBreak {
  /** The audit entry's id (shown as "entry #id"). */
  eventId: string;
  /** Its position in the chain. */
  seq: number;
  /** `changed`: the entry does not match its hash (edited or moved); `missing`: entries before it were deleted. */
  kind: 'changed' | 'missing';
  message: string;
}

/** GET /api/audit/verification: every linked entry's hash recomputed, in chain order. */
export interface AuditChainVerification {
  intact: boolean;
  /** Entries linked into the chain, all checked. */
  checked: number;
  /** Entries written a moment ago and not linked into the chain yet. */
  pending: number;
  /** Entries that fail the check. */
  broken: number;
  firstBreak: AuditChainBreak | null;
  /** The last linked entry's position and hash: noting them lets a later check see the newest entries removed. */
  head: { seq: number; hash: string } | null;
  /** e.g. "All 1,234 entries are intact." or "The log has been changed: entry #57 does not match its hash." */
  summary: string;
  checkedAt: string;
}
