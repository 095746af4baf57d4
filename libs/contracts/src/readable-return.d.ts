import type { CareSetting } from './organisations.js';
import type {
  Confidence,
  EvidenceKind,
  FrameworkRef,
  MeasureId,
  ReturnLevel,
  ReturnOwner,
  ReturnState,
} from './returns.js';

/**
 * A return written out for people to read: measure and domain titles, the text of each element met,
 * comments, confidence and evidence by title, never bare ids. Built from the live answers (the return
 * as it is now) or from a sealed revision's canonical copy (which itself stays exactly as sealed).
 *
 * GET /api/returns/:id/seals/:revision/readable (and, as a spreadsheet, `…/export.xlsx`).
 */
export interface ReadableReturn {
  returnId: string;
  owner: ReturnOwner;
  level: ReturnLevel;
  careSetting: CareSetting | null;
  cycle: { id: string; name: string };
  revision: number;
  /** The return's state when read from the live answers; `submitted` for a sealed revision. */
  state: ReturnState;
  framework: FrameworkRef & { title: string };
  /** Set when this is a sealed revision: its hash identifies the canonical JSON copy. */
  seal: { revision: number; sha256: string; sealedAt: string; submittedBy: string } | null;
  /** Mean of the seven measure scores; null until every measure is complete. */
  overall: number | null;
  measures: ReadableMeasure[];
  /** Every piece of evidence of the return (or of the sealed revision), cited or not. */
  evidence: ReadableEvidence[];
  approvals: { approver: string; meetingDate: string; minuteReference: string; approvedAt: string }[];
  /** When this reading was produced (ISO date-time). */
  producedAt: string;
}

export interface ReadableMeasure {
  measure: MeasureId;
  /** The framework version's name for the measure. */
  name: string;
  /** Mean of the domains' levels; null while a domain is unanswered. */
  score: number | null;
  domains: ReadableDomain[];
}

export interface ReadableDomain {
  domainId: string;
  title: string;
  status: 'scored' | 'not-applicable' | 'unanswered';
  /** The level the elements met give (1 to 5); null when not applicable or unanswered. */
  level: number | null;
  /** The elements ticked as met, in level order, with their text. */
  met: { id: string; level: number; text: string }[];
  /** "None of these is met yet" was confirmed (level 1). */
  noneMet: boolean;
  comment: string;
  confidence: Confidence | null;
  evidence: ReadableEvidence[];
}

export interface ReadableEvidence {
  id: string;
  kind: EvidenceKind;
  title: string;
  /** Links only. */
  url: string | null;
  /** Files only. */
  fileName: string | null;
  /** Files only: the file's size in bytes. */
  sizeBytes: number | null;
}
