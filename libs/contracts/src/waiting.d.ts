import type { IsoDate } from './common.js';
import type { CareSetting } from './organisations.js';
import type { ActionState } from './plans.js';
import type { CompletionState } from './results.js';
import type { MeasureId, PersonRef, ReturnOwner, ReturnState } from './returns.js';

/** A return named in "Waiting for you": whose, which care setting and which cycle. */
export interface WaitingReturn {
  returnId: string;
  owner: ReturnOwner;
  /** Null for an ICB's own system return. */
  careSetting: CareSetting | null;
  cycle: { id: string; name: string; closesOn: IsoDate };
  state: ReturnState;
}

/** An assignment with work left to do, on a return not yet submitted. */
export interface WaitingAssignment {
  assignmentId: string;
  return: WaitingReturn;
  /** Exactly one of measure and domainId is set. */
  measure: MeasureId | null;
  domainId: string | null;
  /** The measure's name or the domain's title. */
  title: string;
  /** The measure whose questionnaire holds the work (a domain's own measure); null if unknown. */
  questionsOf: MeasureId | null;
  dueDate: IsoDate | null;
  /** Domains of the assignment still to answer or confirm (at least one). */
  remaining: number;
  assignee: PersonRef;
}

/** A return the board sent back to the team, with the board's reason. */
export interface SentBackReturn extends WaitingReturn {
  declinedAt: string;
  reason: string;
}

/** An ICS's organisations (and the ICB) whose return for an open cycle is not yet submitted. */
export interface ReturnsToChase {
  ics: { code: string; name: string };
  cycle: { id: string; name: string; closesOn: IsoDate };
  /** One entry per organisation, with the care settings not yet submitted; the ICB's own return has no care setting. */
  owners: Array<{
    level: 'organisation' | 'system';
    code: string;
    name: string;
    returns: Array<{ careSetting: CareSetting | null; state: Exclude<CompletionState, 'submitted'> }>;
  }>;
}

/** A region's ICSs, each with the number of its returns for an open cycle not yet submitted. */
export interface RegionReturnsToChase {
  region: { code: string; name: string };
  cycle: { id: string; name: string; closesOn: IsoDate };
  /** Only ICSs with something not yet submitted. */
  ics: Array<{ code: string; name: string; expected: number; notSubmitted: number }>;
}

/** An improvement-plan action the person owns, not done, overdue or due within 14 days. */
export interface ActionDue {
  actionId: string;
  returnId: string;
  title: string;
  dueDate: IsoDate;
  state: ActionState;
  owner: ReturnOwner;
  careSetting: CareSetting | null;
  cycleName: string;
}

/**
 * GET /api/me/waiting: what needs the signed-in person, within their roles' scopes. Each list is
 * empty when it does not apply; the web shows only the lists with something in them.
 */
export interface WaitingForYou {
  /** Today in the UK, the date "overdue" and "due in" are counted from. */
  today: IsoDate;
  /** Returns awaiting the board's approval that the person may approve. */
  toApprove: WaitingReturn[];
  /** The person's own assignments: overdue first, then by due date, then those with no date. */
  assignments: WaitingAssignment[];
  /** Returns the person leads that the board sent back. */
  sentBack: SentBackReturn[];
  /** Returns the person leads that the board approved, ready to submit (seal). */
  readyToSubmit: WaitingReturn[];
  /** Overdue assignments (of anyone) in returns the person leads, most overdue first. */
  overdueInYourReturns: WaitingAssignment[];
  /** ICS leads: per ICS and open cycle, the returns not yet submitted. */
  toChase: ReturnsToChase[];
  /** Regional viewers: per region and open cycle, the ICSs with returns not yet submitted. */
  regionsToChase: RegionReturnsToChase[];
  /** Improvement-plan actions the person owns: overdue or due within 14 days, soonest first. */
  actionsDue: ActionDue[];
}
