import { describe, expect, it } from '@jest/globals';
import { CARE_SETTINGS } from './framework.types.js';
import { syntheticFramework } from './testing/synthetic-framework.js';
import { appliesTo } from './framework.types.js';
import { validateFramework } from './validate-framework.js';

// One domain per measure, every one applying to "all" care settings.
const framework = () => syntheticFramework(1, 'all');

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
          message: 'duplicate domain id "well-led-1" (first used at domains[0].id)',
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

  it('accepts only ids and versions that the API can address', () => {
    expect(problemsOf({ ...framework(), version: '2026 draft' }).map((p) => p.path)).toEqual(['version']);
    expect(problemsOf({ ...framework(), version: '2026/1' }).map((p) => p.path)).toEqual(['version']);
    expect(problemsOf({ ...framework(), frameworkId: 'x'.repeat(101) }).map((p) => p.path)).toEqual([
      'frameworkId',
    ]);
    expect(validateFramework({ ...framework(), version: '2026.1_rc-2' }).ok).toBe(true);
  });

  it('needs a publication date once published', () => {
    expect(problemsOf({ ...framework(), publishedOn: null })).toEqual([
      { path: 'publishedOn', message: 'a published version needs a publication date' },
    ]);
    expect(validateFramework({ ...framework(), publishedOn: null, status: 'draft' }).ok).toBe(true);
  });

  it('refuses a publication date that is not a real date, without throwing', () => {
    for (const publishedOn of ['not-a-date', '2026-13-45', '2026-02-30', '']) {
      expect(problemsOf({ ...framework(), publishedOn }).map((p) => p.path)).toContain('publishedOn');
    }
  });
});

describe('appliesTo', () => {
  it('applies "all" to every care setting and a list only to its own', () => {
    for (const s of CARE_SETTINGS) expect(appliesTo({ careSettings: 'all' }, s)).toBe(true);
    expect(appliesTo({ careSettings: ['acute'] }, 'acute')).toBe(true);
    expect(appliesTo({ careSettings: ['acute'] }, 'ambulance')).toBe(false);
  });
});
