import { describe, expect, it } from '@jest/globals';
import type { DomainLineage, FrameworkVersion } from './framework.types.js';
import { validateLineage, validateLineageChain } from './lineage.js';
import { syntheticDomain, syntheticFramework } from './testing/synthetic-framework.js';
import { validateFramework } from './validate-framework.js';

/** Version 1: one domain per measure, lineage ids well-led-1 … healthy-populations-1. */
const first = (): FrameworkVersion => syntheticFramework(1, 'all');

/** The version after `previous`, continuing every domain `same` unless `change` says otherwise. */
function following(
  previous: FrameworkVersion,
  version: string,
  change: (next: FrameworkVersion) => void = () => undefined,
): FrameworkVersion {
  const next: FrameworkVersion = {
    ...structuredClone(previous),
    version,
    previousVersion: { version: previous.version, retired: [] },
  };
  next.domains = next.domains.map((d) => ({ ...d, lineage: { id: d.lineage.id, relation: 'same' } }));
  change(next);
  return next;
}

const domainFrom = (id: string, lineage: DomainLineage) => ({
  ...syntheticDomain(id, 'well-led'),
  lineage,
});

const problemsOf = (input: unknown) => {
  const result = validateFramework(input);
  return result.ok ? [] : result.problems;
};

describe('lineage within one version (validateFramework)', () => {
  it('accepts every relation when used as documented', () => {
    const v2 = following(first(), '2', (n) => {
      n.domains[1]!.lineage = { id: n.domains[1]!.lineage.id, relation: 'reworded', note: 'Plainer words.' };
      n.domains[2]!.lineage = {
        id: n.domains[2]!.lineage.id,
        relation: 'changed',
        note: 'Level 2 is stricter.',
      };
      n.domains.push(
        domainFrom('wl-split-a', {
          id: 'wl-split-a',
          relation: 'split',
          from: ['well-led-1'],
          note: 'Half.',
        }),
        domainFrom('wl-split-b', {
          id: 'wl-split-b',
          relation: 'split',
          from: ['well-led-1'],
          note: 'Half.',
        }),
        domainFrom('wl-new', { id: 'wl-new', relation: 'new' }),
      );
      n.domains.shift();
    });
    expect(problemsOf(v2)).toEqual([]);
    expect(validateLineage(first(), v2)).toEqual([]);
  });

  it('needs a previous version for anything but new, and a note where something changed', () => {
    const f = first();
    f.domains[0]!.lineage = { id: 'well-led-1', relation: 'reworded' };
    expect(problemsOf(f)).toEqual([
      {
        path: 'domains[0].lineage.relation',
        message: '"reworded" needs the version\'s previousVersion to say which version it follows',
      },
      { path: 'domains[0].lineage.note', message: 'a reworded domain needs a note saying what changed' },
    ]);
  });

  it('checks where split and merged domains come from', () => {
    const v2 = following(first(), '2', (n) => {
      n.domains[0]!.lineage = {
        id: 'a',
        relation: 'split',
        from: ['well-led-1', 'smart-foundations-1'],
        note: 'x',
      };
      n.domains[1]!.lineage = { id: 'b', relation: 'merged', from: ['well-led-1'], note: 'x' };
      n.domains[2]!.lineage = { id: 'c', relation: 'merged', from: ['c', 'safe-practice-1'], note: 'x' };
      n.domains[3]!.lineage = { id: 'support-people-1', relation: 'same', from: ['well-led-1'] };
    });
    expect(problemsOf(v2)).toEqual([
      {
        path: 'domains[0].lineage.from',
        message: 'a split domain comes from exactly one lineage of the previous version',
      },
      {
        path: 'domains[1].lineage.from',
        message: 'a merged domain comes from two or more lineages of the previous version',
      },
      {
        path: 'domains[2].lineage.id',
        message: 'a merged domain needs a new lineage id, not one it comes from',
      },
      { path: 'domains[3].lineage.from', message: 'only a split or merged domain says where it came from' },
    ]);
  });

  it('refuses a retired lineage that a domain still carries, or one listed twice', () => {
    const v2 = following(first(), '2', (n) => {
      n.previousVersion!.retired = [
        { lineageId: 'well-led-1', reason: 'Gone.' },
        { lineageId: 'improve-care-1', reason: 'Gone.' },
        { lineageId: 'improve-care-1', reason: 'Gone twice.' },
      ];
      n.domains = n.domains.filter((d) => d.lineage.id !== 'improve-care-1');
      n.domains.push(domainFrom('ic-new', { id: 'ic-new', relation: 'new' }));
      n.domains.at(-1)!.measure = 'improve-care';
    });
    expect(problemsOf(v2)).toEqual([
      {
        path: 'previousVersion.retired[0].lineageId',
        message: '"well-led-1" is retired but a domain of this version still has it',
      },
      { path: 'previousVersion.retired[2].lineageId', message: 'lists "improve-care-1" twice' },
    ]);
  });
});

describe('validateLineage (against the previous version)', () => {
  it('finds a retired domain that is not listed', () => {
    const v2 = following(first(), '2', (n) => {
      n.domains[0] = domainFrom('wl-other', { id: 'wl-other', relation: 'new' });
    });
    expect(validateLineage(first(), v2)).toEqual([
      {
        path: 'previousVersion.retired',
        message: '"well-led-1" of 1 is not carried, split, merged or listed as retired',
      },
    ]);
    v2.previousVersion!.retired.push({ lineageId: 'well-led-1', reason: 'Replaced by wl-other.' });
    expect(validateLineage(first(), v2)).toEqual([]);
  });

  it('finds lineage pointing at nothing', () => {
    const v2 = following(first(), '2', (n) => {
      n.domains[0]!.lineage = { id: 'well-led-9', relation: 'reworded', note: 'x' };
      n.domains.push(domainFrom('s', { id: 's', relation: 'split', from: ['nowhere'], note: 'x' }));
      n.domains.push(domainFrom('t', { id: 'smart-foundations-1', relation: 'new' }));
      n.previousVersion!.retired.push(
        { lineageId: 'well-led-1', reason: 'x' },
        { lineageId: 'ghost', reason: 'x' },
      );
      n.domains[1]!.lineage = { id: 'sf-2', relation: 'same' };
    });
    expect(validateLineage(first(), v2)).toEqual([
      {
        path: 'domains[0].lineage.id',
        message: '"well-led-9" is not a lineage of 1, so the domain cannot be reworded',
      },
      {
        path: 'domains[1].lineage.id',
        message: '"sf-2" is not a lineage of 1, so the domain cannot be same',
      },
      { path: 'domains[7].lineage.from', message: '"nowhere" is not a lineage of 1' },
      {
        path: 'domains[8].lineage.id',
        message: '"smart-foundations-1" is a lineage of 1: a new domain needs a new lineage id',
      },
      { path: 'previousVersion.retired', message: '"ghost" is not a lineage of 1' },
      {
        path: 'previousVersion.retired',
        message: '"smart-foundations-1" of 1 is not carried, split, merged or listed as retired',
      },
    ]);
  });

  it('refuses a previous version of another framework or level', () => {
    const other = { ...first(), frameworkId: 'another' };
    expect(validateLineage(other, following(first(), '2'))).toEqual([
      { path: 'previousVersion.version', message: '1 is a different framework or level' },
    ]);
    expect(validateLineage({ ...first(), version: '0' }, following(first(), '2'))).toEqual([
      { path: 'previousVersion.version', message: 'does not name version 0' },
    ]);
  });
});

describe('validateLineageChain', () => {
  it('accepts a chain where each version follows the one before', () => {
    const v1 = first();
    const v2 = following(v1, '2');
    const v3 = following(v2, '3');
    expect(validateLineageChain([v1, v2, v3])).toEqual([]);
  });

  it('finds a cycle of splits, and an ended lineage that comes back', () => {
    const v1 = first();
    // 2: well-led-1 is split into x; 3: well-led-1 comes back, split from x.
    const v2 = following(v1, '2', (n) => {
      n.domains[0]!.lineage = { id: 'x', relation: 'split', from: ['well-led-1'], note: 'x' };
    });
    const v3 = following(v2, '3', (n) => {
      n.domains[0]!.lineage = { id: 'well-led-1', relation: 'split', from: ['x'], note: 'back' };
    });
    // Each pair on its own is consistent: only the chain shows the loop.
    expect(validateLineage(v1, v2)).toEqual([]);
    expect(validateLineage(v2, v3)).toEqual([]);
    expect(validateLineageChain([v1, v2, v3])).toEqual([
      {
        path: 'domains[0].lineage.id',
        message: '3: "well-led-1" was used in 1 and ended; an ended lineage cannot come back',
      },
      { path: 'domains', message: 'lineage descends from itself: x → well-led-1 → x' },
    ]);
  });
});
