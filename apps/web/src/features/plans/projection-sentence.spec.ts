import { describe, expect, it } from '@jest/globals';
import type { ImprovementPlan, PlanScores } from '@wgll/contracts';

import { projectionSentence } from './projection-sentence';

const scores = (overall: number | null): PlanScores => ({
  domains: {},
  measures: {} as PlanScores['measures'],
  overall,
});

function sentence(
  today: number | null,
  projected: number | null,
  target: number | null,
  date: string | null = null,
) {
  const all: ImprovementPlan['scores'] = {
    today: scores(today),
    projected: scores(projected),
    target: scores(target),
  };
  return projectionSentence(all, date);
}

describe('projectionSentence', () => {
  it('says where the planned actions lead, by the target date', () => {
    expect(sentence(2.4, 2.9, 2.9, '2027-03-31')).toBe(
      'The overall score is 2.4 today. If the planned actions are done by 31 March 2027, it would be 2.9, which reaches the target of 2.9.',
    );
  });

  it('says when the plan falls short of the target', () => {
    expect(sentence(2.4, 2.5, 3.1)).toBe(
      'The overall score is 2.4 today. If the planned actions are done, it would be 2.5, short of the target of 3.1.',
    );
  });

  it('does not call two equal-looking scores short: it gives them to two decimal places', () => {
    expect(sentence(2.8, 2.81, 2.83)).toBe(
      'The overall score is 2.8 today. If the planned actions are done, it would be 2.81, just short of the target of 2.83.',
    );
  });

  it('waits for every measure to have a score', () => {
    expect(sentence(null, null, null)).toBe(
      'The overall score is shown once every measure of the return has a score.',
    );
  });
});
