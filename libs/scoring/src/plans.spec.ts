import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { type FrameworkVersion, type LevelNumber, MEASURE_IDS } from '@wgll/framework';
import { syntheticDomain, syntheticFramework } from '@wgll/framework/testing';
import { domainLevel } from './domain-level.js';
import {
  actionsDueBy,
  keyedScores,
  planGap,
  type ProjectableAction,
  projectScores,
  targetScores,
} from './plans.js';
import { type DomainAnswer, type ReturnScores, scoreReturn } from './return-scores.js';

const domain = syntheticDomain('d', 'well-led', [2, 3, 3, 2]);
const ids = (level: number) => domain.levels[level - 1]!.elements.map((e) => e.id);

describe('planGap', () => {
  it('lists the unmet elements of the levels above today up to the target, with their level', () => {
    const met = new Set([...ids(2), ids(3)[0]!, ids(4)[1]!, ...ids(5)]);
    const gap = planGap(domain, met, 4);
    expect(gap.map((g) => [g.element.id, g.level])).toEqual([
      ['d-l3-e2', 3],
      ['d-l3-e3', 3],
      ['d-l4-e1', 4],
      ['d-l4-e3', 4],
    ]);
    expect(gap.every((g) => g.domainId === 'd')).toBe(true);
  });

  it('includes an unmet level-2 element capping a domain, and nothing above the target', () => {
    const met = new Set([ids(2)[1]!, ...ids(3)]);
    expect(planGap(domain, met, 2).map((g) => g.element.id)).toEqual(['d-l2-e1']);
    expect(planGap(domain, met, 3).map((g) => g.element.id)).toEqual(['d-l2-e1']);
  });

  it('is empty when the target is not above today', () => {
    expect(planGap(domain, new Set([...ids(2), ...ids(3)]), 3)).toEqual([]);
    expect(planGap(domain, new Set([...ids(2), ...ids(3)]), 2)).toEqual([]);
  });
});

describe('actionsDueBy', () => {
  const actions = [
    { elementIds: ['a'], dueDate: '2027-03-31' },
    { elementIds: ['b'], dueDate: null },
    { elementIds: ['c'], dueDate: '2027-04-01' },
  ];
  it('keeps actions due on or before the date and undated ones; all when no date', () => {
    expect(actionsDueBy(actions, '2027-03-31').map((a) => a.elementIds[0])).toEqual(['a', 'b']);
    expect(actionsDueBy(actions, null)).toHaveLength(3);
  });
});

describe('projectScores and targetScores (examples)', () => {
  const framework = syntheticFramework(1);
  const upTo = (domainId: string, level: number) =>
    new Set(
      framework.domains
        .find((d) => d.id === domainId)!
        .levels.filter((l) => l.level <= level)
        .flatMap((l) => l.elements.map((e) => e.id)),
    );
  const answers = new Map<string, DomainAnswer>(framework.domains.map((d) => [d.id, { met: upTo(d.id, 2) }]));

  it('raises a domain by the actions due by the date, and not by later ones', () => {
    const level3 = framework.domains[0]!.levels[2]!.elements.map((e) => e.id);
    const actions: ProjectableAction[] = [
      { elementIds: level3.slice(0, 2), dueDate: '2027-01-31' },
      { elementIds: level3.slice(2), dueDate: '2027-06-30' },
    ];
    const today = scoreReturn(framework, 'acute', answers);
    expect(today.overall).toBe(2);
    const byMarch = projectScores(framework, 'acute', answers, actions, '2027-03-31');
    expect(byMarch.domains[0]!.level).toBe(2);
    const byJuly = projectScores(framework, 'acute', answers, actions, '2027-07-31');
    expect(byJuly.domains[0]!.level).toBe(3);
    expect(byJuly.overall).toBeCloseTo((3 + 2 * 6) / 7, 12);
    expect(projectScores(framework, 'acute', answers, actions, null)).toEqual(byJuly);
  });

  it('raises each targeted domain to its target and leaves the others', () => {
    const scores = targetScores(framework, 'acute', answers, [
      { domainId: 'well-led-1', level: 4 },
      { domainId: 'improve-care-1', level: 3 },
    ]);
    const keyed = keyedScores(scores);
    expect(keyed.domains['well-led-1']).toBe(4);
    expect(keyed.domains['improve-care-1']).toBe(3);
    expect(keyed.domains['safe-practice-1']).toBe(2);
    expect(keyed.measures['well-led']).toBe(4);
    expect(keyed.overall).toBeCloseTo((4 + 3 + 2 * 5) / 7, 12);
  });

  it('leaves unanswered and not-applicable domains as they are', () => {
    const f = syntheticFramework(1);
    f.domains.push(syntheticDomain('wl-na', 'well-led', [2, 2, 2, 2], { notApplicableAllowed: true }));
    const partial = new Map<string, DomainAnswer>([['wl-na', { notApplicable: true }]]);
    const target = targetScores(f, 'acute', partial, [
      { domainId: 'wl-na', level: 5 },
      { domainId: 'well-led-1', level: 5 },
    ]);
    expect(target.domains.find((d) => d.domainId === 'wl-na')).toMatchObject({ status: 'not-applicable' });
    expect(target.domains.find((d) => d.domainId === 'well-led-1')).toMatchObject({ status: 'unanswered' });
  });
});

// Arbitrary frameworks: one or two domains per measure, 2–4 elements per level, some allowing "not
// applicable"; arbitrary answers (a few unanswered, a few not applicable), actions over the elements
// with arbitrary due dates, and targets.
const countsArb = fc.tuple(
  fc.integer({ min: 2, max: 4 }),
  fc.integer({ min: 2, max: 4 }),
  fc.integer({ min: 2, max: 4 }),
  fc.integer({ min: 2, max: 4 }),
);
const frameworkArb: fc.Arbitrary<FrameworkVersion> = fc
  .array(fc.tuple(fc.constantFrom(...MEASURE_IDS), countsArb, fc.boolean()), { minLength: 1, maxLength: 10 })
  .map((specs) => {
    const f = syntheticFramework(1);
    f.domains = [
      ...f.domains,
      ...specs.map(([m, counts, na], i) => syntheticDomain(`x${i}`, m, counts, { notApplicableAllowed: na })),
    ];
    return f;
  });
const dateArb = fc.option(
  fc
    .integer({ min: 0, max: 23 })
    .map((n) => `${2027 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}-15`),
  { nil: null },
);
const levelArb = fc.constantFrom<LevelNumber>(2, 3, 4, 5);

const scenarioArb = frameworkArb.chain((framework) => {
  const domains = framework.domains;
  const allIds = domains.flatMap((d) => d.levels.flatMap((l) => l.elements.map((e) => e.id)));
  const answerArb = (ids: string[]) =>
    fc.oneof(
      { weight: 1, arbitrary: fc.constant<DomainAnswer | undefined>(undefined) },
      { weight: 1, arbitrary: fc.constant<DomainAnswer | undefined>({ notApplicable: true }) },
      {
        weight: 6,
        arbitrary: fc.subarray(ids).map<DomainAnswer | undefined>((met) => ({ met: new Set(met) })),
      },
    );
  const actionArb = fc.record({ elementIds: fc.subarray(allIds, { maxLength: 4 }), dueDate: dateArb });
  return fc.record({
    framework: fc.constant(framework),
    answers: fc
      .tuple(...domains.map((d) => answerArb(d.levels.flatMap((l) => l.elements.map((e) => e.id)))))
      .map((list) => {
        const map = new Map<string, DomainAnswer>();
        list.forEach((a, i) => a && map.set(domains[i]!.id, a));
        return map;
      }),
    actions: fc.array(actionArb, { maxLength: 8 }),
    more: fc.array(actionArb, { maxLength: 4 }),
    targets: fc.uniqueArray(
      fc.record({ domainId: fc.constantFrom(...domains.map((d) => d.id)), level: levelArb }),
      {
        selector: (t) => t.domainId,
        maxLength: 6,
      },
    ),
    byDate: dateArb,
    laterBy: fc.integer({ min: 0, max: 400 }),
  });
});

/** True when `b` is at least `a` everywhere (domains, measures, overall), with nulls in the same places. */
function atLeast(a: ReturnScores, b: ReturnScores): boolean {
  const ge = (x: number | null, y: number | null) => (x === null ? y === null : y !== null && y >= x - 1e-12);
  return (
    a.domains.every((d, i) => ge(d.level, b.domains[i]!.level)) &&
    a.measures.every((m, i) => ge(m.score, b.measures[i]!.score)) &&
    ge(a.overall, b.overall)
  );
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('projectScores (properties)', () => {
  it('never projects below today, for any domain, measure or overall', () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, answers, actions, byDate }) =>
        atLeast(
          scoreReturn(framework, 'acute', answers),
          projectScores(framework, 'acute', answers, actions, byDate),
        ),
      ),
    );
  });

  it('never falls when actions are added', () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, answers, actions, more, byDate }) =>
        atLeast(
          projectScores(framework, 'acute', answers, actions, byDate),
          projectScores(framework, 'acute', answers, [...actions, ...more], byDate),
        ),
      ),
    );
  });

  it('never falls as the date moves later, and reaches the undated projection', () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, answers, actions, byDate, laterBy }) => {
        if (byDate === null) return true;
        const early = projectScores(framework, 'acute', answers, actions, byDate);
        const late = projectScores(framework, 'acute', answers, actions, addDays(byDate, laterBy));
        const all = projectScores(framework, 'acute', answers, actions, null);
        return atLeast(early, late) && atLeast(late, all);
      }),
    );
  });

  it('reaches each target once every proposed action is done, exactly when nothing above it is met', () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, answers, targets }) => {
        const proposed: ProjectableAction[] = [];
        for (const t of targets) {
          const answer = answers.get(t.domainId);
          if (!answer || answer.notApplicable) continue;
          const d = framework.domains.find((x) => x.id === t.domainId)!;
          for (const g of planGap(d, answer.met, t.level))
            proposed.push({ elementIds: [g.element.id], dueDate: null });
        }
        const projected = keyedScores(projectScores(framework, 'acute', answers, proposed, '2027-01-01'));
        const target = keyedScores(targetScores(framework, 'acute', answers, targets));
        return targets.every((t) => {
          const answer = answers.get(t.domainId);
          if (!answer || answer.notApplicable) return true;
          const d = framework.domains.find((x) => x.id === t.domainId)!;
          const level = projected.domains[t.domainId]!;
          const metAbove = d.levels.some(
            (l) => l.level > t.level && l.elements.some((e) => answer.met.has(e.id)),
          );
          const today = domainLevel(d, answer.met);
          return (
            level >= t.level &&
            (metAbove || level === t.level) &&
            target.domains[t.domainId] === level &&
            level >= today
          );
        });
      }),
    );
  });
});

describe('targetScores (properties)', () => {
  it('is never below today, and puts every targeted scored domain at or above its target', () => {
    fc.assert(
      fc.property(scenarioArb, ({ framework, answers, targets }) => {
        const today = scoreReturn(framework, 'acute', answers);
        const target = targetScores(framework, 'acute', answers, targets);
        const keyed = keyedScores(target);
        return (
          atLeast(today, target) &&
          targets.every((t) => {
            const level = keyed.domains[t.domainId];
            return level === null || level === undefined || level >= t.level;
          })
        );
      }),
    );
  });
});
