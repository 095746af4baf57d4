import type { ImprovementPlan } from '@wgll/contracts';

import { formatDate } from '../../lib/dates';
import { planScoreText } from '../../lib/plan-labels';

/** One sentence on where the plan leads, in plain English. */
export function projectionSentence(scores: ImprovementPlan['scores'], targetDate: string | null): string {
  const today = scores.today.overall;
  const projected = scores.projected.overall;
  const target = scores.target.overall;
  if (today === null || projected === null) {
    return 'The overall score is shown once every measure of the return has a score.';
  }
  // Just short of the target but the same to one decimal place: both to two, so the sentence does
  // not contradict itself.
  const close = target !== null && projected < target && planScoreText(projected) === planScoreText(target);
  const text = (score: number) => (close ? score.toFixed(2) : planScoreText(score));
  const by = targetDate ? ` by ${formatDate(targetDate)}` : '';
  const base = `The overall score is ${planScoreText(today)} today. If the planned actions are done${by}, it would be ${text(projected)}`;
  if (target === null || target === today) return `${base}.`;
  if (projected >= target) return `${base}, which reaches the target of ${planScoreText(target)}.`;
  return `${base}, ${close ? 'just short of' : 'short of'} the target of ${text(target)}.`;
}
