import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { FrameworkVersion } from '@wgll/framework';
import { syntheticDomain, syntheticFramework } from '@wgll/framework/testing';
import { commonGaps, type GapSource } from './plan-rollup.js';
import type { DomainAnswer } from './return-scores.js';

const framework: FrameworkVersion = syntheticFramework(1);
const elementsUpTo = (domainId: string, level: number) =>
  framework.domains
    .find((d) => d.id === domainId)!
    .levels.filter((l) => l.level <= level)
    .flatMap((l) => l.elements.map((e) => e.id));
/** Every domain at `level`, with extra elements met. */
const answersAt = (level: number, extra: string[] = []) =>
  new Map<string, DomainAnswer>(
    framework.domains.map((d) => [d.id, { met: new Set([...elementsUpTo(d.id, level), ...extra]) }]),
  );
const source = (organisation: string, answers: Map<string, DomainAnswer>, more: Partial<GapSource> = {}) => ({
  organisation,
  framework,
  careSetting: 'acute' as const,
  answers,
  targets: [],
  actions: [],
  ...more,
});

describe('commonGaps (examples)', () => {
  const sources: GapSource[] = [
    source('A', answersAt(2), {
      actions: [{ domainId: 'well-led-1', elementIds: ['well-led-1-l3-e1'], dueDate: '2027-06-30' }],
    }),
    source('B', answersAt(2), {
      actions: [
        {
          domainId: 'well-led-1',
          elementIds: ['well-led-1-l3-e1', 'well-led-1-l3-e2'],
          dueDate: '2027-01-31',
        },
      ],
    }),
    source('C', answersAt(2, ['well-led-1-l3-e2'])),
    source('D', answersAt(3)),
  ];

  it('lists elements that hold back most organisations, with who plans them and when', () => {
    const gaps = commonGaps(sources);
    const e1 = gaps.find((g) => g.elementId === 'well-led-1-l3-e1')!;
    expect(e1).toEqual({
      domainId: 'well-led-1',
      domainTitle: 'Domain well-led-1',
      elementId: 'well-led-1-l3-e1',
      elementText: 'Element 1 of level 3.',
      level: 3,
      unmet: 3,
      met: 1,
      of: 4,
      planned: 2,
      earliestDue: '2027-01-31',
      latestDue: '2027-06-30',
    });
  });

  it('keeps only elements unmet in more than half of the organisations, within their next level', () => {
    const gaps = commonGaps(sources);
    // Unmet by A and B only (C meets it, D is at level 3): 2 of 4 is not more than half.
    expect(gaps.find((g) => g.elementId === 'well-led-1-l3-e2')).toBeUndefined();
    // Unmet by A, B and C: of D (level 3) too, but level 4 is D's next level only.
    expect(gaps.find((g) => g.elementId === 'well-led-1-l4-e1')).toBeUndefined();
    expect(gaps.find((g) => g.elementId === 'improve-care-1-l3-e3')).toMatchObject({
      unmet: 3,
      of: 4,
      planned: 0,
    });
    expect(gaps.every((g) => g.level === 3 && g.unmet === 3 && g.of === 4)).toBe(true);
  });

  it("counts an element above the next level where an organisation's target reaches it", () => {
    const targeted = sources.map((s) => ({
      ...s,
      targets: [{ domainId: 'safe-practice-1', level: 4 as const }],
    }));
    const gap = commonGaps(targeted).find((g) => g.elementId === 'safe-practice-1-l4-e1')!;
    expect(gap).toMatchObject({ unmet: 4, of: 4, planned: 0, earliestDue: null });
  });

  it('shows nothing for fewer than three organisations, counting an organisation once', () => {
    expect(commonGaps(sources.slice(0, 2))).toEqual([]);
    expect(commonGaps([...sources.slice(0, 2), { ...sources[0]!, careSetting: 'community' }])).toEqual([]);
  });

  it('leaves out domains not applicable, unanswered or of another care setting', () => {
    const f = syntheticFramework(1);
    f.domains.push(
      syntheticDomain('na', 'well-led', [2, 2, 2, 2], { notApplicableAllowed: true }),
      syntheticDomain('amb', 'well-led', [2, 2, 2, 2], { careSettings: ['ambulance'] }),
    );
    const answers = new Map<string, DomainAnswer>([['na', { notApplicable: true }]]);
    const gaps = commonGaps(['A', 'B', 'C'].map((o) => ({ ...source(o, answers), framework: f })));
    expect(gaps).toEqual([]);
  });
});

const sourcesArb = fc
  .array(
    fc.record({
      organisation: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
      level: fc.integer({ min: 1, max: 5 }),
      extra: fc.subarray(
        framework.domains.flatMap((d) => d.levels.flatMap((l) => l.elements.map((e) => e.id))),
      ),
      actions: fc.array(
        fc.record({
          domainId: fc.constant('well-led-1'),
          elementIds: fc.subarray(elementsUpTo('well-led-1', 5), { maxLength: 3 }),
          dueDate: fc.option(fc.constantFrom('2027-01-31', '2027-03-31', '2027-09-30'), { nil: null }),
        }),
        { maxLength: 4 },
      ),
    }),
    { maxLength: 8 },
  )
  .map((list) =>
    list.map((s) => source(s.organisation, answersAt(s.level, s.extra), { actions: s.actions })),
  );

describe('commonGaps (properties)', () => {
  it('counts consistently: planned ≤ unmet ≤ of, more than half, at least two, dates in order', () => {
    fc.assert(
      fc.property(sourcesArb, (sources) => {
        const organisations = new Set(sources.map((s) => s.organisation)).size;
        return commonGaps(sources).every(
          (g) =>
            g.planned <= g.unmet &&
            g.unmet <= g.of &&
            g.met <= g.of &&
            g.of <= organisations &&
            g.unmet >= 2 &&
            g.unmet * 2 > g.of &&
            (g.earliestDue === null) === (g.latestDue === null) &&
            (g.earliestDue === null || g.earliestDue <= g.latestDue!),
        );
      }),
    );
  });

  it('does not depend on the order of the returns', () => {
    fc.assert(
      fc.property(sourcesArb, (sources) => {
        expect(commonGaps([...sources].reverse())).toEqual(commonGaps(sources));
      }),
    );
  });

  it('is empty below three organisations', () => {
    fc.assert(
      fc.property(sourcesArb, (sources) => {
        return new Set(sources.map((s) => s.organisation)).size >= 3 || commonGaps(sources).length === 0;
      }),
    );
  });
});
