import {
  CARE_SETTINGS,
  type CareSetting,
  type FrameworkDomain,
  type FrameworkVersion,
  type LevelNumber,
  MEASURE_IDS,
  type MeasureId,
} from '../framework.types.js';

/**
 * A domain with `elementsPerLevel[i]` elements at level i + 2, ids `${id}-l${level}-e${n}`.
 * Test fixtures (`@wgll/framework/testing`): for tests and benchmarks, not for product code.
 */
export function syntheticDomain(
  id: string,
  measure: MeasureId,
  elementsPerLevel: readonly [number, number, number, number] = [2, 3, 3, 2],
  options: Partial<Pick<FrameworkDomain, 'careSettings' | 'notApplicableAllowed'>> = {},
): FrameworkDomain {
  return {
    id,
    measure,
    title: `Domain ${id}`,
    whatGoodLooksLike: 'Good things happen.',
    careSettings: options.careSettings ?? 'all',
    notApplicableAllowed: options.notApplicableAllowed ?? false,
    lineage: { id, relation: 'new' },
    levels: ([1, 2, 3, 4, 5] as LevelNumber[]).map((level) => ({
      level,
      descriptor: `Level ${level}`,
      elements:
        level === 1
          ? []
          : Array.from({ length: elementsPerLevel[level - 2]! }, (_, n) => ({
              id: `${id}-l${level}-e${n + 1}`,
              text: `Element ${n + 1} of level ${level}.`,
              guidance: 'Guidance.',
              evidence: 'Evidence.',
            })),
    })),
  };
}

/**
 * A valid framework with `domainsPerMeasure` domains for every measure, ids `${measure}-${n}`, each
 * applying to every care setting (listed, or as "all").
 */
export function syntheticFramework(
  domainsPerMeasure: number,
  careSettings: CareSetting[] | 'all' = [...CARE_SETTINGS],
): FrameworkVersion {
  return {
    frameworkId: 'synthetic',
    version: '1',
    title: 'Synthetic framework',
    publishedOn: '2026-04-01',
    status: 'published',
    level: 'organisation',
    scale: { min: 1, max: 5 },
    measures: MEASURE_IDS.map((id) => ({ id, name: id })),
    domains: MEASURE_IDS.flatMap((m) =>
      Array.from({ length: domainsPerMeasure }, (_, i) =>
        syntheticDomain(`${m}-${i + 1}`, m, [2, 3, 3, 2], { careSettings }),
      ),
    ),
  };
}
