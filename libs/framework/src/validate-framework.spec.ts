import { describe, expect, it } from '@jest/globals';
import {
  CARE_SETTINGS,
  type FrameworkDomain,
  type FrameworkVersion,
  MEASURE_IDS,
} from './framework.types.js';
import { appliesTo, validateFramework } from './validate-framework.js';

function domain(id: string, measure: (typeof MEASURE_IDS)[number]): FrameworkDomain {
  return {
    id,
    measure,
    title: `Domain ${id}`,
    whatGoodLooksLike: 'Good things happen.',
    careSettings: 'all',
    notApplicableAllowed: false,
    lineage: { id: `lineage-${id}`, relation: 'new' },
    levels: [1, 2, 3, 4, 5].map((level) => ({
      level: level as 1 | 2 | 3 | 4 | 5,
      descriptor: `Level ${level}`,
      elements:
        level === 1
          ? []
          : [1, 2].map((n) => ({
              id: `${id}-l${level}-e${n}`,
              text: `Element ${n} of level ${level}`,
              guidance: 'What it means.',
              evidence: 'Board minutes.',
            })),
    })),
  };
}

function framework(): FrameworkVersion {
  return {
    frameworkId: 'test-framework',
    version: '2026.1',
    title: 'Test framework',
    publishedOn: '2026-04-01',
    status: 'published',
    level: 'organisation',
    scale: { min: 1, max: 5 },
    measures: MEASURE_IDS.map((id) => ({ id, name: id })),
    domains: MEASURE_IDS.map((m) => domain(`${m}-one`, m)),
  };
}

const problemsOf = (input: unknown) => {
  const result = validateFramework(input);
  return result.ok ? [] : result.problems;
};

describe('validateFramework', () => {
  it('accepts a well-formed framework and returns it typed', () => {
    const result = validateFramework(framework());
    expect(result.ok).toBe(true);
  });

  it('returns every problem at once, each with its path', () => {
    const f = framework();
    f.domains[1]!.id = f.domains[0]!.id; // duplicate domain id
    (f.domains[2] as { measure: string }).measure = 'be-nice'; // unknown measure
    f.domains[3]!.levels[2]!.elements = []; // a level without elements
    f.domains[4]!.levels[0]!.elements = f.domains[4]!.levels[1]!.elements.map((e) => ({
      ...e,
      id: `${e.id}-x`,
    }));
    expect(problemsOf(f)).toEqual(
      expect.arrayContaining([
        {
          path: 'domains[1].id',
          message: 'duplicate domain id "well-led-one" (first used at domains[0].id)',
        },
        { path: 'domains[2].measure', message: expect.stringMatching(/^measure must be one of well-led/) },
        { path: 'domains[3].levels[2].elements', message: 'level 3 needs 2 to 4 elements (it has 0)' },
        {
          path: 'domains[4].levels[0].elements',
          message: 'level 1 is where every domain starts: it has a descriptor and no elements',
        },
      ]),
    );
  });

  it('finds a measure with no domain for a care setting', () => {
    const f = framework();
    f.domains[5]!.careSettings = ['acute', 'community', 'mental-health'];
    expect(problemsOf(f)).toEqual([
      { path: 'domains', message: 'measure improve-care has no domain for the ambulance care setting' },
    ]);
  });

  it('requires the seven measures in order and levels 1 to 5', () => {
    const f = framework();
    f.measures = [...f.measures].reverse();
    f.domains[0]!.levels[1]!.level = 3;
    expect(problemsOf(f).map((p) => p.path)).toEqual(['measures', 'domains[0].levels[1].level']);
  });

  it('reports duplicate element and lineage ids across domains', () => {
    const f = framework();
    f.domains[1]!.lineage.id = f.domains[0]!.lineage.id;
    f.domains[1]!.levels[1]!.elements[0]!.id = f.domains[0]!.levels[1]!.elements[0]!.id;
    expect(problemsOf(f).map((p) => p.path)).toEqual([
      'domains[1].lineage.id',
      'domains[1].levels[1].elements[0].id',
    ]);
  });

  it('keeps system-level frameworks free of care settings', () => {
    const f = { ...framework(), level: 'system' as const };
    f.domains[0]!.careSettings = ['acute'];
    expect(problemsOf(f)).toEqual([
      {
        path: 'domains[0].careSettings',
        message: 'a system-level framework has no care settings: use "all"',
      },
    ]);
  });

  it('rejects what is not a framework at all, and unknown properties', () => {
    expect(problemsOf('hello')[0]?.path).toBe('');
    const f = { ...framework(), colour: 'blue' };
    expect(problemsOf(f)[0]?.message).toMatch(/colour/);
  });

  it('needs a publication date once published', () => {
    expect(problemsOf({ ...framework(), publishedOn: null })).toEqual([
      { path: 'publishedOn', message: 'a published version needs a publication date' },
    ]);
    expect(validateFramework({ ...framework(), publishedOn: null, status: 'draft' }).ok).toBe(true);
  });
});

describe('appliesTo', () => {
  it('applies "all" to every care setting and a list only to its own', () => {
    for (const s of CARE_SETTINGS) expect(appliesTo({ careSettings: 'all' }, s)).toBe(true);
    expect(appliesTo({ careSettings: ['acute'] }, 'acute')).toBe(true);
    expect(appliesTo({ careSettings: ['acute'] }, 'ambulance')).toBe(false);
  });
});
