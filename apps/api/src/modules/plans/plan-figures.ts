import type { DomainTarget, ImprovementPlan, LevelNumber, PlanScores, ProposedAction } from '@wgll/contracts';
import { appliesTo, type CareSetting, type FrameworkDomain, type FrameworkVersion } from '@wgll/framework';
import {
  type DomainAnswer,
  isAnswered,
  keyedScores,
  planGap,
  projectScores,
  scoreReturn,
  targetScores,
} from '@wgll/scoring';

/** What the figures need of a return: its framework, care setting and answers. */
export interface ReturnFacts {
  framework: FrameworkVersion;
  careSetting: CareSetting | null;
  answers: readonly { domainId: string; met: readonly string[]; notApplicable: boolean; noneMet: boolean }[];
}

/** What the figures need of an action. */
export interface ActionFacts {
  id: string;
  domainId: string;
  elementIds: readonly string[];
  dueDate: string | null;
  state: string;
}

export function domainsOf(ret: Pick<ReturnFacts, 'framework' | 'careSetting'>): FrameworkDomain[] {
  return ret.careSetting === null
    ? ret.framework.domains
    : ret.framework.domains.filter((d) => appliesTo(d, ret.careSetting!));
}

/** The answers as scoring reads them: only answered domains (ticked, not applicable, or none met). */
export function scoringAnswers(ret: ReturnFacts): Map<string, DomainAnswer> {
  return new Map(
    ret.answers
      .filter((a) => isAnswered(a))
      .map((a): [string, DomainAnswer] => [
        a.domainId,
        a.notApplicable ? { notApplicable: true } : { met: new Set(a.met) },
      ]),
  );
}

/** Each applicable domain's level today (null: unanswered or not applicable). */
export function levelsToday(ret: ReturnFacts): Map<string, LevelNumber | null> {
  const scored = scoreReturn(ret.framework, ret.careSetting, scoringAnswers(ret));
  return new Map(scored.domains.map((d) => [d.domainId, d.level]));
}

/**
 * Proposals, the three sets of scores and the elements done but not ticked, as GET plan shows them.
 * `earlierDone`: the done actions of the previous cycle's plan (their elements may be in this return).
 */
export function planFigures(
  ret: ReturnFacts,
  plan: { targets: readonly DomainTarget[]; targetDate: string | null },
  actions: readonly ActionFacts[],
  earlierDone: readonly ActionFacts[],
): Pick<ImprovementPlan, 'proposals' | 'scores' | 'doneNotTicked'> {
  const answers = scoringAnswers(ret);
  const domains = domainsOf(ret);
  const byId = new Map(domains.map((d) => [d.id, d]));
  const covered = new Set(actions.flatMap((a) => a.elementIds));
  const proposals: ProposedAction[] = [];
  for (const target of plan.targets) {
    const domain = byId.get(target.domainId);
    const answer = answers.get(target.domainId);
    if (!domain || (answer?.notApplicable && domain.notApplicableAllowed)) continue;
    const met = answer && !answer.notApplicable ? answer.met : new Set<string>();
    for (const gap of planGap(domain, met, target.level)) {
      if (covered.has(gap.element.id)) continue;
      proposals.push({
        domainId: domain.id,
        elementId: gap.element.id,
        level: gap.level,
        title: gap.element.text,
        description: gap.element.guidance,
        evidenceHint: gap.element.evidence,
      });
    }
  }
  const scores = {
    today: keyed(scoreReturn(ret.framework, ret.careSetting, answers)),
    projected: keyed(projectScores(ret.framework, ret.careSetting, answers, actions, plan.targetDate)),
    target: keyed(targetScores(ret.framework, ret.careSetting, answers, plan.targets)),
  };
  const domainOfElement = new Map(
    domains.flatMap((d) => d.levels.flatMap((l) => l.elements.map((e) => [e.id, d.id] as const))),
  );
  const doneNotTicked: ImprovementPlan['doneNotTicked'] = [];
  const flagged = new Set<string>();
  for (const action of [...actions, ...earlierDone]) {
    if (action.state !== 'done') continue;
    for (const elementId of action.elementIds) {
      const domainId = domainOfElement.get(elementId);
      if (!domainId || flagged.has(elementId)) continue;
      const answer = answers.get(domainId);
      if (answer && !answer.notApplicable && answer.met.has(elementId)) continue;
      if (answer?.notApplicable && byId.get(domainId)?.notApplicableAllowed) continue;
      flagged.add(elementId);
      doneNotTicked.push({ domainId, elementId, actionId: action.id });
    }
  }
  return { proposals, scores, doneNotTicked };
}

function keyed(scores: Parameters<typeof keyedScores>[0]): PlanScores {
  return keyedScores(scores);
}
