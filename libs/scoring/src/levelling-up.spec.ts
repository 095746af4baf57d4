import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { FrameworkVersion } from '@wgll/framework';
import { syntheticDomain, syntheticFramework } from '@wgll/framework/testing';
import { domainLevel } from './domain-level.js';
import {
  belowThreshold,
  type Comparison,
  declining,
  domainGridCell,
  domainLevelGrid,
  type DomainGridSource,
} from './levelling-up.js';
import type { DomainAnswer } from './return-scores.js';
import type { TrendInstrument } from './trends.js';

const framework: FrameworkVersion = syntheticFramework(1);
framework.domains.push(
  syntheticDomain('na', 'well-led', [2, 2, 2, 2], { notApplicableAllowed: true }),
  syntheticDomain('amb', 'well-led', [2, 2, 2, 2], { careSettings: ['ambulance'] }),
);
const allElements = framework.domains.flatMap((d) => d.levels.flatMap((l) => l.elements.map((e) => e.id)));
const elementsUpTo = (domainId: string, level: number) =>
  framework.domains
    .find((d) => d.id === domainId)!
    .levels.filter((l) => l.level <= level)
    .flatMap((l) => l.elements.map((e) => e.id));

describe('domainLevelGrid (examples)', () => {
  const answers = new Map<string, DomainAnswer>([
    ['well-led-1', { met: new Set(elementsUpTo('well-led-1', 3)) }],
    // Level 4 met but one level-3 element not: gated at 2.
    [
      'safe-practice-1',
      { met: new Set(elementsUpTo('safe-practice-1', 4).filter((e) => e !== 'safe-practice-1-l3-e2')) },
    ],
    ['na', { notApplicable: true }],
  ]);
  const acute: DomainGridSource = { framework, careSetting: 'acute', answers };

  it('gives each domain its gated level, not applicable, not answered or no sealed return', () => {
    const rows = domainLevelGrid([acute, null]);
    const row = (id: string) => rows.find((r) => r.domainId === id)!;
    expect(row('well-led-1').cells).toEqual([{ kind: 'level', level: 3 }, { kind: 'no-return' }]);
    expect(row('safe-practice-1').cells[0]).toEqual({ kind: 'level', level: 2 });
    expect(row('na').cells[0]).toEqual({ kind: 'not-applicable' });
    expect(row('improve-care-1').cells[0]).toEqual({ kind: 'not-answered' });
    expect(row('well-led-1')).toMatchObject({ title: 'Domain well-led-1', measure: 'well-led' });
  });

  it("leaves out domains of no column's care setting, and marks them not asked of another", () => {
    expect(domainLevelGrid([acute]).some((r) => r.domainId === 'amb')).toBe(false);
    const rows = domainLevelGrid([acute, { framework, careSetting: 'ambulance', answers: new Map() }]);
    expect(rows.find((r) => r.domainId === 'amb')!.cells).toEqual([
      { kind: 'not-asked' },
      { kind: 'not-answered' },
    ]);
  });

  it('scores "not applicable" where the domain does not allow it as nothing met', () => {
    const source = {
      framework,
      careSetting: 'acute' as const,
      answers: new Map([['well-led-1', { notApplicable: true as const }]]),
    };
    expect(domainGridCell(source, 'well-led-1')).toEqual({ kind: 'level', level: 1 });
  });

  it('has no rows without a sealed return', () => {
    expect(domainLevelGrid([null, null])).toEqual([]);
  });
});

const sourceArb = fc.option(
  fc.record({
    careSetting: fc.constantFrom('acute' as const, 'ambulance' as const),
    met: fc.subarray(allElements),
    notApplicable: fc.subarray(['na', 'well-led-1']),
  }),
  { nil: null },
);

describe('domainLevelGrid (properties)', () => {
  it("gives every column a cell in every row, each level the domain's gated level", () => {
    fc.assert(
      fc.property(fc.array(sourceArb, { maxLength: 6 }), (specs) => {
        const columns: (DomainGridSource | null)[] = specs.map((s) =>
          s
            ? {
                framework,
                careSetting: s.careSetting,
                answers: new Map<string, DomainAnswer>(
                  framework.domains.map((d) => [
                    d.id,
                    s.notApplicable.includes(d.id) ? { notApplicable: true } : { met: new Set(s.met) },
                  ]),
                ),
              }
            : null,
        );
        const rows = domainLevelGrid(columns);
        for (const row of rows) {
          expect(row.cells).toHaveLength(columns.length);
          row.cells.forEach((cell, i) => {
            const column = columns[i]!;
            if (column === null) return expect(cell.kind).toBe('no-return');
            if (cell.kind !== 'level') return;
            const domain = framework.domains.find((d) => d.id === row.domainId)!;
            const answer = column.answers.get(domain.id)!;
            expect(cell.level).toBe(domainLevel(domain, answer.notApplicable ? new Set() : answer.met));
          });
        }
        if (columns.every((c) => c === null)) expect(rows).toEqual([]);
      }),
    );
  });
});

describe('belowThreshold', () => {
  it('lists the scores strictly below the threshold, lowest first', () => {
    const items = [
      { item: 'A', value: 2.5 },
      { item: 'B', value: 1.9 },
      { item: 'C', value: null },
      { item: 'D', value: 2.4 },
      { item: 'E', value: 1.9 },
    ];
    expect(belowThreshold(items, 2.5).map((i) => i.item)).toEqual(['B', 'E', 'D']);
  });

  it('lists exactly the scores below the threshold, in order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(
            fc.integer({ min: 10, max: 50 }).map((n) => n / 10),
            { nil: null },
          ),
        ),
        fc.integer({ min: 10, max: 50 }).map((n) => n / 10),
        (values, threshold) => {
          const listed = belowThreshold(
            values.map((value, item) => ({ item, value })),
            threshold,
          );
          expect(listed).toHaveLength(values.filter((v) => v !== null && v < threshold).length);
          listed.forEach((l, i) => {
            expect(l.value!).toBeLessThan(threshold);
            if (i > 0) expect(l.value!).toBeGreaterThanOrEqual(listed[i - 1]!.value!);
          });
        },
      ),
    );
  });
});

const published: TrendInstrument = { kind: 'published', label: 'Published' };
const bank = (version: string): TrendInstrument => ({
  kind: 'question-bank',
  frameworkId: 'wgll',
  version,
  label: `Question bank ${version}`,
});
const y2025 = { id: 'c25', name: '2025/26', referenceDate: '2025-04-01' };
const y2026 = { id: 'c26', name: '2026/27', referenceDate: '2026-04-01' };

describe('declining', () => {
  it('lists falls like for like only, largest first, and counts what was compared', () => {
    const items: Comparison<string>[] = [
      {
        item: 'A',
        previous: { cycle: y2025, instrument: bank('1'), value: 3 },
        current: { cycle: y2026, instrument: bank('1'), value: 2.5 },
      },
      {
        item: 'B',
        previous: { cycle: y2025, instrument: bank('1'), value: 3 },
        current: { cycle: y2026, instrument: bank('1'), value: 3.2 },
      },
      {
        item: 'C',
        previous: { cycle: y2025, instrument: published, value: 3 },
        current: { cycle: y2026, instrument: bank('1'), value: 1 },
      },
      { item: 'D', previous: null, current: { cycle: y2026, instrument: bank('1'), value: 1 } },
      {
        item: 'E',
        previous: { cycle: y2025, instrument: bank('1'), value: 2 },
        current: { cycle: y2026, instrument: bank('1'), value: 1 },
      },
      {
        item: 'F',
        previous: { cycle: y2025, instrument: bank('1'), value: 2 },
        current: { cycle: y2026, instrument: bank('2'), value: 1 },
      },
    ];
    const result = declining(items);
    expect(result.declining.map((d) => [d.item, d.change])).toEqual([
      ['E', -1],
      ['A', -0.5],
    ]);
    expect(result.comparable).toBe(3);
    expect(result.notComparable).toBe(2);
  });

  it('never lists a rise, a standstill or another instrument (property)', () => {
    const instrumentArb = fc.constantFrom(published, bank('1'), bank('2'));
    const pointArb = (cycle: typeof y2025) =>
      fc.record({
        cycle: fc.constant(cycle),
        instrument: instrumentArb,
        value: fc.option(
          fc.integer({ min: 10, max: 50 }).map((n) => n / 10),
          { nil: null },
        ),
      });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ previous: fc.option(pointArb(y2025), { nil: null }), current: pointArb(y2026) }),
        ),
        (pairs) => {
          const items = pairs.map((p, item) => ({ item, ...p }));
          const result = declining(items);
          const withBoth = items.filter((i) => i.previous?.value != null && i.current.value !== null);
          expect(result.comparable + result.notComparable).toBe(withBoth.length);
          for (const d of result.declining) {
            expect(d.current.value!).toBeLessThan(d.previous.value!);
            expect(JSON.stringify(d.current.instrument)).toBe(JSON.stringify(d.previous.instrument));
          }
          const falls = withBoth.filter(
            (i) =>
              JSON.stringify(i.previous!.instrument) === JSON.stringify(i.current.instrument) &&
              i.current.value! < i.previous!.value!,
          );
          expect(result.declining.map((d) => d.item)).toEqual(
            expect.arrayContaining(falls.map((f) => f.item)),
          );
          expect(result.declining).toHaveLength(falls.length);
        },
      ),
    );
  });
});
