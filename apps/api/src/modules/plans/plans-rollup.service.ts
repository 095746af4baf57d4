import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ActionOutline,
  CommonGap,
  IcsPlans,
  OrganisationPlanSummary,
  RegionPlans,
  ResultCycle,
} from '@wgll/contracts';
import {
  commonGaps,
  type GapSource,
  keyedScores,
  projectScores,
  scoreReturn,
  targetScores,
} from '@wgll/scoring';
import { DataSource, In } from 'typeorm';
import { NotFoundApiException } from '../../common/api-exception.js';
import { todayInLondon } from '../../common/iso-date.js';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { type AssessedOrganisation, HierarchyRepository } from '../organisations/hierarchy.repository.js';
import { DEFAULT_THRESHOLD, ResultsService } from '../results/results.service.js';
import { ImprovementPlanEntity } from './entities/improvement-plan.entity.js';
import { PlanActionEntity } from './entities/plan-action.entity.js';
import { PlanApprovalEntity } from './entities/plan-approval.entity.js';

/** One sealed return of an area with its plan, summarised; `gaps` feeds the common gaps. */
interface Summarised {
  icsCode: string;
  summary: OrganisationPlanSummary;
  hasPlan: boolean;
  gaps: GapSource;
}

/**
 * The roll-up of improvement plans to an ICS and a region (issue 17): sealed trust returns of the
 * cycle only (drafts never show), their plans as they stand (the living plan, not an approved
 * snapshot), and no free text — action titles, states and dates, and counts.
 */
@Injectable()
export class PlansRollupService {
  constructor(
    private readonly results: ResultsService,
    private readonly hierarchy: HierarchyRepository,
    private readonly assessments: AssessmentsReader,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The cycle asked for, else the one the results routes show by default (the newest with results). */
  cycle(id?: string): Promise<ResultCycle> {
    return this.results.cycle(id);
  }

  async ics(code: string, cycle: ResultCycle): Promise<IcsPlans> {
    const ics = await this.hierarchy.icsOn(code, cycle.referenceDate);
    if (!ics) throw new NotFoundApiException('ICS_NOT_FOUND', `There is no ICS ${code}.`);
    const organisations = await this.hierarchy.organisationsAssessedIn({ ics: code }, cycle.referenceDate);
    const summaries = await this.summarise(cycle, organisations);
    return {
      ics: { code: ics.odsCode, name: ics.name },
      cycle: { id: cycle.id, name: cycle.name },
      organisations: summaries.map((s) => s.summary),
      commonGaps: commonGaps(summaries.map((s) => s.gaps)) satisfies CommonGap[],
    };
  }

  async region(code: string, cycle: ResultCycle, threshold = DEFAULT_THRESHOLD): Promise<RegionPlans> {
    const region = await this.hierarchy.region(code);
    if (!region) throw new NotFoundApiException('REGION_NOT_FOUND', `There is no region ${code}.`);
    const [icbs, organisations] = await Promise.all([
      this.hierarchy.icbsIn({ region: code }, cycle.referenceDate),
      this.hierarchy.organisationsAssessedIn({ region: code }, cycle.referenceDate),
    ]);
    const summaries = await this.summarise(cycle, organisations);
    const icsNames = new Map(icbs.map((i) => [i.odsCode, i.name]));
    for (const o of organisations) if (!icsNames.has(o.icsCode)) icsNames.set(o.icsCode, o.icsName);
    const groups = [...icsNames.entries()]
      .map(([icsCode, name]) => {
        const own = summaries.filter((s) => s.icsCode === icsCode);
        const actions = { total: 0, done: 0, overdue: 0, blocked: 0 };
        for (const s of own) {
          actions.total += s.summary.actions.total;
          actions.done += s.summary.actions.done;
          actions.overdue += s.summary.actions.overdue;
          actions.blocked += s.summary.actions.blocked;
        }
        return {
          ics: { code: icsCode, name },
          organisations: new Set(own.map((s) => s.summary.organisation.code)).size,
          withPlan: new Set(own.filter((s) => s.hasPlan).map((s) => s.summary.organisation.code)).size,
          actions,
          commonGaps: commonGaps(own.map((s) => s.gaps)),
        };
      })
      .sort((a, b) => a.ics.name.localeCompare(b.ics.name) || a.ics.code.localeCompare(b.ics.code));
    const notReaching = summaries
      .filter((s) => s.summary.overallProjected !== null && s.summary.overallProjected < threshold)
      .sort(
        (a, b) =>
          a.summary.overallProjected! - b.summary.overallProjected! ||
          a.summary.organisation.name.localeCompare(b.summary.organisation.name),
      )
      .map(({ icsCode, summary }) => ({
        organisation: summary.organisation,
        ics: { code: icsCode, name: icsNames.get(icsCode) ?? icsCode },
        careSetting: summary.careSetting,
        overallToday: summary.overallToday,
        overallProjected: summary.overallProjected,
        targetDate: summary.targetDate,
      }));
    return {
      region: { code: region.odsCode, name: region.name },
      cycle: { id: cycle.id, name: cycle.name },
      threshold,
      groups,
      notReaching,
    };
  }

  /** Each sealed return of these organisations in the cycle, with its plan, by organisation name. */
  private async summarise(cycle: ResultCycle, organisations: AssessedOrganisation[]): Promise<Summarised[]> {
    const byCode = new Map(organisations.map((o) => [o.odsCode, o]));
    const sealed = await this.assessments.sealedAnswersIn(cycle.id, [...byCode.keys()]);
    if (sealed.length === 0) return [];
    const plans = await this.dataSource
      .getRepository(ImprovementPlanEntity)
      .find({ where: { returnId: In(sealed.map((s) => s.returnId)) } });
    const planIds = plans.map((p) => p.id);
    const [actions, approvals] = planIds.length
      ? await Promise.all([
          this.dataSource.getRepository(PlanActionEntity).find({
            select: {
              id: true,
              planId: true,
              domainId: true,
              elementIds: true,
              title: true,
              state: true,
              dueDate: true,
            },
            where: { planId: In(planIds) },
          }),
          this.dataSource
            .getRepository(PlanApprovalEntity)
            .find({ select: { id: true, planId: true }, where: { planId: In(planIds) } }),
        ])
      : [[], []];
    const planOf = new Map(plans.map((p) => [p.returnId, p]));
    const approved = new Set(approvals.map((a) => a.planId));
    const today = todayInLondon();
    const out: Summarised[] = [];
    for (const r of sealed) {
      const organisation = byCode.get(r.organisationCode)!;
      const { framework, answers } = r;
      const plan = planOf.get(r.returnId);
      const own = plan ? actions.filter((a) => a.planId === plan.id) : [];
      const targets = plan?.targets ?? [];
      const todayScores = keyedScores(scoreReturn(framework, r.careSetting, answers));
      const projected = projectScores(framework, r.careSetting, answers, own, plan?.targetDate ?? null);
      const target = targetScores(framework, r.careSetting, answers, targets);
      const outlines: ActionOutline[] = own
        .map((a) => ({ title: a.title, domainId: a.domainId, state: a.state, dueDate: a.dueDate }))
        .sort(
          (a, b) =>
            (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
            a.title.localeCompare(b.title),
        );
      out.push({
        icsCode: organisation.icsCode,
        hasPlan: plan !== undefined && (plan.version > 0 || own.length > 0),
        summary: {
          organisation: { code: organisation.odsCode, name: organisation.name },
          careSetting: r.careSetting,
          returnId: r.returnId,
          overallToday: todayScores.overall,
          overallProjected: projected.overall,
          overallTarget: target.overall,
          targetDate: plan?.targetDate ?? null,
          targets: targets.map((t) => ({
            domainId: t.domainId,
            current: todayScores.domains[t.domainId] ?? null,
            target: t.level,
          })),
          actions: {
            total: own.length,
            done: own.filter((a) => a.state === 'done').length,
            overdue: own.filter((a) => a.state !== 'done' && a.dueDate !== null && a.dueDate < today).length,
            blocked: own.filter((a) => a.state === 'blocked').length,
          },
          outlines,
          approved: plan !== undefined && approved.has(plan.id),
        },
        gaps: {
          organisation: r.organisationCode,
          framework,
          careSetting: r.careSetting,
          answers,
          targets,
          actions: own,
        },
      });
    }
    return out.sort(
      (a, b) =>
        a.summary.organisation.name.localeCompare(b.summary.organisation.name) ||
        a.summary.careSetting.localeCompare(b.summary.careSetting),
    );
  }
}
