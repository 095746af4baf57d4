import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type LevelNumber, MEASURE_IDS } from '@wgll/framework';
import { syntheticDomain } from '@wgll/framework/testing';
import { biggestGaps, lowConfidenceAnswers, type PackAnswer } from './board-pack.js';
import { domainLevel } from './domain-level.js';

const domains = MEASURE_IDS.map((m) => syntheticDomain(`${m}-d`, m, [2, 2, 2, 2]));
const upTo = (id: string, level: number): string[] => {
  const ids: string[] = [];
  for (let l = 2; l <= level; l += 1) ids.push(`${id}-l${l}-e1`, `${id}-l${l}-e2`);
  return ids;
};

describe('biggestGaps', () => {
  it('puts the lowest levels first, with the texts of what the next level needs', () => {
    const answers: PackAnswer[] = domains.map((d, i) => ({
      domainId: d.id,
      met: i === 2 ? [`${d.id}-l2-e1`] : upTo(d.id, i === 5 ? 5 : 3),
      notApplicable: false,
    }));
    const gaps = biggestGaps(domains, answers, new Map(), 3);
    expect(gaps[0]).toEqual({
      domainId: 'safe-practice-d',
      title: 'Domain safe-practice-d',
      measure: 'safe-practice',
      level: 1,
      nextLevel: 2,
      needed: ['Element 2 of level 2.'],
      target: null,
    });
    expect(gaps.map((g) => g.domainId)).toEqual(['safe-practice-d', 'well-led-d', 'smart-foundations-d']);
  });

  it('at the same level, the domain furthest from its target comes first; level 5 and not applicable never', () => {
    const answers: PackAnswer[] = domains.map((d, i) => ({
      domainId: d.id,
      met: upTo(d.id, i === 0 ? 5 : 3),
      notApplicable: i === 1,
    }));
    const gaps = biggestGaps(domains, answers, new Map<string, LevelNumber>([['improve-care-d', 5]]));
    expect(gaps[0]!.domainId).toBe('improve-care-d');
    expect(gaps[0]!.target).toBe(5);
    expect(gaps.some((g) => g.domainId === 'well-led-d' || g.domainId === 'smart-foundations-d')).toBe(false);
  });

  it('is sorted by level, below 5, answered and applicable only, and never longer than the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), {
          minLength: 7,
          maxLength: 7,
        }),
        fc.integer({ min: 0, max: 8 }),
        (levels, limit) => {
          const answers: PackAnswer[] = domains.flatMap((d, i) =>
            levels[i] === null ? [] : [{ domainId: d.id, met: upTo(d.id, levels[i]!), notApplicable: false }],
          );
          const gaps = biggestGaps(domains, answers, new Map(), limit);
          const eligible = levels.filter((l) => l !== null && l < 5).length;
          expect(gaps).toHaveLength(Math.min(limit, eligible));
          for (let i = 1; i < gaps.length; i += 1)
            expect(gaps[i]!.level).toBeGreaterThanOrEqual(gaps[i - 1]!.level);
          for (const g of gaps) {
            const domain = domains.find((d) => d.id === g.domainId)!;
            const met = new Set(answers.find((a) => a.domainId === g.domainId)!.met);
            expect(g.level).toBe(domainLevel(domain, met));
            expect(g.nextLevel).toBe(g.level + 1);
            expect(g.needed.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});

describe('lowConfidenceAnswers', () => {
  it('keeps the low-confidence answers, in framework order', () => {
    const answers: PackAnswer[] = [
      { domainId: domains[4]!.id, met: [], notApplicable: false, confidence: 'low' },
      { domainId: domains[1]!.id, met: [], notApplicable: false, confidence: 'low' },
      { domainId: domains[2]!.id, met: [], notApplicable: false, confidence: 'high' },
      { domainId: 'not-in-framework', met: [], notApplicable: false, confidence: 'low' },
    ];
    expect(lowConfidenceAnswers(domains, answers).map((x) => x.domain.id)).toEqual([
      domains[1]!.id,
      domains[4]!.id,
    ]);
  });
});
