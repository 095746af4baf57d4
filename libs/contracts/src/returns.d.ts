import type { AuditEvent } from './access.js';
import type { IsoDate, Page } from './common.js';
import type { ApiError } from './errors.js';
import type { CareSetting } from './organisations.js';

/** The seven measures' canonical ids (libs/framework MEASURE_IDS). */
export type MeasureId =
  | 'well-led'
  | 'smart-foundations'
  | 'safe-practice'
  | 'support-people'
  | 'empower-citizens'
  | 'improve-care'
  | 'healthy-populations';

// ---------------------------------------------------------------------------------------------
// Cycles
// ---------------------------------------------------------------------------------------------

export interface FrameworkRef {
  frameworkId: string;
  version: string;
}

/** Derived from today's date (UK): before `opensOn`, between the two dates, after `closesOn`. */
export type CycleStatus = 'upcoming' | 'open' | 'closed';

/** An assessment round, e.g. "2026/27". Only an open cycle accepts answers. */
export interface Cycle {
  id: string;
  name: string;
  /** The framework version of organisation (trust, per care setting) returns. */
  organisationFramework: FrameworkRef & { title: string };
  /** The framework version of the ICB's own system-level return. */
  systemFramework: FrameworkRef & { title: string };
  opensOn: IsoDate;
  closesOn: IsoDate;
  /** The organisation hierarchy (which ICS and region a trust belongs to) is read on this date. */
  referenceDate: IsoDate;
  status: CycleStatus;
  createdAt: string;
  /**
   * When a national administrator retired the cycle (created by mistake): it is left out of
   * GET /api/cycles unless `includeRetired=true`, accepts no changes, and its sealed returns and
   * results stay readable. Null while in use.
   */
  retiredAt: string | null;
}

export interface CycleList {
  items: Cycle[];
}

/** POST /api/cycles (national administrators). */
export interface CreateCycleRequest {
  name: string;
  organisationFramework: FrameworkRef;
  systemFramework: FrameworkRef;
  opensOn: IsoDate;
  closesOn: IsoDate;
  referenceDate: IsoDate;
}

/** PATCH /api/cycles/:id (national administrators): move the dates. */
export interface UpdateCycleRequest {
  opensOn?: IsoDate;
  closesOn?: IsoDate;
}

// ---------------------------------------------------------------------------------------------
// Returns
// ---------------------------------------------------------------------------------------------

/** `organisation`: a trust's return for one care setting. `system`: the ICB's own return. */
export type ReturnLevel = 'organisation' | 'system';

/**
 * draft → awaiting-approval (every applicable domain answered and confirmed) → approved (one or more
 * board approvals) → submitted (sealed, read-only). Any edit after approval withdraws the approvals
 * (kept, marked withdrawn) and the return awaits approval again. A national administrator may reopen
 * a submitted return: it becomes a draft of the next revision.
 */
export type ReturnState = 'draft' | 'awaiting-approval' | 'approved' | 'submitted';

export type Confidence = 'low' | 'medium' | 'high';

export interface PersonRef {
  id: string;
  displayName: string;
}

/** Whose return it is: a trust (organisation returns) or an ICB (system returns). */
export interface ReturnOwner {
  type: 'organisation' | 'ics';
  code: string;
  name: string;
}

export interface ReturnProgress {
  /** Applicable domains of the return (for its care setting). */
  total: number;
  /** Domains with an answer (including not applicable), carried-forward ones only once confirmed. */
  answered: number;
  /** Carried-forward answers still to confirm. */
  toConfirm: number;
}

export interface MeasureProgress extends ReturnProgress {
  measure: MeasureId;
  /** The framework version's display name for the measure. */
  name: string;
  /** Mean of the scored domains' levels; null while any domain is unanswered. */
  score: number | null;
}

/** What a user may do with this return (the API checks every request regardless). */
export interface ReturnPermissions {
  answer: boolean;
  assign: boolean;
  /** Mark ready for approval and submit. */
  submit: boolean;
  approve: boolean;
  reopen: boolean;
}

export interface ReturnSummary {
  id: string;
  cycle: { id: string; name: string; status: CycleStatus };
  level: ReturnLevel;
  owner: ReturnOwner;
  /** Null for system returns. */
  careSetting: CareSetting | null;
  state: ReturnState;
  /** 1, then +1 at each reopening. */
  revision: number;
  framework: FrameworkRef;
  progress: ReturnProgress;
  /** Mean of the seven measure scores; null until every measure is complete. */
  overall: number | null;
  /** The sealed return the answers were carried forward from, if any. */
  carriedForwardFrom: { returnId: string; cycleName: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReturnList {
  items: ReturnSummary[];
}

/** One domain's answer. Domains never answered have no entry. */
export interface DomainAnswer {
  domainId: string;
  /** Element ids ticked as met. */
  met: string[];
  /** Only where the framework allows it for the domain. */
  notApplicable: boolean;
  comment: string;
  confidence: Confidence | null;
  /** Evidence of this return that supports the answer. */
  evidenceIds: string[];
  /** 1 on the first save, +1 on every change. Send it back as `baseVersion`. */
  version: number;
  /** Carried forward from an earlier cycle and not yet confirmed or changed. */
  toConfirm: boolean;
  updatedAt: string;
  updatedBy: PersonRef | null;
}

export interface DomainScore {
  domainId: string;
  measure: MeasureId;
  status: 'scored' | 'not-applicable' | 'unanswered';
  level: number | null;
}

export interface MeasureScore {
  measure: MeasureId;
  domains: number;
  scored: number;
  notApplicable: number;
  missing: number;
  score: number | null;
}

/** Scores computed by libs/scoring from the answers (the web computes the same live). */
export interface ReturnScores {
  domains: DomainScore[];
  measures: MeasureScore[];
  overall: number | null;
}

/** What stops the next step. */
export interface MissingItem {
  /** `domain`: unanswered or to confirm; `approval`: no board approval yet. */
  kind: 'domain' | 'approval';
  domainId: string | null;
  measure: MeasureId | null;
  title: string;
  reason: 'unanswered' | 'to-confirm' | 'no-approval';
}

export type EvidenceKind = 'link' | 'file';

export interface Evidence {
  id: string;
  kind: EvidenceKind;
  title: string;
  /** Links only. */
  url: string | null;
  /** Files only. */
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  /** SHA-256 of the file's bytes (files only). */
  sha256: string | null;
  addedAt: string;
  addedBy: PersonRef | null;
  /** Domains whose answers cite it. */
  usedBy: string[];
}

export interface EvidenceList {
  items: Evidence[];
}

/** POST /api/returns/:id/evidence/links */
export interface AddEvidenceLinkRequest {
  title: string;
  url: string;
}

/** What the server accepts for file evidence (GET /api/evidence-rules). */
export interface EvidenceRules {
  maxFileBytes: number;
  /** File name extensions, lower case, without the dot. */
  extensions: string[];
}

/** A measure or a single domain given to someone to answer. */
export interface Assignment {
  id: string;
  /** Exactly one of measure and domainId is set. */
  measure: MeasureId | null;
  domainId: string | null;
  assignee: PersonRef & { email: string };
  assignedAt: string;
  assignedBy: PersonRef | null;
}

/** PUT /api/returns/:id/assignments: assigns (or reassigns) a measure or a domain. */
export interface AssignRequest {
  measure?: MeasureId;
  domainId?: string;
  userId: string;
}

/** People who may be assigned work on the return (GET /api/returns/:id/assignees). */
export interface AssigneeList {
  items: (PersonRef & { email: string })[];
}

export interface Approval {
  id: string;
  revision: number;
  approver: PersonRef;
  meetingDate: IsoDate;
  minuteReference: string;
  approvedAt: string;
  /** Set when an edit after approval withdrew it. */
  withdrawnAt: string | null;
  withdrawnReason: string | null;
}

/** POST /api/returns/:id/approvals (board approvers). */
export interface ApproveRequest {
  meetingDate: IsoDate;
  minuteReference: string;
}

export interface SealSummary {
  revision: number;
  sha256: string;
  sealedAt: string;
  sealedBy: PersonRef;
}

/** GET /api/returns/:id/seals/:revision/verification */
export interface SealVerification {
  revision: number;
  /** The hash stored at sealing. */
  sha256: string;
  /** The hash of the stored snapshot, computed now. */
  computedSha256: string;
  /** The hash the audit log recorded when the revision was sealed; null when no entry names it. */
  auditedSha256: string | null;
  /**
   * True when the stored hash matches the snapshot (in canonical form) and the hash the audit log
   * recorded at sealing (when there is one).
   */
  verified: boolean;
  /** The live rows of the sealed revision compared with the sealed copy. */
  live: SealLiveComparison;
  /** One plain-English sentence, e.g. "Sealed copy intact; live data differs in 3 answers." */
  summary: string;
}

/** What a seal check compares: the return itself, its framework, answers, evidence, approvals, scores. */
export type SealDifferenceKind = 'return' | 'framework' | 'answer' | 'evidence' | 'approval' | 'score';

export interface SealDifference {
  kind: SealDifferenceKind;
  /** The domain id, evidence id, approver id, measure id (or `overall`), or the return's field. */
  id: string;
  /** Plain English, e.g. "Domain well-led-d: the elements met differ from the sealed copy." */
  message: string;
}

export interface SealLiveComparison {
  /** True when every part compared matches the sealed copy. */
  matches: boolean;
  /** The parts compared. After a reopening the live answers belong to the newer revision and are not. */
  compared: SealDifferenceKind[];
  differences: SealDifference[];
  /** Why a part was not compared, in plain English; null when everything was. */
  note: string | null;
}

/** GET /api/returns/:id: everything the questionnaire, review and approval pages need. */
export interface ReturnDetail extends ReturnSummary {
  measures: MeasureProgress[];
  answers: DomainAnswer[];
  scores: ReturnScores;
  evidence: Evidence[];
  assignments: Assignment[];
  /** This revision's approvals, withdrawn ones included. */
  approvals: Approval[];
  /** What stops the next step (marking ready, or submitting). Empty when nothing does. */
  missing: MissingItem[];
  seals: SealSummary[];
  permissions: ReturnPermissions;
}

/** POST /api/organisations/:code/returns: one return per care setting (default: all the trust runs). */
export interface CreateOrganisationReturnsRequest {
  cycleId: string;
  careSettings?: CareSetting[];
  /** Start from the last sealed return of an earlier cycle (same care setting). Default false. */
  carryForward?: boolean;
}

/** POST /api/ics/:code/returns: the ICB's system-level return. */
export interface CreateSystemReturnRequest {
  cycleId: string;
  carryForward?: boolean;
}

export interface CreateReturnsResult {
  /** Returns created by this request. */
  created: ReturnSummary[];
  /** Returns that already existed for the cycle (left unchanged). */
  existing: ReturnSummary[];
}

/** PUT /api/returns/:id/answers/:domainId */
export interface SaveAnswerRequest {
  /** The version the edit is based on: 0 when the domain had no answer. */
  baseVersion: number;
  met: string[];
  notApplicable: boolean;
  comment: string;
  confidence: Confidence | null;
  evidenceIds: string[];
}

/** POST /api/returns/:id/answers/:domainId/confirm: keep a carried-forward answer as it is. */
export interface ConfirmAnswerRequest {
  baseVersion: number;
}

export interface SaveAnswerResult {
  answer: DomainAnswer;
  /** The return's state after the save (an edit after approval returns it to awaiting approval). */
  state: ReturnState;
  /** Approvals withdrawn by this edit. */
  approvalsWithdrawn: number;
}

/** 409 ANSWER_CONFLICT: the answer changed since `baseVersion`; `current` is what is stored now. */
export interface AnswerConflictError extends ApiError {
  code: 'ANSWER_CONFLICT';
  current: DomainAnswer | null;
}

/** POST /api/returns/:id/reopen (national administrators). */
export interface ReopenRequest {
  reason: string;
}

/** The return's history: every audit event about it, newest first. */
export type ReturnHistory = Page<AuditEvent>;

/** GET /api/me/assignments: work given to the signed-in user, with what is left. */
export interface MyAssignment {
  assignment: Assignment;
  return: ReturnSummary;
  /** The measure's name or the domain's title. */
  title: string;
  total: number;
  answered: number;
  /** Domains of the assignment still to answer or confirm. */
  remaining: { domainId: string; title: string }[];
}

export interface MyAssignmentList {
  items: MyAssignment[];
}
