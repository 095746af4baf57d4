import { describe, expect, it } from '@jest/globals';
import type { FrameworkVersion } from '@wgll/framework';
import { domainLevel } from '@wgll/scoring';
import fc from 'fast-check';
import { readBundledFrameworks } from '../../../modules/frameworks/bundled-frameworks.js';
import {
  correctedLevel,
  demoAnswer,
  demoLevel,
  elementsForLevel,
  NATIONAL_MEANS_2025,
} from './demo-levels.js';
import { hashOf, randomFor } from './demo-random.js';

const [organisation, system] = readBundledFrameworks().map((f) => f.document as FrameworkVersion) as [
  FrameworkVersion,
  FrameworkVersion,
];
const domains = [...organisation.domains, ...system.domains];

describe('demo random', () => {
  it('gives the same numbers for the same key, and different ones for another', () => {
    const a = randomFor('RJZ|acute|well-led-1');
    const b = randomFor('RJZ|acute|well-led-1');
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(randomFor('RJ2|acute|well-led-1')()).not.toBe(first[0]);
    for (const n of first) expect(n >= 0 && n < 1).toBe(true);
    expect(hashOf('QKK')).toBe(hashOf('QKK'));
  });
});

describe('demo levels', () => {
  it('stay between 1 and 5 whatever the published score', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 6, noNaN: true }), fc.string(), (score, key) => {
        const level = demoLevel(score, key);
        expect(level).toBeGreaterThanOrEqual(1);
        expect(level).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('average about the published score over a measure’s domains (a trust at 3.3 sits around 3)', () => {
    for (const score of [1.4, 2.0, 2.5, 3.3, 4.1]) {
      const levels = Array.from({ length: 400 }, (_, i) => demoLevel(score, `R${i}|acute|d${i}`));
      const mean = levels.reduce((s, l) => s + l, 0) / levels.length;
      expect(Math.abs(mean - score)).toBeLessThan(0.2);
    }
    expect(demoLevel(3.3, 'RJZ|acute|x')).toBeGreaterThanOrEqual(2);
    expect(demoLevel(3.3, 'RJZ|acute|x')).toBeLessThanOrEqual(4);
  });

  it('tick exactly the elements that give the level under gated scoring, for every bundled domain', () => {
    for (const domain of domains) {
      for (const level of [1, 2, 3, 4, 5] as const) {
        const met = elementsForLevel(domain, level, `RJZ|${domain.id}`);
        expect(domainLevel(domain, new Set(met))).toBe(level);
        // Never an element above the next level.
        const above = domain.levels.filter((l) => l.level > level + 1).flatMap((l) => l.elements);
        expect(above.some((e) => met.includes(e.id))).toBe(false);
      }
    }
  });

  it('make answers that are the same on every run, follow the score and read like a trust’s', () => {
    const domain = organisation.domains.find((d) => !d.notApplicableAllowed)!;
    const a = demoAnswer(domain, 3.3, 'RJZ|acute');
    expect(demoAnswer(domain, 3.3, 'RJZ|acute')).toEqual(a);
    expect(a.notApplicable).toBe(false);
    expect(a.level).toBe(domainLevel(domain, new Set(a.met)));
    expect(a.comment).toContain(domain.title);
    expect(['low', 'medium', 'high']).toContain(a.confidence);
    // Without a published score the national mean of the measure is used.
    const national = demoAnswer(domain, null, 'NEW|acute');
    expect(national.level).toBe(demoLevel(NATIONAL_MEANS_2025[domain.measure], `NEW|acute|${domain.id}`));
  });

  it('answer not applicable only where the framework allows it', () => {
    for (const domain of domains) {
      for (const owner of ['RJZ', 'RJ2', 'RPG', 'RV5', 'R1H', 'RAT', 'RF4', 'RQX', 'RWK']) {
        const answer = demoAnswer(domain, 2.5, `${owner}|acute`);
        if (answer.notApplicable) {
          expect(domain.notApplicableAllowed).toBe(true);
          expect(answer.met).toEqual([]);
        }
      }
    }
  });

  it('correct a level by one, within the scale', () => {
    expect(correctedLevel(1, 'k')).toBe(2);
    expect(correctedLevel(5, 'k')).toBe(4);
    for (const key of ['a', 'b', 'c', 'd']) expect([2, 4]).toContain(correctedLevel(3, key));
  });
});
