import type { MeasureId } from '@wgll/contracts';
import type { DomainGapSummary } from '@wgll/scoring';

/** A figure withheld, with the sentence the pack prints instead. */
export interface Withheld {
  count: number;
  note: string;
}

/** One measure of the summary: the return's score against its ICS and England (same care setting). */
export interface PackMeasure {
  measure: MeasureId;
  name: string;
  score: number | null;
  /** The ICS median, or why it is not shown. */
  icsMedian: number | Withheld | null;
  /** England's quartiles, or why they are not shown. */
  national: { lowerQuartile: number; median: number; upperQuartile: number; count: number } | Withheld | null;
}

export interface PackTrendRow {
  cycleName: string;
  overall: number | null;
  /** Why this point is not comparable with the one before it; null when it is (or is the first). */
  breakReason: string | null;
}

export interface PackPerson {
  name: string;
  meetingDate: string;
  minuteReference: string;
  approvedAt: string;
}

/** Everything a board pack prints, gathered once, drawn by the renderer (no database in drawing). */
export interface BoardPackContent {
  kind: 'draft' | 'final';
  generatedAt: Date;
  returnId: string;
  revision: number;
  owner: { type: 'organisation' | 'ics'; code: string; name: string };
  /** "Acute", or null for an ICB's system return. */
  careSetting: string | null;
  cycleName: string;
  framework: string;
  /** "Draft", "Awaiting approval", "Approved", "Submitted and sealed". */
  stateLabel: string;
  seal: { sha256: string; sealedAt: string; sealedBy: string; verifyUrl: string } | null;
  overall: number | null;
  measures: PackMeasure[];
  /** What the comparison figures are (the results basis), or why there are none. */
  comparisonBasis: string;
  trend: { rows: PackTrendRow[]; change: string | null; basis: string } | null;
  gaps: (DomainGapSummary & { measureName: string })[];
  lowConfidence: { title: string; measureName: string; level: string; comment: string }[];
  /** The plan as it stands (draft), or as the board approved it with the revision (final); null when none. */
  plan: {
    /** The meeting at which the board approved the plan with the return; null for the plan as it stands. */
    approvedOn: string | null;
    targetDate: string | null;
    targets: { title: string; today: string; target: number }[];
    measureTargets: { name: string; target: number }[];
    actions: {
      title: string;
      domain: string;
      owner: string;
      dueDate: string;
      state: string;
      note: string | null;
    }[];
    overall: { today: number | null; projected: number | null; target: number | null };
    measures: { name: string; today: number | null; projected: number | null; target: number | null }[];
    approvals: PackPerson[];
  } | null;
  comments: { title: string; measureName: string; comment: string }[];
  evidence: { title: string; detail: string; usedBy: string }[];
  approvals: PackPerson[];
  /** Said in the approval record when there is no approval to print, or beside the approvals. */
  approvalNote: string | null;
}
