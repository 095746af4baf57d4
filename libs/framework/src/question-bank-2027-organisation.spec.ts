import { describe, expect, it } from '@jest/globals';
import { elementsOf, loadQuestionBank, validated } from './question-bank.spec-support.js';
import {
  appliesTo,
  CARE_SETTINGS,
  type FrameworkElement,
  type FrameworkVersion,
  MEASURE_IDS,
  validateLineage,
  validateLineageChain,
} from './index.js';

const v2026 = validated(loadQuestionBank('wgll-self-assessment-2026.organisation.json'));
const v2027 = validated(loadQuestionBank('wgll-self-assessment-2027.organisation.json'));

const elementCount = (f: FrameworkVersion, setting: (typeof CARE_SETTINGS)[number]) =>
  f.domains
    .filter((d) => appliesTo(d, setting))
    .reduce((n, d) => n + d.levels.reduce((m, l) => m + l.elements.length, 0), 0);
const domainCount = (f: FrameworkVersion, setting: (typeof CARE_SETTINGS)[number]) =>
  f.domains.filter((d) => appliesTo(d, setting)).length;

/**
 * Wording that makes a level 5 element depend on what another organisation does (adopting, reusing or
 * using the organisation's work, agreeing, acting jointly, confirming), rather than on what the
 * organisation itself does and can evidence.
 */
const DEPENDS_ON_OTHERS: RegExp[] = [
  /\b(another|other|partner|member)\b[\w ,()-]*\b(has|have) (been )?(adopted|reused|used|taken up)\b/i,
  /\b(adopted|reused|taken up|used|in use) by (at least one|more than one|one|another|other|partner)\b/i,
  /\b(reuses|uses) theirs\b/i,
  /\bjoint(ly)? (with|purchases?|reviews?|action|user research|exercise)\b/i,
  /\bhelped (at least one |a )?partner\b/i,
  /\binfluenced\b/i,
  /\bpartners (plan|agree|track)\b/i,
  /\b(works?|worked) with\b[^.]*\bto (agree|offer|design|fix)\b/i,
  /\b(agreed by both parties|written agreement)\b/i,
  /\b(tested|designed) with partners\b|\bwith (patients and partners|partner attendance)\b/i,
  /\b(schemes|compared) with partners\b|\bpartner sites\b|\bpartners? must use\b/i,
  /\bother organisations that use\b|\bused in (the ICS|the integrated care system|designing)\b/i,
  /\bconfirmation (of use|from the (other|adopting))\b|\bpartner confirmation\b|\bshowing other organisations\b/i,
];
const dependsOnOthers = (e: FrameworkElement) =>
  DEPENDS_ON_OTHERS.some((p) => p.test(`${e.text} ${e.guidance} ${e.evidence}`));
const levelFiveDependingOnOthers = (f: FrameworkVersion) =>
  f.domains
    .flatMap((d) => d.levels.filter((l) => l.level === 5).flatMap((l) => l.elements))
    .filter(dependsOnOthers)
    .map((e) => e.id);

/** The 2026.1 level 5 elements that depended on other organisations and were rewritten or dropped. */
const FIXED_2026_OFFENDERS = [
  'wl-digital-strategy-5a',
  'wl-digital-strategy-5b',
  'wl-clinical-leadership-5b',
  'wl-investment-benefits-5a',
  'wl-digital-governance-5a',
  'wl-digital-governance-5b',
  'wl-data-driven-board-5b',
  'sf-digital-service-5a',
  'sf-infrastructure-5a',
  'sf-infrastructure-5b',
  'sf-mobile-connectivity-5a',
  'sf-mobile-connectivity-5b',
  'sf-epr-5b',
  'sf-ambulance-systems-5a',
  'sf-interoperability-5a',
  'sf-data-platform-5b',
  'sp-data-protection-5b',
  'sp-cyber-security-5b',
  'sp-business-continuity-5a',
  'sp-business-continuity-5b',
  'sp-supplier-assurance-5a',
  'sp-supplier-assurance-5b',
  'sp-control-room-resilience-5a',
  'pe-workforce-skills-5a',
  'pe-staff-experience-5a',
  'pe-staff-experience-5b',
  'pe-user-involvement-5a',
  'ec-digital-front-door-5b',
  'ec-remote-consultation-5b',
  'ec-self-management-5b',
  'ec-digital-inclusion-5a',
  'ec-ambulance-public-5b',
  'ec-patient-involvement-5a',
  'ic-eprescribing-5b',
  'ic-decision-support-5c',
  'ic-remote-monitoring-5a',
  'ic-uec-integration-5b',
  'hp-inequalities-5b',
  'hp-data-quality-5b',
  'hp-prevention-5a',
  'hp-prevention-5b',
];

/** True when a level 2 element of sp-data-protection requires the DSPT standards to be met. */
const dsptLevelTwoRequiresStandardsMet = (f: FrameworkVersion) => {
  const domain = f.domains.find((d) => d.lineage.id === 'sp-data-protection');
  const levelTwo = domain?.levels.find((l) => l.level === 2)?.elements ?? [];
  return levelTwo.some(
    (e) => /\bDSPT\b/.test(e.text) && /reached at least the 'Standards met'/i.test(e.text),
  );
};

describe('WGLL self-assessment 2027 organisation question bank', () => {
  it('passes the framework validator as version 2027.1 of the organisation framework', () => {
    expect(v2027).toMatchObject({
      frameworkId: 'wgll-self-assessment',
      version: '2027.1',
      title: 'WGLL self-assessment 2027 (organisations)',
      publishedOn: '2026-12-01',
      status: 'published',
      level: 'organisation',
      previousVersion: { version: '2026.1' },
    });
    expect(v2027.measures.map((m) => m.id)).toEqual([...MEASURE_IDS]);
  });

  it('has at least five domains per measure', () => {
    const thin = MEASURE_IDS.map((measure) => ({
      measure,
      domains: v2027.domains.filter((d) => d.measure === measure).length,
    })).filter((m) => m.domains < 5);
    expect(thin).toEqual([]);
  });

  it('gives every care setting at least one domain per measure', () => {
    const missing = CARE_SETTINGS.flatMap((setting) =>
      MEASURE_IDS.filter((m) => !v2027.domains.some((d) => d.measure === m && appliesTo(d, setting))).map(
        (m) => `${setting}: ${m}`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('keeps inpatient e-prescribing and medicines administration out of the ambulance return', () => {
    const titles = v2027.domains.filter((d) => appliesTo(d, 'ambulance')).map((d) => d.title);
    expect(titles.filter((t) => /prescribing|medicines administration/i.test(t))).toEqual([]);
  });

  it('has element texts that end with a full stop, are at most 300 characters and are never repeated', () => {
    const elements = elementsOf(v2027);
    expect(elements.filter((e) => !e.text.endsWith('.') || e.text.length > 300).map((e) => e.id)).toEqual([]);
    const seen = new Set<string>();
    const repeated = elements.filter((e) => (seen.has(e.text) ? true : (seen.add(e.text), false)));
    expect(repeated.map((e) => e.id)).toEqual([]);
  });

  it('gives every element guidance and evidence, and level 1 a descriptor and no elements', () => {
    expect(elementsOf(v2027).filter((e) => !e.guidance.trim() || !e.evidence.trim())).toEqual([]);
    const badLevelOne = v2027.domains.filter((d) => {
      const [first] = d.levels;
      return !first || first.level !== 1 || first.elements.length > 0 || !first.descriptor.trim();
    });
    expect(badLevelOne.map((d) => d.id)).toEqual([]);
  });

  describe('lineage against 2026.1', () => {
    it('passes the lineage validator, alone and as a chain', () => {
      expect(validateLineage(v2026, v2027)).toEqual([]);
      expect(validateLineageChain([v2026, v2027])).toEqual([]);
    });

    it('leaves a domain marked same unchanged apart from its lineage', () => {
      const before = new Map(v2026.domains.map((d) => [d.lineage.id, d]));
      const differing = v2027.domains
        .filter((d) => d.lineage.relation === 'same')
        .filter((d) => {
          const then = before.get(d.lineage.id);
          return JSON.stringify({ ...d, lineage: null }) !== JSON.stringify({ ...then, lineage: null });
        });
      expect(differing.map((d) => d.id)).toEqual([]);
    });

    it('keeps an element id of 2026.1 only for an element with the same text', () => {
      const textBefore = new Map(elementsOf(v2026).map((e) => [e.id, e.text]));
      const reused = elementsOf(v2027).filter((e) => textBefore.has(e.id) && textBefore.get(e.id) !== e.text);
      expect(reused.map((e) => e.id)).toEqual([]);
    });
  });

  it('is no larger than 2026.1 for any care setting, in domains or elements', () => {
    const larger = CARE_SETTINGS.filter(
      (s) => elementCount(v2027, s) > elementCount(v2026, s) || domainCount(v2027, s) > domainCount(v2026, s),
    );
    expect(larger).toEqual([]);
    // Every care setting's return got smaller, not only no larger.
    expect(CARE_SETTINGS.filter((s) => elementCount(v2027, s) >= elementCount(v2026, s))).toEqual([]);
  });

  describe('data security and protection', () => {
    it('keeps at level 1 an organisation that does not meet the DSPT standards (a level 2 element requires them)', () => {
      const domain = v2027.domains.find((d) => d.id === 'sp-data-protection')!;
      expect(domain.levels[0]?.descriptor).toMatch(/does not meet its standards/);
      expect(dsptLevelTwoRequiresStandardsMet(v2027)).toBe(true);
    });

    it('would catch the 2026.1 ladder, whose level 2 could be met without meeting the standards', () => {
      expect(dsptLevelTwoRequiresStandardsMet(v2026)).toBe(false);
    });
  });

  describe('level 5 is reachable from the organisation’s own evidence', () => {
    it('has no level 5 element that depends on what other organisations do', () => {
      expect(levelFiveDependingOnOthers(v2027)).toEqual([]);
    });

    it('would catch every 2026.1 level 5 element that was rewritten or dropped for depending on others', () => {
      expect(levelFiveDependingOnOthers(v2026)).toEqual(expect.arrayContaining(FIXED_2026_OFFENDERS));
    });
  });
});
