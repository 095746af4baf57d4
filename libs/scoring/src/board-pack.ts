import type { FrameworkDomain, LevelNumber, MeasureId } from '@wgll/framework';
import { MEASURE_IDS } from '@wgll/framework';
import { whatNextLevelNeeds } from './domain-level.js';

/** What a board pack reads of one domain's answer. */
export interface PackAnswer {
  domainId: string;
  met: readonly string[];
  notApplicable: boolean;
  /** Null or absent: not given. */
  confidence?: 'low' | 'medium' | 'high' | null;
  comment?: string;
}

/** One domain with the most to do: its level today and the texts of what the next level needs. */
export interface DomainGapSummary {
  domainId: string;
  title: string;
  measure: MeasureId;
  level: LevelNumber;
  nextLevel: LevelNumber;
  /** The unmet elements of the next level, as their texts (each one blocks it). */
  needed: string[];
  /** The plan's target for the domain, when it sets one. */
  target: LevelNumber | null;
}

/**
 * The biggest gaps of a return, for a board: its answered, applicable domains below level 5, lowest
 * level first; at the same level the domain furthest from its plan target (else the one needing the
 * fewest elements to move up, the quickest win), then in measure and framework order. At most `limit`.
 */
export function biggestGaps(
  domains: readonly FrameworkDomain[],
  answers: readonly PackAnswer[],
  targets: ReadonlyMap<string, LevelNumber> = new Map(),
  limit = 6,
): DomainGapSummary[] {
  const byId = new Map(answers.map((a) => [a.domainId, a]));
  const order = new Map(domains.map((d, i) => [d.id, i]));
  const gaps: DomainGapSummary[] = [];
  for (const domain of domains) {
    const answer = byId.get(domain.id);
    if (!answer || answer.notApplicable) continue;
    const needs = whatNextLevelNeeds(domain, new Set(answer.met));
    if (needs.nextLevel === null) continue;
    gaps.push({
      domainId: domain.id,
      title: domain.title,
      measure: domain.measure,
      level: needs.currentLevel,
      nextLevel: needs.nextLevel,
      needed: needs.needed.map((e) => e.text),
      target: targets.get(domain.id) ?? null,
    });
  }
  const distance = (g: DomainGapSummary) => (g.target ?? g.nextLevel) - g.level;
  return gaps
    .sort(
      (a, b) =>
        a.level - b.level ||
        distance(b) - distance(a) ||
        a.needed.length - b.needed.length ||
        MEASURE_IDS.indexOf(a.measure) - MEASURE_IDS.indexOf(b.measure) ||
        order.get(a.domainId)! - order.get(b.domainId)!,
    )
    .slice(0, Math.max(0, limit));
}

/** The answers given with low confidence, in framework order (domains the return does not hold left out). */
export function lowConfidenceAnswers<A extends PackAnswer>(
  domains: readonly FrameworkDomain[],
  answers: readonly A[],
): Array<{ domain: FrameworkDomain; answer: A }> {
  const byId = new Map(answers.map((a) => [a.domainId, a]));
  return domains.flatMap((domain) => {
    const answer = byId.get(domain.id);
    return answer && answer.confidence === 'low' ? [{ domain, answer }] : [];
  });
}
