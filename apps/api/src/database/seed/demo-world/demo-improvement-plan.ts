import type { ActionFunding, ActionState, CreateActionRequest, DomainTarget } from '@wgll/contracts';
import type { FrameworkDomain, LevelNumber } from '@wgll/framework';
import { domainLevel, planGap } from '@wgll/scoring';
import { addDays, daysBetween } from '../../../common/iso-date.js';

/** The trust whose sealed return gets a demo improvement plan: Guy's and St Thomas'. */
export const DEMO_PLAN_TRUST = 'RJ1';
export const DEMO_PLAN_CARE_SETTING = 'acute';

/** How many domain targets the demo plan sets (fewer when the return has fewer domains to raise). */
const TARGETS = 8;

/** One domain of the return as answered: the elements met, or not applicable. */
export interface DemoPlanAnswer {
  domainId: string;
  met: readonly string[];
  notApplicable: boolean;
}

export interface DemoImprovementPlan {
  targetDate: string;
  targets: DomainTarget[];
  actions: CreateActionRequest[];
}

const FUNDING: (ActionFunding | null)[] = ['revenue', 'capital', 'national-programme', 'none-needed', null];

/**
 * A demo plan from a sealed return's real gaps: the target date is the next cycle's reference date
 * (a year after this one's); the domains raised are those closest to their next level (fewest unmet
 * elements), taken in turn from each measure, each targeted one level up; one action per unmet
 * element of the gap, prefilled from the element as the product proposes it (text as title, guidance
 * as description, evidence as expected benefit), owned in turn by `owners`. States are mixed: the
 * first two done (due in the past), the third in progress and overdue, the fourth blocked with a
 * reason, the rest in progress or not started, due between next month and the target date.
 * Deterministic: the same return, date and owners give the same plan.
 */
export function demoImprovementPlan(
  domains: readonly FrameworkDomain[],
  answers: readonly DemoPlanAnswer[],
  referenceDate: string,
  today: string,
  owners: readonly string[],
): DemoImprovementPlan {
  const targetDate = `${Number(referenceDate.slice(0, 4)) + 1}${referenceDate.slice(4)}`;
  const byDomain = new Map(answers.map((a) => [a.domainId, a]));
  const candidates = domains.flatMap((domain, order) => {
    const answer = byDomain.get(domain.id);
    if (!answer || (answer.notApplicable && domain.notApplicableAllowed)) return [];
    const met = new Set(answer.notApplicable ? [] : answer.met);
    const level = domainLevel(domain, met);
    if (level === 5) return [];
    const target = (level + 1) as LevelNumber;
    return [{ domain, order, target, gap: planGap(domain, met, target) }];
  });
  // Fewest unmet elements first within each measure; then a domain of each measure in turn.
  const byMeasure = new Map<string, typeof candidates>();
  for (const c of [...candidates].sort((a, b) => a.gap.length - b.gap.length || a.order - b.order))
    byMeasure.set(c.domain.measure, [...(byMeasure.get(c.domain.measure) ?? []), c]);
  const chosen: typeof candidates = [];
  for (let round = 0; chosen.length < TARGETS && chosen.length < candidates.length; round += 1)
    for (const list of byMeasure.values())
      if (list[round] && chosen.length < TARGETS) chosen.push(list[round]!);
  chosen.sort((a, b) => a.order - b.order);

  const elements = chosen.flatMap((c) => c.gap.map((g) => ({ domainId: c.domain.id, element: g.element })));
  const later = elements.length - 4;
  const span = Math.max(0, daysBetween(today, targetDate) - 30);
  const actions = elements.map(({ domainId, element }, i): CreateActionRequest => {
    let state: ActionState;
    let dueDate: string;
    if (i < 2) {
      state = 'done';
      dueDate = addDays(today, -60 + 30 * i);
    } else if (i === 2) {
      state = 'in-progress';
      dueDate = addDays(today, -14);
    } else if (i === 3) {
      state = 'blocked';
      dueDate = addDays(today, 45);
    } else {
      state = i % 2 === 0 ? 'in-progress' : 'not-started';
      // Spread evenly from a month ahead to the target date.
      dueDate = addDays(today, 30 + Math.round((span * (i - 3)) / Math.max(later, 1)));
    }
    return {
      domainId,
      elementIds: [element.id],
      title: element.text,
      description: element.guidance,
      ownerId: owners.length > 0 ? owners[i % owners.length]! : null,
      dueDate: dueDate > targetDate ? targetDate : dueDate,
      state,
      blockedReason:
        state === 'blocked'
          ? 'Waiting for the national programme to confirm the funding for this year.'
          : null,
      funding: state === 'blocked' ? 'national-programme' : FUNDING[i % FUNDING.length]!,
      expectedBenefit: element.evidence,
      evidenceIds: [],
    };
  });
  return {
    targetDate,
    targets: chosen.map((c) => ({ domainId: c.domain.id, level: c.target })),
    actions,
  };
}
