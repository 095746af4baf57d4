import { describe, expect, it } from '@jest/globals';
import { elementsOf, loadQuestionBank, validated } from './question-bank.spec-support.js';
import {
  CONTINUING_RELATIONS,
  type FrameworkDomain,
  type FrameworkVersion,
  MEASURE_IDS,
  type MeasureId,
  validateLineage,
} from './index.js';

const previous = validated(loadQuestionBank('wgll-self-assessment-2026.system.json'));
const system = validated(loadQuestionBank('wgll-self-assessment-2027.system.json'));

const previousDomain = (lineageId: string) => previous.domains.find((d) => d.lineage.id === lineageId);
/** A domain's content, without its lineage (which says "same" now and "new" in 2026.1). */
const withoutLineage = (d: FrameworkDomain) => ({ ...d, lineage: undefined });
const elementIdsByLevel = (d: FrameworkDomain) => d.levels.map((l) => l.elements.map((e) => e.id));

/**
 * The measures of the primary-care survey NHS England's assessment asks ICBs for (the columns of its
 * published ICB primary-care file: well led, smart foundations, support people, empower people,
 * improve care). It has no safe practice or healthy populations.
 */
const PRIMARY_CARE_MEASURES: MeasureId[] = [
  'well-led',
  'smart-foundations',
  'support-people',
  'empower-citizens',
  'improve-care',
];
const isPrimaryCare = (d: FrameworkDomain) => d.id.startsWith('pc-');

/**
 * What the model ICB blueprint (2025) moves from ICBs to providers and national services: running
 * infrastructure (networks, hosting, data centres, service desks) and planning a digital, data and
 * technology (DDaT) workforce. A system domain asks about the ICB, so none may be about these.
 */
const RUN_BY_PROVIDERS =
  /\b(?:infrastructure|service desks?|hosting|data cent(?:re|er)s?|DDaT workforce|digital, data and technology (?:\(DDaT\) )?workforce)\b/i;
const aboutWorkLeavingIcbs = (f: FrameworkVersion) =>
  f.domains
    .filter((d) =>
      [d.title, d.whatGoodLooksLike, ...d.levels.flatMap((l) => l.elements.map((e) => e.text))].some((t) =>
        RUN_BY_PROVIDERS.test(t),
      ),
    )
    .map((d) => d.id);

describe('WGLL self-assessment 2027 question bank, system version', () => {
  it('is version 2027.1 of the system framework, following 2026.1', () => {
    expect(system).toMatchObject({
      frameworkId: 'wgll-self-assessment-system',
      version: '2027.1',
      title: 'WGLL self-assessment 2027 (integrated care systems)',
      publishedOn: '2026-12-01',
      status: 'published',
      level: 'system',
      previousVersion: { version: '2026.1' },
    });
    expect(system.measures.map((m) => m.id)).toEqual([...MEASURE_IDS]);
  });

  it('has at least three domains per measure, all applying to every setting', () => {
    const thin = MEASURE_IDS.filter((m) => system.domains.filter((d) => d.measure === m).length < 3);
    expect(thin).toEqual([]);
    expect(system.domains.filter((d) => d.careSettings !== 'all').map((d) => d.id)).toEqual([]);
  });

  it('keeps to about the size of 2026.1 plus the primary-care domains (at most 250 elements)', () => {
    expect(elementsOf(system).length).toBeLessThanOrEqual(250);
  });

  describe('element texts', () => {
    it('end with a full stop and are at most 300 characters', () => {
      const bad = elementsOf(system)
        .filter((e) => !e.text.endsWith('.') || e.text.length > 300)
        .map((e) => e.id);
      expect(bad).toEqual([]);
    });

    it('are never repeated', () => {
      const seen = new Set<string>();
      const repeated = elementsOf(system)
        .filter((e) => (seen.has(e.text) ? true : (seen.add(e.text), false)))
        .map((e) => e.id);
      expect(repeated).toEqual([]);
    });
  });

  describe('lineage against 2026.1', () => {
    it('passes the lineage validator', () => {
      expect(validateLineage(previous, system)).toEqual([]);
    });

    it('keeps the domain id, lineage id and measure of every continued domain', () => {
      const moved = system.domains
        .filter((d) => CONTINUING_RELATIONS.has(d.lineage.relation))
        .filter((d) => {
          const before = previousDomain(d.lineage.id);
          return d.id !== d.lineage.id || before?.id !== d.id || before.measure !== d.measure;
        })
        .map((d) => d.id);
      expect(moved).toEqual([]);
    });

    it('repeats a "same" domain exactly, and keeps every element id of a "reworded" one at its level', () => {
      const differ = system.domains
        .filter((d) => d.lineage.relation === 'same')
        .filter(
          (d) => JSON.stringify(withoutLineage(d)) !== JSON.stringify(withoutLineage(previousDomain(d.id)!)),
        )
        .map((d) => d.id);
      const reladdered = system.domains
        .filter((d) => d.lineage.relation === 'reworded')
        .filter(
          (d) =>
            JSON.stringify(elementIdsByLevel(d)) !==
            JSON.stringify(elementIdsByLevel(previousDomain(d.lineage.id)!)),
        )
        .map((d) => d.id);
      expect({ differ, reladdered }).toEqual({ differ: [], reladdered: [] });
    });

    it("reuses a 2026.1 element id only in the domain continuing that element's lineage, at the same level", () => {
      const before = new Map(
        previous.domains.flatMap((d) =>
          d.levels.flatMap((l) => l.elements.map((e) => [e.id, `${d.lineage.id} ${l.level}`] as const)),
        ),
      );
      const misplaced = system.domains.flatMap((d) =>
        d.levels.flatMap((l) =>
          l.elements
            .filter((e) => before.has(e.id))
            .filter(
              (e) =>
                !CONTINUING_RELATIONS.has(d.lineage.relation) ||
                before.get(e.id) !== `${d.lineage.id} ${l.level}`,
            )
            .map((e) => e.id),
        ),
      );
      expect(misplaced).toEqual([]);
    });
  });

  describe('primary care', () => {
    it('has a primary-care domain in each of the five primary-care measures, and none elsewhere', () => {
      const pc = system.domains.filter(isPrimaryCare);
      expect(PRIMARY_CARE_MEASURES.filter((m) => !pc.some((d) => d.measure === m))).toEqual([]);
      expect(pc.filter((d) => !PRIMARY_CARE_MEASURES.includes(d.measure)).map((d) => d.id)).toEqual([]);
    });

    it('titles every primary-care domain "Primary care: …" and gives it a new lineage', () => {
      const bad = system.domains
        .filter(isPrimaryCare)
        .filter((d) => !d.title.startsWith('Primary care: ') || d.lineage.relation !== 'new')
        .map((d) => d.id);
      expect(bad).toEqual([]);
      expect(system.domains.filter((d) => !isPrimaryCare(d) && d.title.startsWith('Primary care'))).toEqual(
        [],
      );
    });
  });

  describe('the ICB as strategic commissioner (model ICB blueprint)', () => {
    it('asks nothing about running infrastructure or a DDaT workforce, which 2026.1 did', () => {
      expect(aboutWorkLeavingIcbs(previous)).toEqual([
        'sf-shared-infrastructure',
        'pe-system-ddat-workforce',
      ]);
      expect(aboutWorkLeavingIcbs(system)).toEqual([]);
    });
  });
});
