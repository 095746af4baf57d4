import { describe, expect, it } from '@jest/globals';
import type { FrameworkDomain, FrameworkVersion } from '@wgll/framework';
import { syntheticDomain } from '@wgll/framework/testing';
import {
  buildDomainSeries,
  buildSeries,
  changeSinceLast,
  PUBLISHED_LABEL,
  type TrendCycle,
  type TrendInstrument,
} from './trends.js';

const cycle = (year: number): TrendCycle => ({
  id: `c${year}`,
  name: `${year}/${String(year + 1).slice(2)}`,
  referenceDate: `${year}-04-01`,
});
const published: TrendInstrument = { kind: 'published', label: PUBLISHED_LABEL };
const bank = (version: string): TrendInstrument => ({
  kind: 'question-bank',
  frameworkId: 'wgll',
  version,
  label: `our question bank, version ${version}`,
});

describe('buildSeries', () => {
  it('orders points by reference date and breaks only where the instrument changes', () => {
    const series = buildSeries([
      { cycle: cycle(2027), instrument: bank('2027.1'), value: 3 },
      { cycle: cycle(2025), instrument: published, value: 2.5 },
      { cycle: cycle(2026), instrument: bank('2026.1'), value: 2 },
      { cycle: cycle(2024), instrument: published, value: 2 },
      { cycle: cycle(2028), instrument: bank('2027.1'), value: 3.5 },
    ]);
    expect(series.map((p) => [p.cycle.name, p.value, p.break !== null])).toEqual([
      ['2024/25', 2, false],
      ['2025/26', 2.5, false],
      ['2026/27', 2, true],
      ['2027/28', 3, true],
      ['2028/29', 3.5, false],
    ]);
    expect(series[2]!.break!.reason).toBe(
      `A different instrument: ${PUBLISHED_LABEL} in 2025/26, our question bank, version 2026.1 in 2026/27. ` +
        'They ask different questions, so the scores are not compared.',
    );
    expect(series[3]!.break!.reason).toMatch(/changed from version 2026\.1 \(2026\/27\) to version 2027\.1/);
  });

  it('says what a change compares, and gives a number only like for like', () => {
    const joined = buildSeries([
      { cycle: cycle(2026), instrument: bank('2026.1'), value: 2 },
      { cycle: cycle(2027), instrument: bank('2026.1'), value: 2.75 },
    ]);
    expect(changeSinceLast(joined)).toMatchObject({
      comparable: true,
      change: 0.75,
      label: 'the same framework version 2026.1, comparable domains',
    });
    const broken = buildSeries([
      { cycle: cycle(2025), instrument: published, value: 2 },
      { cycle: cycle(2026), instrument: bank('2026.1'), value: 3 },
    ]);
    expect(changeSinceLast(broken)).toMatchObject({ comparable: false, change: null });
    expect(changeSinceLast(broken)!.label).toMatch(/^A different instrument/);
    expect(changeSinceLast(broken.slice(0, 1))).toBeNull();
  });
});

const domain = (
  id: string,
  lineage: FrameworkDomain['lineage'],
  title = `Domain ${id}`,
): FrameworkDomain => ({
  ...syntheticDomain(id, 'well-led', [2, 2, 2, 2]),
  title,
  lineage,
});

const version = (v: string, domains: FrameworkDomain[], previous?: FrameworkVersion): FrameworkVersion => ({
  frameworkId: 'wgll',
  version: v,
  title: 'WGLL',
  publishedOn: '2026-04-01',
  status: 'published',
  level: 'organisation',
  scale: { min: 1, max: 5 },
  measures: [],
  domains,
  ...(previous
    ? {
        previousVersion: {
          version: previous.version,
          retired: [{ lineageId: 'gone', reason: 'No longer asked.' }],
        },
      }
    : {}),
});

describe('buildDomainSeries', () => {
  const v1 = version('1', [
    domain('kept', { id: 'kept', relation: 'new' }),
    domain('renamed', { id: 'renamed', relation: 'new' }),
    domain('reladdered', { id: 'reladdered', relation: 'new' }),
    domain('whole', { id: 'whole', relation: 'new' }, 'Whole thing'),
    domain('part-a', { id: 'part-a', relation: 'new' }, 'Part A'),
    domain('part-b', { id: 'part-b', relation: 'new' }, 'Part B'),
    domain('gone', { id: 'gone', relation: 'new' }, 'Gone'),
  ]);
  const v2 = version(
    '2',
    [
      domain('kept', { id: 'kept', relation: 'same' }),
      domain('renamed-2', { id: 'renamed', relation: 'reworded', note: 'Plainer words.' }, 'Renamed'),
      domain('reladdered', { id: 'reladdered', relation: 'changed', note: 'Level 2 asks for more.' }),
      domain('whole-1', { id: 'whole-1', relation: 'split', from: ['whole'], note: 'Two parts.' }),
      domain('whole-2', { id: 'whole-2', relation: 'split', from: ['whole'], note: 'Two parts.' }),
      domain('parts', { id: 'parts', relation: 'merged', from: ['part-a', 'part-b'], note: 'One now.' }),
      domain('fresh', { id: 'fresh', relation: 'new' }),
    ],
    v1,
  );
  const levels = (ids: string[], level: number) => Object.fromEntries(ids.map((id) => [id, level]));
  const result = buildDomainSeries([
    {
      cycle: cycle(2027),
      framework: v2,
      levels: levels(
        v2.domains.map((d) => d.id),
        3,
      ),
    },
    {
      cycle: cycle(2026),
      framework: v1,
      levels: levels(
        v1.domains.map((d) => d.id),
        2,
      ),
    },
    {
      cycle: cycle(2028),
      framework: v2,
      levels: {
        ...levels(
          v2.domains.map((d) => d.id),
          4,
        ),
        fresh: null,
      },
    },
  ]);
  const byLineage = new Map(result.map((s) => [s.lineageId, s]));
  const shape = (id: string) =>
    byLineage.get(id)!.points.map((p) => [p.cycle.name, p.value, p.break?.reason ?? null]);

  it('joins same and reworded domains across versions, under the newest title', () => {
    expect(shape('kept')).toEqual([
      ['2026/27', 2, null],
      ['2027/28', 3, null],
      ['2028/29', 4, null],
    ]);
    expect(byLineage.get('renamed')).toMatchObject({
      title: 'Renamed',
      domainId: 'renamed-2',
      relation: 'reworded',
    });
    expect(shape('renamed').every(([, , reason]) => reason === null)).toBe(true);
  });

  it('continues a changed domain with a break that gives the note', () => {
    expect(shape('reladdered').map(([, , reason]) => reason)).toEqual([
      null,
      'The levels of this domain changed meaning in version 2: Level 2 asks for more. The levels before and after are not compared.',
      null,
    ]);
  });

  it('starts split domains with a break naming where they came from, and ends the old one', () => {
    for (const id of ['whole-1', 'whole-2']) {
      const first = byLineage.get(id)!.points[0]!;
      expect(first.cycle.name).toBe('2027/28');
      expect(first.break).toEqual({
        reason:
          'Split from "Whole thing" of version 1: Two parts. The levels before and after are not compared.',
        from: ['Whole thing'],
      });
    }
    expect(byLineage.get('whole')).toMatchObject({ ended: 'Split in version 2', points: [{ value: 2 }] });
  });

  it('starts a merged domain with a break naming every domain it came from', () => {
    expect(byLineage.get('parts')!.points[0]!.break).toEqual({
      reason:
        'Merged from "Part A" and "Part B" of version 1: One now. The levels before and after are not compared.',
      from: ['Part A', 'Part B'],
    });
    expect(byLineage.get('part-a')!.ended).toBe('Merged in version 2');
    expect(byLineage.get('part-b')!.ended).toBe('Merged in version 2');
  });

  it('starts a new domain without a break, keeps not applicable as null, and ends retired ones', () => {
    expect(shape('fresh')).toEqual([
      ['2027/28', 3, null],
      ['2028/29', null, null],
    ]);
    expect(byLineage.get('fresh')!.relation).toBe('new');
    expect(byLineage.get('gone')!.ended).toBe('Retired in version 2: No longer asked.');
  });

  it('never joins versions that do not follow each other', () => {
    const v3 = {
      ...version('3', [domain('kept', { id: 'kept', relation: 'same' })]),
      previousVersion: { version: '2', retired: [] },
    };
    const series = buildDomainSeries([
      { cycle: cycle(2026), framework: v1, levels: { kept: 2 } },
      { cycle: cycle(2027), framework: v3, levels: { kept: 3 } },
    ]);
    expect(series[0]!.points[1]!.break!.reason).toMatch(/changed from version 1 \(2026\/27\) to version 3/);
  });
});
