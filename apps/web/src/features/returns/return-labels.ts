import type { Confidence, ReturnDetail, ReturnLevel, ReturnState, ReturnSummary } from '@wgll/contracts';

import { careSettingLabels, readableName } from '../../lib/format';
import { icsReturnsPath, organisationReturnsPath } from '../../lib/links';

export const returnStateLabels: Record<ReturnState, string> = {
  draft: 'Draft',
  'awaiting-approval': 'Awaiting board approval',
  approved: 'Approved by the board',
  submitted: 'Submitted',
};

export const confidenceLabels: Record<Confidence, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

/** Scores are shown to one decimal place, for example `2.5`; "Not yet scored" while incomplete. */
export function formatScore(score: number | null): string {
  return score === null ? 'Not yet scored' : score.toFixed(1);
}

/** `Acute` for a trust's care setting return, `System (ICB)` for an ICB's own return. */
export function returnScopeLabel(summary: Pick<ReturnSummary, 'careSetting'>): string {
  return summary.careSetting ? careSettingLabels[summary.careSetting] : 'System (ICB)';
}

/** The page heading of a return: `Guy's and St Thomas' – Acute return 2026/27`. */
export function returnTitle(summary: ReturnSummary): string {
  return `${readableName(summary.owner.name)} – ${returnScopeLabel(summary)} return ${summary.cycle.name}`;
}

/**
 * The address of a return, or of something under it: `returnPath(id, 'seals', 2)` is
 * `/returns/<id>/seals/2`. The web pages and the API use the same addresses (the API's under /api).
 */
export function returnPath(returnId: string, ...parts: (string | number)[]): string {
  return ['/returns', ...[returnId, ...parts].map((part) => encodeURIComponent(part))].join('/');
}

/** The questionnaire page of a measure (and, optionally, one of its domains). */
export function questionnairePath(returnId: string, measure: string, domainId?: string): string {
  const path = returnPath(returnId, 'measures', measure);
  return domainId ? `${path}?domain=${encodeURIComponent(domainId)}` : path;
}

export const sealPath = (returnId: string, revision: number) => returnPath(returnId, 'seals', revision);

/** The first measure of the return, where the questions start. */
export function firstMeasure(detail: ReturnDetail): string {
  return detail.measures[0]?.measure ?? 'well-led';
}

/** The list of returns the return belongs to (the trust's or the ICB's), at its cycle. */
export function ownerReturnsPath(summary: Pick<ReturnSummary, 'owner' | 'cycle'>): string {
  return summary.owner.type === 'ics'
    ? icsReturnsPath(summary.owner.code, summary.cycle.id)
    : organisationReturnsPath(summary.owner.code, summary.cycle.id);
}

/**
 * Who does each step of a return, in words for sentences. A trust's return: a trust lead leads it
 * and a board approver records the trust board's approval. An ICB's system return: the ICS lead
 * does every step, and records the approval on behalf of the ICB board.
 */
export interface ReturnPeople {
  /** Who marks the return ready and submits it: `a trust lead`, `the ICS lead`. */
  lead: string;
  /** Who records the board's approval: `a board approver`, `the ICS lead`. */
  approver: string;
  /** Added after "records the board's approval": '' or ` on behalf of the ICB board`. */
  onBehalf: string;
  /** `the board`, `the ICB board`. */
  board: string;
  /** Whose return it is: `the trust`, `the ICB`. */
  owner: string;
}

export function returnPeople(summary: { level: ReturnLevel }): ReturnPeople {
  return summary.level === 'system'
    ? {
        lead: 'the ICS lead',
        approver: 'the ICS lead',
        onBehalf: ' on behalf of the ICB board',
        board: 'the ICB board',
        owner: 'the ICB',
      }
    : {
        lead: 'a trust lead',
        approver: 'a board approver',
        onBehalf: '',
        board: 'the board',
        owner: 'the trust',
      };
}

/** `a trust lead` → `A trust lead`, to start a sentence. */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
