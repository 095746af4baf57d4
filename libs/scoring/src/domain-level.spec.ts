import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { domainLevel, whatNextLevelNeeds } from './domain-level.js';
import { syntheticDomain } from '@wgll/framework/testing';

const domain = syntheticDomain('d', 'well-led', [2, 3, 3, 2]);
const ids = (level: number) => domain.levels[level - 1]!.elements.map((e) => e.id);
const upTo = (level: number) => [2, 3, 4, 5].filter((l) => l <= level).flatMap(ids);

describe('domainLevel (known values)', () => {
  it('is 1 with nothing met, or with any level-2 element unmet', () => {
    expect(domainLevel(domain, new Set())).toBe(1);
    expect(domainLevel(domain, new Set([ids(2)[0]!, ...ids(3), ...ids(4), ...ids(5)]))).toBe(1);
  });

  it('is the highest level whose elements, and all below, are met', () => {
    expect(domainLevel(domain, new Set(upTo(2)))).toBe(2);
    expect(domainLevel(domain, new Set(upTo(3)))).toBe(3);
    expect(domainLevel(domain, new Set([...upTo(3), ...ids(5)]))).toBe(3);
    expect(domainLevel(domain, new Set(upTo(5)))).toBe(5);
  });

  it('ignores ids that belong to no element of the domain', () => {
    expect(domainLevel(domain, new Set([...upTo(2), 'other-domain-l3-e1']))).toBe(2);
  });
});

describe('whatNextLevelNeeds', () => {
  it('lists the unmet elements of the next level and what they hold back', () => {
    const met = new Set([...upTo(2), ids(3)[0]!, ...ids(4)]);
    const needs = whatNextLevelNeeds(domain, met);
    expect(needs.currentLevel).toBe(2);
    expect(needs.nextLevel).toBe(3);
    expect(needs.needed.map((e) => e.id)).toEqual(ids(3).slice(1));
    expect(needs.metAboveNextLevel.map((e) => e.id)).toEqual(ids(4));
    expect(needs.levelOnceNeededMet).toBe(4);
  });

  it('shows an unmet level-2 element capping a domain with higher levels met', () => {
    const met = new Set([ids(2)[1]!, ...ids(3), ...ids(4), ...ids(5)]);
    const needs = whatNextLevelNeeds(domain, met);
    expect(needs).toMatchObject({ currentLevel: 1, nextLevel: 2, levelOnceNeededMet: 5 });
    expect(needs.needed.map((e) => e.id)).toEqual([ids(2)[0]]);
  });

  it('needs nothing at level 5', () => {
    expect(whatNextLevelNeeds(domain, new Set(upTo(5)))).toMatchObject({ nextLevel: null, needed: [] });
  });
});

// Arbitrary domains (2–4 elements per level) with an arbitrary subset of elements met.
const domainAndMet = fc
  .tuple(
    fc.integer({ min: 2, max: 4 }),
    fc.integer({ min: 2, max: 4 }),
    fc.integer({ min: 2, max: 4 }),
    fc.integer({ min: 2, max: 4 }),
  )
  .chain((counts) => {
    const d = syntheticDomain('p', 'improve-care', counts);
    const all = d.levels.flatMap((l) => l.elements.map((e) => e.id));
    return fc.record({
      domain: fc.constant(d),
      met: fc.subarray(all),
      more: fc.subarray(all),
    });
  });

describe('domainLevel (properties)', () => {
  it('stays within 1..5', () => {
    fc.assert(
      fc.property(domainAndMet, ({ domain: d, met }) => {
        const level = domainLevel(d, new Set(met));
        return level >= 1 && level <= 5;
      }),
    );
  });

  it('never falls when more elements are met', () => {
    fc.assert(
      fc.property(domainAndMet, ({ domain: d, met, more }) => {
        return domainLevel(d, new Set([...met, ...more])) >= domainLevel(d, new Set(met));
      }),
    );
  });

  it('is capped below any level that has an unmet element', () => {
    fc.assert(
      fc.property(domainAndMet, ({ domain: d, met }) => {
        const metSet = new Set(met);
        const level = domainLevel(d, metSet);
        return d.levels.every((l) => l.elements.every((e) => metSet.has(e.id)) || level < l.level);
      }),
    );
  });

  it('reaches exactly the next level once the needed elements are met, when nothing above is met', () => {
    fc.assert(
      fc.property(domainAndMet, ({ domain: d, met }) => {
        const needs = whatNextLevelNeeds(d, new Set(met));
        if (needs.nextLevel === null) return needs.currentLevel === 5;
        return needs.levelOnceNeededMet >= needs.nextLevel && needs.needed.length > 0;
      }),
    );
  });
});
