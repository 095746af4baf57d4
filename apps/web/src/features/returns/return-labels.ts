import type { Confidence, ReturnDetail, ReturnState, ReturnSummary } from '@wgll/contracts';

import { careSettingLabels, readableName } from '../../lib/format';

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

/** The questionnaire page of a measure (and, optionally, one of its domains). */
export function questionnairePath(returnId: string, measure: string, domainId?: string): string {
  const path = `/returns/${encodeURIComponent(returnId)}/measures/${encodeURIComponent(measure)}`;
  return domainId ? `${path}?domain=${encodeURIComponent(domainId)}` : path;
}

export const returnPath = (returnId: string) => `/returns/${encodeURIComponent(returnId)}`;

export const sealPath = (returnId: string, revision: number) => `${returnPath(returnId)}/seals/${revision}`;

/** The first measure of the return, where the questions start. */
export function firstMeasure(detail: ReturnDetail): string {
  return detail.measures[0]?.measure ?? 'well-led';
}

/** The list of returns the return belongs to: the trust's or the ICB's. */
export function ownerReturnsPath(summary: ReturnSummary): string {
  const base = summary.owner.type === 'ics' ? '/ics' : '/organisations';
  return `${base}/${encodeURIComponent(summary.owner.code)}/returns?cycle=${encodeURIComponent(summary.cycle.id)}`;
}
