import {
  appliesTo,
  type CareSetting,
  type FrameworkVersion,
  type LevelNumber,
  MEASURE_IDS,
  type MeasureId,
} from '@wgll/framework';
import { domainLevel } from './domain-level.js';

/** One domain's answer: the elements ticked as met, or "not applicable" where the domain allows it. */
export type DomainAnswer = { notApplicable: true } | { notApplicable?: false; met: ReadonlySet<string> };

export type DomainStatus = 'scored' | 'not-applicable' | 'unanswered';

export interface DomainResult {
  domainId: string;
  measure: MeasureId;
  status: DomainStatus;
  /** Null unless scored. */
  level: LevelNumber | null;
}

export interface MeasureResult {
  measure: MeasureId;
  /** Domains of this measure in the return (for its care setting). */
  domains: number;
  scored: number;
  notApplicable: number;
  /** Domains still to answer: while above zero the measure is incomplete and has no score. */
  missing: number;
  /** Sum of the scored levels: with `scored`, the exact mean. */
  levelSum: number;
  /** Mean of the scored domains' levels; null while incomplete or when every domain is not applicable. */
  score: number | null;
}

export interface ReturnScores {
  domains: DomainResult[];
  measures: MeasureResult[];
  /** Mean of the measures' scores; null while any measure is incomplete. */
  overall: number | null;
  incompleteMeasures: MeasureId[];
}

/**
 * Scores a return: each applicable domain gated, each measure the mean of its scored domains, overall
 * the mean of the measures that have a score. A measure with unanswered domains is incomplete and is
 * never averaged over fewer domains. Pass the care setting for an organisation return, null for a
 * system (ICB) return.
 */
export function scoreReturn(
  framework: FrameworkVersion,
  careSetting: CareSetting | null,
  answers: ReadonlyMap<string, DomainAnswer>,
): ReturnScores {
  const domains: DomainResult[] = [];
  const byMeasure = new Map<MeasureId, MeasureResult>(
    MEASURE_IDS.map((m) => [
      m,
      { measure: m, domains: 0, scored: 0, notApplicable: 0, missing: 0, levelSum: 0, score: null },
    ]),
  );
  for (const domain of framework.domains) {
    if (careSetting !== null && !appliesTo(domain, careSetting)) continue;
    const m = byMeasure.get(domain.measure)!;
    m.domains += 1;
    const answer = answers.get(domain.id);
    if (!answer) {
      m.missing += 1;
      domains.push({ domainId: domain.id, measure: domain.measure, status: 'unanswered', level: null });
    } else if (answer.notApplicable && domain.notApplicableAllowed) {
      m.notApplicable += 1;
      domains.push({ domainId: domain.id, measure: domain.measure, status: 'not-applicable', level: null });
    } else {
      // "Not applicable" where the framework does not allow it scores as nothing met.
      const level = domainLevel(domain, answer.notApplicable ? new Set() : answer.met);
      m.scored += 1;
      m.levelSum += level;
      domains.push({ domainId: domain.id, measure: domain.measure, status: 'scored', level });
    }
  }
  const measures = [...byMeasure.values()];
  for (const m of measures) m.score = m.missing === 0 && m.scored > 0 ? m.levelSum / m.scored : null;
  const incompleteMeasures = measures.filter((m) => m.missing > 0).map((m) => m.measure);
  const scoredMeasures = measures.filter((m) => m.score !== null);
  const overall =
    incompleteMeasures.length === 0 && scoredMeasures.length > 0
      ? scoredMeasures.reduce((sum, m) => sum + m.score!, 0) / scoredMeasures.length
      : null;
  return { domains, measures, overall, incompleteMeasures };
}
