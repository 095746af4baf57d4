import type { IsoDate } from './common.js';
import type { ApiError } from './errors.js';
import type { CareSetting } from './organisations.js';
import type { MeasureId, PersonRef } from './returns.js';

/** A maturity level, 1 (lowest) to 5. */
export type LevelNumber = 1 | 2 | 3 | 4 | 5;

/**
 * Improvement plans (issue 17). A plan belongs to one return (a trust, a care setting, a cycle): targets
 * per domain (and optionally per measure), and actions that close the gap between today's levels and
 * the targets. The plan stays editable after the return is sealed; what a board approved is kept as a
 * snapshot beside the approval.
 */

export type ActionState = 'not-started' | 'in-progress' | 'done' | 'blocked';
export type ActionFunding = 'capital' | 'revenue' | 'national-programme' | 'none-needed';

/** One domain's target. */
export interface DomainTarget {
  domainId: string;
  /** 2–5, above the domain's level today. */
  level: LevelNumber;
}

/** An optional target on a measure's score (the mean of its domains' levels). */
export interface MeasureTarget {
  measure: MeasureId;
  /** 1–5, at most 2 decimal places. */
  score: number;
}

export interface PlanAction {
  id: string;
  /** The domain whose gap the action closes. */
  domainId: string;
  /** The unmet elements it meets once done (one when proposed; more after a merge). */
  elementIds: string[];
  title: string;
  /** Free text: shown only inside the trust. */
  description: string;
  owner: PersonRef | null;
  dueDate: IsoDate | null;
  state: ActionState;
  /** Required when blocked; null otherwise. */
  blockedReason: string | null;
  funding: ActionFunding | null;
  expectedBenefit: string;
  /** Evidence of the plan's return showing the action is done. */
  evidenceIds: string[];
  /** Set when carried forward from an earlier cycle's plan: that action's id and cycle name. */
  carriedFrom: { actionId: string; cycleName: string } | null;
  /** Grows with every change: send it back as `baseVersion`. */
  version: number;
  updatedAt: string;
  updatedBy: PersonRef | null;
}

/** Scores as computed by libs/scoring for one scenario (today, projected, target). */
export interface PlanScores {
  /** Per domain of the return: null where unanswered or not applicable. */
  domains: Record<string, LevelNumber | null>;
  /** Per measure: null while incomplete. */
  measures: Record<MeasureId, number | null>;
  overall: number | null;
}

/** An action the product proposes from the gap: one unmet element of a level between today's and the target. */
export interface ProposedAction {
  domainId: string;
  elementId: string;
  /** The level the element belongs to. */
  level: LevelNumber;
  /** Prefilled from the element: text as title, guidance as description, evidence hint as benefit. */
  title: string;
  description: string;
  evidenceHint: string;
}

export interface PlanApprovalRecord {
  id: string;
  approver: PersonRef;
  meetingDate: IsoDate;
  minuteReference: string;
  approvedAt: string;
  /** The approval of the return it was recorded with; null when the plan alone was approved (sealed returns). */
  returnApprovalId: string | null;
  /** The plan's version when approved. */
  planVersion: number;
}

/** GET /api/returns/:id/plan (people of the trust: return:view). */
export interface ImprovementPlan {
  returnId: string;
  /** 0 while no plan has been saved (targets and actions empty). */
  version: number;
  targetDate: IsoDate | null;
  targets: DomainTarget[];
  measureTargets: MeasureTarget[];
  actions: PlanAction[];
  /** Not yet covered by an action. */
  proposals: ProposedAction[];
  scores: {
    today: PlanScores;
    /** If every action due by the target date (or undated) were done. */
    projected: PlanScores;
    /** If every target were reached (domains without a target keep today's level). */
    target: PlanScores;
  };
  /** Elements of this return whose action (in this plan or the previous cycle's) is done but which are not ticked as met. */
  doneNotTicked: { domainId: string; elementId: string; actionId: string }[];
  approvals: PlanApprovalRecord[];
  permissions: {
    /** Set targets, add, merge and remove actions, edit any action (trust lead). */
    edit: boolean;
    /** Update the actions they own (contributors): state, description, evidence. */
    updateOwn: boolean;
    /** Approve the plan on its own (board approvers, when the return is sealed). */
    approve: boolean;
  };
}

/** PUT /api/returns/:id/plan: set the targets (replacing them). */
export interface SavePlanRequest {
  /** 0 for a plan never saved. 409 PLAN_CONFLICT with `current` when stale. */
  baseVersion: number;
  targetDate: IsoDate | null;
  targets: DomainTarget[];
  measureTargets: MeasureTarget[];
}

/** POST /api/returns/:id/plan/actions */
export interface CreateActionRequest {
  domainId: string;
  elementIds: string[];
  title: string;
  description: string;
  ownerId: string | null;
  dueDate: IsoDate | null;
  state: ActionState;
  blockedReason: string | null;
  funding: ActionFunding | null;
  expectedBenefit: string;
  evidenceIds: string[];
}

/** PATCH /api/returns/:id/plan/actions/:actionId: the fields sent change; 409 ACTION_CONFLICT with `current` when stale. */
export interface UpdateActionRequest extends Partial<CreateActionRequest> {
  baseVersion: number;
}

/** 409 PLAN_CONFLICT: the targets changed since `baseVersion`; `current` is the plan as stored now. */
export interface PlanConflictError extends ApiError {
  code: 'PLAN_CONFLICT';
  current: ImprovementPlan;
}

/**
 * 409 ACTION_CONFLICT (update, remove, merge): an action changed since its `baseVersion`; `current`
 * is that action as stored now (an action removed meanwhile is 404 NOT_FOUND).
 */
export interface ActionConflictError extends ApiError {
  code: 'ACTION_CONFLICT';
  current: PlanAction;
}

/** DELETE /api/returns/:id/plan/actions/:actionId?baseVersion=N removes an action: 204; 409 ACTION_CONFLICT when stale. */

/** POST /api/returns/:id/plan/actions/merge: the first action keeps its fields and gains the others' elements; the others are removed. */
export interface MergeActionsRequest {
  actions: { id: string; baseVersion: number }[];
}

/** POST /api/returns/:id/plan/approvals: approve the plan on its own (a sealed return). */
export interface ApprovePlanRequest {
  meetingDate: IsoDate;
  minuteReference: string;
}

/** GET /api/returns/:id/plan/approvals/:approvalId: the plan as it was approved. */
export interface ApprovedPlan {
  approval: PlanApprovalRecord;
  plan: Pick<ImprovementPlan, 'targetDate' | 'targets' | 'measureTargets' | 'actions' | 'scores'>;
}

/** An action as an ICS or region sees it: no free text. */
export interface ActionOutline {
  title: string;
  domainId: string;
  state: ActionState;
  dueDate: IsoDate | null;
}

export interface OrganisationPlanSummary {
  organisation: { code: string; name: string };
  careSetting: CareSetting;
  returnId: string;
  /** Today's overall score (the sealed return's); null while incomplete. */
  overallToday: number | null;
  overallProjected: number | null;
  overallTarget: number | null;
  targetDate: IsoDate | null;
  targets: { domainId: string; current: LevelNumber | null; target: LevelNumber }[];
  actions: { total: number; done: number; overdue: number; blocked: number };
  outlines: ActionOutline[];
  /** Approved by the board (with the return or on its own). */
  approved: boolean;
}

/** An element unmet in most of a group's organisations. */
export interface CommonGap {
  domainId: string;
  domainTitle: string;
  elementId: string;
  elementText: string;
  level: LevelNumber;
  /** Organisations whose sealed return does not meet it, of `of` whose return includes the domain. */
  unmet: number;
  /** Organisations whose sealed return meets it, of `of`. */
  met: number;
  of: number;
  /** Of those, how many have an action for it, and the earliest and latest due dates. */
  planned: number;
  earliestDue: IsoDate | null;
  latestDue: IsoDate | null;
}

/** GET /api/ics/:code/plans?cycle= (ICS leads and those above). Sealed returns only. */
export interface IcsPlans {
  ics: { code: string; name: string };
  cycle: { id: string; name: string };
  organisations: OrganisationPlanSummary[];
  commonGaps: CommonGap[];
}

/** GET /api/regions/:code/plans?cycle=&threshold= (regional viewers and national administrators). */
export interface RegionPlans {
  region: { code: string; name: string };
  cycle: { id: string; name: string };
  threshold: number;
  groups: {
    ics: { code: string; name: string };
    organisations: number;
    withPlan: number;
    actions: { total: number; done: number; overdue: number; blocked: number };
    commonGaps: CommonGap[];
  }[];
  /** Organisations whose projected overall score by their target date stays below the threshold. */
  notReaching: {
    organisation: { code: string; name: string };
    ics: { code: string; name: string };
    careSetting: CareSetting;
    overallToday: number | null;
    overallProjected: number | null;
    targetDate: IsoDate | null;
  }[];
}
