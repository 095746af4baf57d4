import type { ImprovementPlan, LevelNumber, MeasureId, ReturnDetail } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';

import { careSettingLabels, readableName } from '../../lib/format';

/** "Guy's and St Thomas' NHS Foundation Trust (RJ1) · Acute · 2026/27". */
export function planCaption(detail: ReturnDetail): string {
  const scope = detail.careSetting ? careSettingLabels[detail.careSetting] : 'System';
  return `${readableName(detail.owner.name)} (${detail.owner.code}) · ${scope} return · ${detail.cycle.name}`;
}

/** The title of a domain of the framework, or its id when the framework does not have it. */
export function domainTitle(framework: FrameworkVersion, domainId: string): string {
  return framework.domains.find((domain) => domain.id === domainId)?.title ?? domainId;
}

export interface MeasureDomains {
  measure: MeasureId;
  name: string;
  domains: { id: string; title: string; today: LevelNumber | null; status: string }[];
}

/** The return's domains, measure by measure, with today's level of each. */
export function measureDomains(detail: ReturnDetail, framework: FrameworkVersion): MeasureDomains[] {
  return detail.measures.map((measure) => ({
    measure: measure.measure,
    name: measure.name,
    domains: detail.scores.domains
      .filter((score) => score.measure === measure.measure)
      .map((score) => ({
        id: score.domainId,
        title: domainTitle(framework, score.domainId),
        today: (score.level as LevelNumber | null) ?? null,
        status: score.status,
      })),
  }));
}

/** A measure's name, from the return. */
export function measureName(detail: Pick<ReturnDetail, 'measures'>, measure: MeasureId): string {
  return detail.measures.find((item) => item.measure === measure)?.name ?? measure;
}

/** How many domains have a target and how many actions there are, in words. */
export function planCounts(plan: Pick<ImprovementPlan, 'targets' | 'actions'>): string {
  const targets = plan.targets.length;
  const actions = plan.actions.length;
  return `${targets === 1 ? '1 domain has a target' : `${targets} domains have targets`} and there ${
    actions === 1 ? 'is 1 action' : `are ${actions} actions`
  }`;
}

/** What every plan page shows: the return, its framework version and the plan. */
export interface PlanData {
  detail: ReturnDetail;
  framework: FrameworkVersion;
  plan: ImprovementPlan;
}
