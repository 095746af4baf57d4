import { describe, expect, it } from '@jest/globals';
import { MEASURE_IDS } from '@wgll/framework';
import { type DomainAnswer, scoreReturn } from './return-scores.js';
import { syntheticDomain, syntheticFramework } from '@wgll/framework/testing';

const metUpTo = (domainId: string, level: number, counts = [2, 3, 3, 2]) =>
  new Set(
    [2, 3, 4, 5]
      .filter((l) => l <= level)
      .flatMap((l) => Array.from({ length: counts[l - 2]! }, (_, n) => `${domainId}-l${l}-e${n + 1}`)),
  );

describe('scoreReturn', () => {
  const framework = syntheticFramework(2);

  it('scores each measure as the mean of its domains and overall as the mean of measures', () => {
    const answers = new Map<string, DomainAnswer>();
    MEASURE_IDS.forEach((m, i) => {
      answers.set(`${m}-1`, { met: metUpTo(`${m}-1`, 2) });
      answers.set(`${m}-2`, { met: metUpTo(`${m}-2`, i < 3 ? 3 : 5) });
    });
    const scores = scoreReturn(framework, 'acute', answers);
    expect(scores.measures.map((m) => m.score)).toEqual([2.5, 2.5, 2.5, 3.5, 3.5, 3.5, 3.5]);
    expect(scores.overall).toBeCloseTo((2.5 * 3 + 3.5 * 4) / 7, 12);
    expect(scores.incompleteMeasures).toEqual([]);
  });

  it('reports a measure with unanswered domains as incomplete, never averaging over fewer', () => {
    const answers = new Map<string, DomainAnswer>(
      framework.domains
        .filter((d) => d.id !== 'safe-practice-2')
        .map((d) => [d.id, { met: metUpTo(d.id, 4) }]),
    );
    const scores = scoreReturn(framework, 'acute', answers);
    const safe = scores.measures.find((m) => m.measure === 'safe-practice');
    expect(safe).toMatchObject({ domains: 2, scored: 1, missing: 1, score: null });
    expect(scores.overall).toBeNull();
    expect(scores.incompleteMeasures).toEqual(['safe-practice']);
  });

  it('leaves out domains marked not applicable where allowed, and domains of other care settings', () => {
    const f = syntheticFramework(1);
    f.domains.push(
      syntheticDomain('wl-wards', 'well-led', [2, 2, 2, 2], { notApplicableAllowed: true }),
      syntheticDomain('wl-ambulance', 'well-led', [2, 2, 2, 2], { careSettings: ['ambulance'] }),
    );
    const answers = new Map<string, DomainAnswer>(f.domains.map((d) => [d.id, { met: metUpTo(d.id, 3) }]));
    answers.set('wl-wards', { notApplicable: true });
    const wellLed = scoreReturn(f, 'acute', answers).measures[0]!;
    expect(wellLed).toMatchObject({ domains: 2, scored: 1, notApplicable: 1, score: 3 });
    const ambulance = scoreReturn(f, 'ambulance', answers).measures[0]!;
    expect(ambulance).toMatchObject({ domains: 3, scored: 2, score: 3 });
  });

  it('scores "not applicable" as level 1 where the framework does not allow it', () => {
    const f = syntheticFramework(1);
    const answers = new Map<string, DomainAnswer>(f.domains.map((d) => [d.id, { met: metUpTo(d.id, 5) }]));
    answers.set('well-led-1', { notApplicable: true });
    expect(scoreReturn(f, 'acute', answers).domains[0]).toMatchObject({ status: 'scored', level: 1 });
  });

  it('scores a system return across all domains when no care setting is given', () => {
    const f = { ...syntheticFramework(1), level: 'system' as const };
    const answers = new Map<string, DomainAnswer>(f.domains.map((d) => [d.id, { met: metUpTo(d.id, 2) }]));
    expect(scoreReturn(f, null, answers).overall).toBe(2);
  });
});
