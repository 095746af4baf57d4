import { describe, expect, it } from '@jest/globals';
import { elementsOf, loadQuestionBank, validated } from './question-bank.spec-support.js';
import { appliesTo, CARE_SETTINGS, type FrameworkVersion, MEASURE_IDS } from './index.js';

const organisation = loadQuestionBank('wgll-self-assessment-2026.organisation.json');
const system = loadQuestionBank('wgll-self-assessment-2026.system.json');

/** The measures with fewer than `min` domains, with their counts (empty when all have enough). */
const measuresWithFewerThan = (f: FrameworkVersion, min: number) =>
  MEASURE_IDS.map((measure) => ({
    measure,
    domains: f.domains.filter((d) => d.measure === measure).length,
  })).filter((m) => m.domains < min);

describe('WGLL self-assessment 2026 question bank', () => {
  describe('organisation version', () => {
    it('passes the framework validator', () => {
      const f = validated(organisation);
      expect(f.frameworkId).toBe('wgll-self-assessment');
      expect(f.level).toBe('organisation');
    });

    it('has at least five domains per measure', () => {
      const f = validated(organisation);
      expect(measuresWithFewerThan(f, 5)).toEqual([]);
    });

    it('gives every care setting at least one domain per measure', () => {
      const f = validated(organisation);
      const missing = CARE_SETTINGS.flatMap((setting) =>
        MEASURE_IDS.filter((m) => !f.domains.some((d) => d.measure === m && appliesTo(d, setting))).map(
          (m) => `${setting}: ${m}`,
        ),
      );
      expect(missing).toEqual([]);
    });

    it('keeps inpatient e-prescribing and medicines administration out of the ambulance return', () => {
      const f = validated(organisation);
      const ambulanceTitles = f.domains.filter((d) => appliesTo(d, 'ambulance')).map((d) => d.title);
      expect(ambulanceTitles.filter((t) => /prescribing|medicines administration/i.test(t))).toEqual([]);
    });
  });

  describe('system version', () => {
    it('passes the framework validator', () => {
      const f = validated(system);
      expect(f.frameworkId).toBe('wgll-self-assessment-system');
      expect(f.level).toBe('system');
    });

    it('has at least three domains per measure, all applying to every setting', () => {
      const f = validated(system);
      expect(measuresWithFewerThan(f, 3)).toEqual([]);
      expect(f.domains.filter((d) => d.careSettings !== 'all').map((d) => d.id)).toEqual([]);
    });
  });

  describe.each([
    ['organisation', organisation],
    ['system', system],
  ])('%s element texts', (_name, input) => {
    it('end with a full stop and are at most 300 characters', () => {
      const f = validated(input);
      const bad = elementsOf(f)
        .filter((e) => !e.text.endsWith('.') || e.text.length > 300)
        .map((e) => e.id);
      expect(bad).toEqual([]);
    });

    it('are never repeated', () => {
      const f = validated(input);
      const seen = new Set<string>();
      const repeated = elementsOf(f)
        .filter((e) => (seen.has(e.text) ? true : (seen.add(e.text), false)))
        .map((e) => e.id);
      expect(repeated).toEqual([]);
    });
  });
});
