import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { FrameworkVersion } from '@wgll/framework';
import { syntheticDomain, syntheticFramework } from '@wgll/framework/testing';
import {
  countStatuses,
  organisationStatus,
  type OutlookPoint,
  reaches,
  resolveTargetDomain,
  returnStatus,
  scoreStatus,
  targetOutlook,
  type TargetStatus,
} from './targets.js';

const v1: FrameworkVersion = syntheticFramework(1);
const epr = syntheticDomain('sf-epr', 'smart-foundations');
const amb = syntheticDomain('sf-amb', 'smart-foundations');
const first: FrameworkVersion = { ...v1, version: '1', domains: [...v1.domains, epr, amb] };
const core = {
  ...syntheticDomain('sf-core', 'smart-foundations'),
  lineage: { id: 'sf-core', relation: 'merged' as const, from: ['sf-epr', 'sf-amb'], note: 'Merged.' },
};
const second: FrameworkVersion = {
  ...v1,
  version: '2',
  previousVersion: { version: '1', retired: [] },
  domains: [...v1.domains.map((d) => ({ ...d, lineage: { id: d.id, relation: 'same' as const } })), core],
};
const elementsUpTo = (domainId: string, level: number, f = first) =>
  f.domains
    .find((d) => d.id === domainId)!
    .levels.filter((l) => l.level <= level)
    .flatMap((l) => l.elements.map((e) => e.id));

describe('resolveTargetDomain', () => {
  it('reads the domain carrying the lineage, and follows a merge with a note', () => {
    expect(resolveTargetDomain('sf-epr', first, [first, second])).toEqual({ domain: epr, note: null });
    const merged = resolveTargetDomain('sf-epr', second, [first, second]);
    expect(merged.domain?.id).toBe('sf-core');
    expect(merged.note).toContain('merged sf-epr');
  });

  it('does not follow a merge backwards, nor a split', () => {
    expect(resolveTargetDomain('sf-core', first, [first, second]).domain).toBeNull();
    const split: FrameworkVersion = {
      ...second,
      domains: [
        {
          ...syntheticDomain('sf-epr-a', 'smart-foundations'),
          lineage: { id: 'sf-epr-a', relation: 'split', from: ['sf-epr'], note: 'Split.' },
        },
      ],
    };
    const resolved = resolveTargetDomain('sf-epr', split, [first]);
    expect(resolved.domain).toBeNull();
    expect(resolved.note).toContain('split sf-epr into sf-epr-a');
  });
});

describe('returnStatus', () => {
  const domainTarget = { kind: 'domain' as const, frameworkId: 'synthetic', lineageId: 'sf-epr', level: 3 };
  const elementTarget = {
    kind: 'element' as const,
    frameworkId: 'synthetic',
    lineageId: 'sf-epr',
    elementId: 'sf-epr-l3-e1',
  };

  it('meets a domain target at or above its level (gated), not below', () => {
    expect(returnStatus(domainTarget, epr, { met: new Set(elementsUpTo('sf-epr', 3)) })).toBe('met');
    expect(returnStatus(domainTarget, epr, { met: new Set(elementsUpTo('sf-epr', 5)) })).toBe('met');
    expect(returnStatus(domainTarget, epr, { met: new Set(elementsUpTo('sf-epr', 2)) })).toBe('not-yet');
    // Level 3 elements met without level 2: gated at 1.
    const onlyThree = elementsUpTo('sf-epr', 3).filter((e) => e.includes('-l3-'));
    expect(returnStatus(domainTarget, epr, { met: new Set(onlyThree) })).toBe('not-yet');
  });

  it('meets an element target when the element is met, whatever the level', () => {
    expect(returnStatus(elementTarget, epr, { met: new Set(['sf-epr-l3-e1']) })).toBe('met');
    expect(returnStatus(elementTarget, epr, { met: new Set(['sf-epr-l2-e1']) })).toBe('not-yet');
    expect(returnStatus({ ...elementTarget, elementId: 'gone' }, epr, { met: new Set() })).toBe('no-data');
  });

  it('gives no data without a domain, an answer, or when not applicable', () => {
    expect(returnStatus(domainTarget, null, { met: new Set() })).toBe('no-data');
    expect(returnStatus(domainTarget, epr, undefined)).toBe('no-data');
    expect(returnStatus(domainTarget, epr, { notApplicable: true })).toBe('no-data');
  });
});

describe('scoreStatus', () => {
  it('is met at or above the value, and no data without a score', () => {
    expect(scoreStatus(3, 3)).toBe('met');
    expect(scoreStatus(3, (0.1 + 0.2) * 10)).toBe('met');
    expect(scoreStatus(3, 2.9)).toBe('not-yet');
    expect(scoreStatus(3, null)).toBe('no-data');
  });
});

const statusArb = fc.constantFrom<TargetStatus>('met', 'not-yet', 'no-data');

describe('organisationStatus and countStatuses (properties)', () => {
  it('an organisation is not yet there when any return with data is not', () => {
    fc.assert(
      fc.property(fc.array(statusArb), (statuses) => {
        const s = organisationStatus(statuses);
        if (statuses.includes('not-yet')) expect(s).toBe('not-yet');
        else if (statuses.includes('met')) expect(s).toBe('met');
        else expect(s).toBe('no-data');
      }),
    );
  });

  it('counts add up and shares stay between 0 and 1', () => {
    fc.assert(
      fc.property(fc.array(statusArb), (statuses) => {
        const c = countStatuses(statuses);
        expect(c.met + c.notYet + c.noData).toBe(c.total);
        if (c.total === 0) expect(c.share).toBeNull();
        else {
          expect(c.share).toBeGreaterThanOrEqual(0);
          expect(c.share).toBeLessThanOrEqual(1);
          expect(c.shareOfKnown === null || c.shareOfKnown >= c.share!).toBe(true);
        }
      }),
    );
  });

  it('one more organisation meeting the target never lowers the share', () => {
    fc.assert(
      fc.property(fc.array(statusArb, { minLength: 1 }), fc.nat(), (statuses, i) => {
        const before = countStatuses(statuses);
        const after = [...statuses];
        after[i % after.length] = 'met';
        expect(countStatuses(after).share!).toBeGreaterThanOrEqual(before.share!);
      }),
    );
  });

  it('reaches a percentage exactly: 19 of 20 is 95 %, 18 of 20 is not', () => {
    expect(reaches(19, 20, 95)).toBe(true);
    expect(reaches(18, 20, 95)).toBe(false);
    expect(reaches(0, 0, 0)).toBe(false);
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), fc.integer({ min: 1, max: 100 }), (a, b, percent) => {
        const total = Math.max(a, b);
        const met = Math.min(a, b);
        expect(reaches(met, total, percent)).toBe(total > 0 && met / total >= percent / 100 - 1e-12);
      }),
    );
  });
});

const point = (date: string, met: number, notYet: number, noData = 0): OutlookPoint => ({
  date,
  counts: countStatuses([
    ...Array<TargetStatus>(met).fill('met'),
    ...Array<TargetStatus>(notYet).fill('not-yet'),
    ...Array<TargetStatus>(noData).fill('no-data'),
  ]),
});

describe('targetOutlook', () => {
  it('reached when the latest cycle reaches the share', () => {
    expect(targetOutlook([point('2026-04-01', 19, 1)], 95, '2027-03-31', '2026-12-01')).toBe('reached');
  });

  it('on track when the line through the first and latest cycles reaches the share by the date', () => {
    // 40 % then 60 % a year later: 80 % a year after, 100 % two years after.
    const points = [point('2025-04-01', 4, 6), point('2026-04-01', 6, 4)];
    expect(targetOutlook(points, 80, '2027-04-01', '2026-12-01')).toBe('on-track');
    expect(targetOutlook(points, 95, '2027-04-01', '2026-12-01')).toBe('off-track');
  });

  it('off track when not improving, missed after the date, not enough data from one cycle', () => {
    const flat = [point('2025-04-01', 6, 4), point('2026-04-01', 6, 4)];
    expect(targetOutlook(flat, 80, '2030-01-01', '2026-12-01')).toBe('off-track');
    expect(targetOutlook(flat, 80, '2026-06-01', '2026-12-01')).toBe('missed');
    expect(targetOutlook([point('2026-04-01', 6, 4)], 80, '2030-01-01', '2026-12-01')).toBe(
      'not-enough-data',
    );
    // A cycle where nobody has data does not count.
    expect(
      targetOutlook(
        [point('2025-04-01', 0, 0, 10), point('2026-04-01', 6, 4)],
        80,
        '2030-01-01',
        '2026-12-01',
      ),
    ).toBe('not-enough-data');
  });

  it('is reached exactly when the latest cycle with data reaches the share (property)', () => {
    const pointArb = fc
      .tuple(fc.integer({ min: 2020, max: 2030 }), fc.nat(20), fc.nat(20), fc.nat(5))
      .map(([y, m, n, d]) => point(`${y}-04-01`, m, n, d));
    fc.assert(
      fc.property(
        fc.array(pointArb, { maxLength: 6 }),
        fc.integer({ min: 1, max: 100 }),
        (points, percent) => {
          const outlook = targetOutlook(points, percent, '2031-03-31', '2031-01-01');
          const known = points
            .filter((p) => p.counts.met + p.counts.notYet > 0)
            .sort((a, b) => a.date.localeCompare(b.date));
          const last = known.at(-1);
          expect(outlook === 'reached').toBe(
            last !== undefined && reaches(last.counts.met, last.counts.total, percent),
          );
        },
      ),
    );
  });
});
