import { describe, expect, it } from '@jest/globals';
import type { DomainAnswer } from '@wgll/contracts';
import { syntheticDomain } from '@wgll/framework/testing';

import { measureScoreText } from '../return-format';
import { EMPTY_DRAFT } from './answer-draft';
import { answerLevelLabel, domainStateLabel } from './live-score';

const domain = syntheticDomain('wl-a', 'well-led', [2, 3, 3, 2], { notApplicableAllowed: true });

describe('a domain’s level, said the same way on every page', () => {
  it('is not answered with a comment or a confidence alone', () => {
    expect(answerLevelLabel(domain, { ...EMPTY_DRAFT, comment: 'Soon', confidence: 'high' }, true)).toBe(
      'Not answered',
    );
    expect(answerLevelLabel(domain, { ...EMPTY_DRAFT, met: ['wl-a-l2-e1', 'wl-a-l2-e2'] }, false)).toBe(
      'Not answered',
    );
  });

  it('is a level when ticked or confirmed as none met, and not applicable when marked so', () => {
    expect(answerLevelLabel(domain, { ...EMPTY_DRAFT, met: ['wl-a-l2-e1', 'wl-a-l2-e2'] }, true)).toBe(
      'Level 2',
    );
    expect(answerLevelLabel(domain, { ...EMPTY_DRAFT, noneMet: true }, true)).toBe('Level 1');
    expect(answerLevelLabel(domain, { ...EMPTY_DRAFT, notApplicable: true, met: ['wl-a-l2-e1'] }, true)).toBe(
      'Not applicable',
    );
  });

  it('is what the jump list says too, and "To confirm" for a carried-forward answer', () => {
    const view = {
      domainId: domain.id,
      draft: { ...EMPTY_DRAFT, noneMet: true },
      stored: null,
      unsaved: true,
      phase: 'pending' as const,
      conflict: null,
      invalid: null,
      savedAt: null,
      restored: false,
    };
    expect(domainStateLabel(domain, view)).toBe('Level 1');
    expect(domainStateLabel(domain, undefined)).toBe('Not answered');
    const carried = { ...view, unsaved: false, stored: { toConfirm: true } as DomainAnswer };
    expect(domainStateLabel(domain, carried)).toBe('To confirm');
  });
});

describe('a measure’s score', () => {
  it('is "Not applicable" only when every domain is', () => {
    expect(measureScoreText({ score: null, domains: 2, missing: 0 })).toBe('Not applicable');
    expect(measureScoreText({ score: null, domains: 2, missing: 1 })).toBe('Not yet scored');
    expect(measureScoreText({ score: 2.25, domains: 2, missing: 0 })).toBe('2.3');
    expect(measureScoreText(undefined)).toBe('Not yet scored');
  });
});
