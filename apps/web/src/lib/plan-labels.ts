import type { ActionFunding, ActionState } from '@wgll/contracts';

/** Improvement plans: what an action's state and funding are called on screen. */
export const actionStateLabels: Record<ActionState, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  blocked: 'Blocked',
};

export const actionStates = Object.keys(actionStateLabels) as ActionState[];

export const fundingLabels: Record<ActionFunding, string> = {
  capital: 'Capital',
  revenue: 'Revenue',
  'national-programme': 'National programme',
  'none-needed': 'None needed',
};

export const fundingOptions = Object.keys(fundingLabels) as ActionFunding[];

/** A score or level for a plan's tables: one decimal place, or what stands in for none. */
export function planScoreText(score: number | null | undefined, none = 'Not scored'): string {
  return score === null || score === undefined ? none : score.toFixed(1);
}
