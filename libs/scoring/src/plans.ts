import type {
  CareSetting,
  FrameworkDomain,
  FrameworkElement,
  FrameworkVersion,
  LevelNumber,
  MeasureId,
} from '@wgll/framework';
import { domainLevel, type MetElements } from './domain-level.js';
import { type DomainAnswer, type ReturnScores, scoreReturn } from './return-scores.js';

/** One unmet element standing between a domain's level today and its target. */
export interface GapElement {
  domainId: string;
  /** The level the element belongs to. */
  level: LevelNumber;
  element: FrameworkElement;
}

/**
 * The unmet elements of the levels above today's gated level, up to and including the target level,
 * in level then framework order. Elements of levels at or below today's level are all met by
 * definition of gated scoring; elements above the target are not part of the gap. Empty when the
 * target is not above today's level.
 */
export function planGap(domain: FrameworkDomain, met: MetElements, targetLevel: LevelNumber): GapElement[] {
  const today = domainLevel(domain, met);
  return domain.levels
    .filter((l) => l.level > today && l.level <= targetLevel)
    .flatMap((l) =>
      l.elements
        .filter((e) => !met.has(e.id))
        .map((element) => ({ domainId: domain.id, level: l.level, element })),
    );
}

/** What projection needs of an action: the elements it meets once done, and when it is due. */
export interface ProjectableAction {
  elementIds: readonly string[];
  /** YYYY-MM-DD, or null for undated. */
  dueDate: string | null;
}

/** Actions due by a date (YYYY-MM-DD), undated ones included; every action when `byDate` is null. */
export function actionsDueBy<A extends ProjectableAction>(actions: readonly A[], byDate: string | null): A[] {
  return byDate === null ? [...actions] : actions.filter((a) => a.dueDate === null || a.dueDate <= byDate);
}

/**
 * The answers with extra elements met. Unanswered domains stay unanswered (a plan cannot answer a
 * question nobody has answered) and domains marked not applicable, where allowed, stay so; a domain
 * marked not applicable where it is not allowed scores as nothing met, plus the extra elements.
 * Element ids are unique within a framework version, so each lands in its own domain.
 */
function withMet(
  framework: FrameworkVersion,
  answers: ReadonlyMap<string, DomainAnswer>,
  extra: ReadonlySet<string>,
): Map<string, DomainAnswer> {
  const result = new Map(answers);
  if (extra.size === 0) return result;
  for (const domain of framework.domains) {
    const answer = answers.get(domain.id);
    if (!answer) continue;
    if (answer.notApplicable && domain.notApplicableAllowed) continue;
    const ids = domain.levels.flatMap((l) => l.elements.map((e) => e.id)).filter((id) => extra.has(id));
    if (ids.length === 0) continue;
    const met = new Set(answer.notApplicable ? [] : answer.met);
    for (const id of ids) met.add(id);
    result.set(domain.id, { met });
  }
  return result;
}

/**
 * The scores the return would reach if every action due by `byDate` (undated ones included; all
 * when `byDate` is null) were done, that is if all their elements were met.
 */
export function projectScores(
  framework: FrameworkVersion,
  careSetting: CareSetting | null,
  answers: ReadonlyMap<string, DomainAnswer>,
  actions: readonly ProjectableAction[],
  byDate: string | null,
): ReturnScores {
  const extra = new Set(actionsDueBy(actions, byDate).flatMap((a) => a.elementIds));
  return scoreReturn(framework, careSetting, withMet(framework, answers, extra));
}

/** A target level for one domain. */
export interface DomainTargetLevel {
  domainId: string;
  level: LevelNumber;
}

/**
 * The scores if every target were reached: each targeted domain has every element of the levels up
 * to its target met (so it is at least at its target; more where elements above were already met).
 * Domains without a target keep today's answers.
 */
export function targetScores(
  framework: FrameworkVersion,
  careSetting: CareSetting | null,
  answers: ReadonlyMap<string, DomainAnswer>,
  targets: readonly DomainTargetLevel[],
): ReturnScores {
  const byDomain = new Map(framework.domains.map((d) => [d.id, d]));
  const extra = new Set<string>();
  for (const t of targets) {
    const domain = byDomain.get(t.domainId);
    if (!domain) continue;
    for (const l of domain.levels) if (l.level <= t.level) for (const e of l.elements) extra.add(e.id);
  }
  return scoreReturn(framework, careSetting, withMet(framework, answers, extra));
}

/** Scores keyed as the plans contract shows them (PlanScores): levels per domain, score per measure. */
export interface KeyedScores {
  domains: Record<string, LevelNumber | null>;
  measures: Record<MeasureId, number | null>;
  overall: number | null;
}

export function keyedScores(scores: ReturnScores): KeyedScores {
  return {
    domains: Object.fromEntries(scores.domains.map((d) => [d.domainId, d.level])),
    measures: Object.fromEntries(scores.measures.map((m) => [m.measure, m.score])) as Record<
      MeasureId,
      number | null
    >,
    overall: scores.overall,
  };
}
