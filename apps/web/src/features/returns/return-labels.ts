import type { Confidence, ReturnLevel, ReturnSummary } from '@wgll/contracts';

import { careSettingLabels, readableName } from '../../lib/format';

export const confidenceLabels: Record<Confidence, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

/** `Acute` for a trust's care setting return, `System (ICB)` for an ICB's own return. */
export function returnScopeLabel(summary: Pick<ReturnSummary, 'careSetting'>): string {
  return summary.careSetting ? careSettingLabels[summary.careSetting] : 'System (ICB)';
}

/** The page heading of a return: `Guy's and St Thomas' – Acute return 2026/27`. */
export function returnTitle(summary: ReturnSummary): string {
  return `${readableName(summary.owner.name)} – ${returnScopeLabel(summary)} return ${summary.cycle.name}`;
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
