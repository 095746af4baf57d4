import type {
  AuditListQuery,
  CareSetting,
  EmailDeliveryQuery,
  IsoDate,
  OrganisationListQuery,
  UserListQuery,
} from '@wgll/contracts';

/**
 * Every query key of the app, in one place, so any feature can mark another's cached answers stale
 * without importing it. Each key starts with its resource (`['returns', …]`), so invalidating
 * `xKeys.all` reaches everything about that resource.
 */

export const sessionKey = ['session'] as const;

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditListQuery) => [...auditKeys.all, query] as const,
};

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (query: UserListQuery) => [...userKeys.lists(), query] as const,
  detail: (id: string) => [...userKeys.all, 'detail', id] as const,
};

export const notificationKeys = {
  all: ['notifications'] as const,
  notices: () => [...notificationKeys.all, 'notices'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
  unsubscribe: (token: string) => [...notificationKeys.all, 'unsubscribe', token] as const,
  deliveries: (query: EmailDeliveryQuery) => [...notificationKeys.all, 'deliveries', query] as const,
};

export const invitationKey = (token: string) => ['invitation', token] as const;

export const cycleKeys = {
  all: ['cycles'] as const,
  list: (includeRetired = false) => [...cycleKeys.all, 'list', { includeRetired }] as const,
};

export const frameworkKeys = {
  all: ['frameworks'] as const,
  list: () => [...frameworkKeys.all, 'list'] as const,
  version: (frameworkId: string, version: string, careSetting: string | undefined) =>
    [...frameworkKeys.all, 'version', frameworkId, version, careSetting ?? null] as const,
  changes: (frameworkId: string, version: string) =>
    [...frameworkKeys.all, 'changes', frameworkId, version] as const,
};

export const regionKeys = {
  all: ['regions'] as const,
  list: () => [...regionKeys.all, 'list'] as const,
  detail: (code: string, at: IsoDate | undefined) => [...regionKeys.all, 'detail', code, at ?? null] as const,
};

export const icsKeys = {
  all: ['ics'] as const,
  list: (at: IsoDate | undefined, region: string | undefined) =>
    [...icsKeys.all, 'list', at ?? null, region ?? null] as const,
  detail: (code: string, at: IsoDate | undefined) => [...icsKeys.all, 'detail', code, at ?? null] as const,
};

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (query: OrganisationListQuery) => [...organisationKeys.all, 'list', query] as const,
  detail: (code: string, at: IsoDate | undefined) =>
    [...organisationKeys.all, 'detail', code, at ?? null] as const,
  mine: (at: IsoDate, pageSize: number) => [...organisationKeys.all, 'mine', at, pageSize] as const,
  team: (code: string, at: IsoDate | undefined) =>
    [...organisationKeys.all, 'team', code, at ?? null] as const,
};

export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
  detail: (id: string) => [...importKeys.all, 'detail', id] as const,
};

export const returnKeys = {
  all: ['returns'] as const,
  detail: (id: string) => [...returnKeys.all, 'detail', id] as const,
  ofOrganisation: (code: string, cycleId: string | undefined) =>
    [...returnKeys.all, 'organisation', code, cycleId ?? null] as const,
  ofIcs: (code: string, cycleId: string | undefined) =>
    [...returnKeys.all, 'ics', code, cycleId ?? null] as const,
  history: (id: string, page: number) => [...returnKeys.all, 'history', id, page] as const,
  seal: (id: string, revision: number) => [...returnKeys.all, 'seal', id, revision] as const,
  assignees: (id: string) => [...returnKeys.all, 'assignees', id] as const,
  myAssignments: () => [...returnKeys.all, 'my-assignments'] as const,
  /** "Waiting for you" on the home page: mostly about returns, so it is read again with them. */
  waiting: () => [...returnKeys.all, 'waiting'] as const,
};

/** Improvement plans (issue 17): a return's plan, its approved versions, and the ICS and region roll-ups. */
export const planKeys = {
  all: ['plans'] as const,
  detail: (returnId: string) => [...planKeys.all, 'detail', returnId] as const,
  approved: (returnId: string, approvalId: string) =>
    [...planKeys.all, 'approved', returnId, approvalId] as const,
  ics: (code: string, cycle: string | undefined) => [...planKeys.all, 'ics', code, cycle ?? null] as const,
  region: (code: string, cycle: string | undefined, threshold: string | undefined) =>
    [...planKeys.all, 'region', code, cycle ?? null, threshold ?? null] as const,
};

export const evidenceRulesKey = ['evidence-rules'] as const;

export const resultKeys = {
  all: ['results'] as const,
  cycles: () => [...resultKeys.all, 'cycles'] as const,
  /** `cycle`: the cycle's id, `default` for the one the API chooses, or null. */
  trust: (code: string, cycle: string | null, careSetting: CareSetting | undefined) =>
    [...resultKeys.all, 'organisation', code, cycle, careSetting ?? null] as const,
  ics: (code: string, cycle: string | null, careSetting: CareSetting | undefined) =>
    [...resultKeys.all, 'ics', code, cycle, careSetting ?? null] as const,
  icsCompletion: (code: string, cycleId: string) =>
    [...resultKeys.all, 'ics-completion', code, cycleId] as const,
  /** `search`: the area view's choices (cycle, basis, care setting, threshold, date), or null. */
  area: <Search extends object>(path: string, search: Search | null) =>
    [...resultKeys.all, 'area', path, search] as const,
  trustTrends: (code: string, careSetting: CareSetting | null) =>
    [...resultKeys.all, 'organisation-trends', code, careSetting] as const,
  areaTrends: (kind: 'ics' | 'regions', code: string, careSetting: CareSetting | null, boundaries: string) =>
    [...resultKeys.all, 'area-trends', kind, code, careSetting, boundaries] as const,
  nationalTrends: (careSetting: CareSetting) => [...resultKeys.all, 'national-trends', careSetting] as const,
  regionCompletion: (code: string, cycleId: string) =>
    [...resultKeys.all, 'region-completion', code, cycleId] as const,
};
