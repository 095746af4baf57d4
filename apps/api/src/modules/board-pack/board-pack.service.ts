import { Inject, Injectable } from '@nestjs/common';
import type {
  ActionState,
  ApprovedPlan,
  CareSetting,
  Distribution,
  MeasureId,
  PlanApprovalRecord,
  ReadableReturn,
  ReturnState,
  TrustTrends,
} from '@wgll/contracts';
import { type LevelNumber, MEASURE_IDS } from '@wgll/framework';
import { biggestGaps, lowConfidenceAnswers, type PackAnswer, readableName } from '@wgll/scoring';
import { APP_CONFIG } from '../../app.tokens.js';
import { fileSlug } from '../../common/file-slug.js';
import type { AppConfig } from '../../config/app-config.js';
import { PolicyService } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import { ReturnExportService } from '../assessments/return-export.service.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { PlansService } from '../plans/plans.service.js';
import { ResultsService } from '../results/results.service.js';
import { TrendsService } from '../results/trends.service.js';
import type { BoardPackContent, PackMeasure, PackPerson, Withheld } from './board-pack-content.js';

const SETTING_LABELS: Record<CareSetting, string> = {
  acute: 'Acute',
  community: 'Community',
  'mental-health': 'Mental health',
  ambulance: 'Ambulance',
};

const STATE_LABELS: Record<ReturnState, string> = {
  draft: 'Draft',
  'awaiting-approval': 'Awaiting board approval',
  approved: 'Approved by the board, not yet submitted',
  submitted: 'Submitted and sealed',
};

const ACTION_STATES: Record<ActionState, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  blocked: 'Blocked',
};

/** How many domains the "biggest gaps" section lists. */
const GAPS_SHOWN = 6;

/** A return's answer as a pack reads it. */
type PackSourceAnswer = PackAnswer & { comment: string; evidenceIds: readonly string[] };

/** The plan a pack prints: as it stands (draft) or as the board approved it with the revision (final). */
interface PackPlan {
  plan: ApprovedPlan['plan'];
  approvals: PackPerson[];
  /** The meeting at which the board approved it with the return; null for the plan as it stands. */
  approvedOn: string | null;
}

/**
 * Gathers what a board pack prints: the return as people read it (live for a draft, its sealed copy
 * for a final pack, exactly as the readable return and the workbook of the same revision), its
 * results against its ICS and England, its trend, plan, comments, evidence and approvals. Every
 * figure comes from the module that owns it; nothing here is drawn.
 */
@Injectable()
export class BoardPackService {
  constructor(
    private readonly exports: ReturnExportService,
    private readonly frameworks: FrameworksService,
    private readonly results: ResultsService,
    private readonly trends: TrendsService,
    private readonly plans: PlansService,
    private readonly policy: PolicyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The draft pack of the return as it stands, with its plan as it stands. */
  async draft(id: string, user: Principal): Promise<{ content: BoardPackContent; fileName: string }> {
    const readable = await this.exports.live(id, user);
    const plan = await this.plans.get(id, user).catch(() => null);
    // Only the plan's approvals that stand for the revision as it is (not withdrawn, not earlier ones).
    const standing = plan ? await this.plans.approvedWithRevision(id, readable.revision) : null;
    const approvalNote =
      readable.approvals.length > 0
        ? 'Approved by the board; the return has not yet been submitted and sealed.'
        : 'Not approved yet: the board has not approved this return.';
    const content = await this.content('draft', readable, user, {
      plan:
        plan && plan.version > 0
          ? { plan, approvals: (standing?.approvals ?? []).map(planPerson), approvedOn: null }
          : null,
      seal: null,
      approvalNote,
    });
    return { content, fileName: `${fileSlug('board-pack', readable, 'draft')}.pdf` };
  }

  /**
   * The final pack of a sealed revision: everything from its sealed copy, and the plan as the board
   * approved it with that revision (none when no plan was approved with it).
   */
  async final(
    id: string,
    revision: number,
    user: Principal,
  ): Promise<{ content: BoardPackContent; fileName: string }> {
    const readable = await this.exports.sealed(id, revision);
    const seal = readable.seal!;
    const approved = await this.plans.approvedWithRevision(id, revision);
    const verifyPath = `/returns/${id}/seals/${revision}`;
    const content = await this.content('final', readable, user, {
      plan: approved
        ? {
            plan: approved.plan,
            approvals: approved.approvals.map(planPerson),
            approvedOn: approved.approvals.at(-1)!.meetingDate,
          }
        : null,
      seal: {
        sha256: seal.sha256,
        sealedAt: seal.sealedAt,
        sealedBy: seal.submittedBy,
        verifyUrl: `${this.config.auth.publicUrl.replace(/\/+$/, '')}${verifyPath}`,
      },
      approvalNote: readable.approvals.length > 0 ? null : 'The sealed copy records no board approval.',
    });
    return { content, fileName: `${fileSlug('board-pack', readable, `revision-${revision}`)}.pdf` };
  }

  private async content(
    kind: BoardPackContent['kind'],
    r: ReadableReturn,
    user: Principal,
    extra: { plan: PackPlan | null; seal: BoardPackContent['seal']; approvalNote: string | null },
  ): Promise<BoardPackContent> {
    const framework = await this.frameworks.get(
      r.framework.frameworkId,
      r.framework.version,
      r.careSetting ?? undefined,
    );
    const domains = r.measures.flatMap((m) => m.domains);
    const answers = domains.flatMap((d): PackSourceAnswer[] =>
      d.status === 'unanswered' && d.comment === '' && d.confidence === null
        ? []
        : [
            {
              domainId: d.domainId,
              met: d.met.map((e) => e.id),
              notApplicable: d.status === 'not-applicable',
              confidence: d.confidence,
              comment: d.comment,
              evidenceIds: d.evidence.map((e) => e.id),
            },
          ],
    );
    const domainLevels = new Map(domains.map((d) => [d.domainId, d.level]));
    const measureName = new Map(framework.measures.map((m) => [m.id, m.name]));
    const byId = new Map(framework.domains.map((d) => [d.id, d]));
    const title = (domainId: string) => byId.get(domainId)?.title ?? domainId;
    const careSetting = r.level === 'organisation' ? r.careSetting : null;
    const [comparison, trend] = await Promise.all([
      careSetting ? this.comparison(r, careSetting) : null,
      careSetting ? this.trend(r.owner.code, careSetting, user) : null,
    ]);
    const plan = extra.plan;
    const targets = new Map<string, LevelNumber>(
      (plan?.plan.targets ?? []).map((t) => [t.domainId, t.level]),
    );
    const levelText = (domainId: string) => {
      const answer = answers.find((a) => a.domainId === domainId);
      if (answer?.notApplicable) return 'Not applicable';
      const level = domainLevels.get(domainId);
      return level === null || level === undefined ? 'Not answered' : `Level ${level}`;
    };
    const usedBy = (evidenceId: string) =>
      answers
        .filter((a) => a.evidenceIds.includes(evidenceId))
        .map((a) => title(a.domainId))
        .join('; ');
    return {
      kind,
      generatedAt: new Date(),
      returnId: r.returnId,
      revision: r.revision,
      owner: { ...r.owner, name: readableName(r.owner.name) },
      careSetting: r.careSetting ? SETTING_LABELS[r.careSetting] : null,
      cycleName: r.cycle.name,
      framework: `${framework.title} (version ${framework.version})`,
      stateLabel: kind === 'final' ? STATE_LABELS.submitted : STATE_LABELS[r.state],
      seal: extra.seal,
      overall: r.overall,
      measures: MEASURE_IDS.map((m) => ({
        measure: m,
        name: measureName.get(m) ?? m,
        score: r.measures.find((x) => x.measure === m)?.score ?? null,
        icsMedian: comparison?.ics.get(m) ?? null,
        national: comparison?.national.get(m) ?? null,
      })),
      comparisonBasis:
        comparison?.basis ??
        (careSetting
          ? 'There are no results to compare with in this cycle yet.'
          : "An ICB's own return is not compared with other organisations' scores."),
      trend,
      gaps: biggestGaps(framework.domains, answers, targets, GAPS_SHOWN).map((g) => ({
        ...g,
        measureName: measureName.get(g.measure) ?? g.measure,
      })),
      lowConfidence: lowConfidenceAnswers(framework.domains, answers).map(({ domain, answer }) => ({
        title: domain.title,
        measureName: measureName.get(domain.measure) ?? domain.measure,
        level: levelText(domain.id),
        comment: answer.comment,
      })),
      plan: plan ? planSection(plan, title, measureName) : null,
      comments: framework.domains.flatMap((d) => {
        const answer = answers.find((a) => a.domainId === d.id);
        const comment = answer?.comment.trim() ?? '';
        return comment
          ? [{ title: d.title, measureName: measureName.get(d.measure) ?? d.measure, comment }]
          : [];
      }),
      evidence: r.evidence.map((e) => ({
        title: e.title,
        detail:
          e.kind === 'link'
            ? (e.url ?? '')
            : `${e.fileName ?? 'file'}${e.sizeBytes !== null ? ` (${fileSize(e.sizeBytes)})` : ''}`,
        usedBy: usedBy(e.id),
      })),
      approvals: r.approvals.map((a) => ({
        name: a.approver,
        meetingDate: a.meetingDate,
        minuteReference: a.minuteReference,
        approvedAt: a.approvedAt,
      })),
      approvalNote: extra.approvalNote,
    };
  }

  /**
   * The trust's cycle results (published or sealed, as the results pages show them): its ICS median
   * and England's quartiles per measure. When the trust has no result in the cycle yet (a draft), the
   * ICS's spread for the care setting stands in for the ICS median.
   */
  private async comparison(r: ReadableReturn, careSetting: CareSetting) {
    const cycle = await this.results.cycle(r.cycle.id).catch(() => null);
    if (!cycle || cycle.source === null) return null;
    const trust = await this.results.trust(r.owner.code, cycle, careSetting).catch(() => null);
    if (!trust) return null;
    const ics = new Map<MeasureId, PackMeasure['icsMedian']>();
    const national = new Map<MeasureId, PackMeasure['national']>();
    let spread: Record<MeasureId, Distribution> | null = null;
    if (!trust.scores && trust.ics) {
      const icsResults = await this.results.ics(trust.ics.odsCode, cycle, careSetting).catch(() => null);
      spread = icsResults?.spread.find((s) => s.careSetting === careSetting)?.measures ?? null;
    }
    for (const m of trust.measures) {
      const icsDistribution = spread ? spread[m.measure] : m.ics;
      ics.set(m.measure, median(icsDistribution));
      const n = m.national;
      national.set(
        m.measure,
        n.suppressed
          ? withheld(n)
          : n.median !== null && n.lowerQuartile !== null && n.upperQuartile !== null
            ? {
                lowerQuartile: n.lowerQuartile,
                median: n.median,
                upperQuartile: n.upperQuartile,
                count: n.count,
              }
            : null,
      );
    }
    const source = cycle.source === 'published' ? "NHS England's published results" : 'sealed returns';
    return {
      ics,
      national,
      basis: `${cycle.name}, from ${source}. ${trust.basis.aggregation}`,
    };
  }

  /** The overall score across cycles with its breaks, and the change since the last cycle. */
  private async trend(code: string, careSetting: CareSetting, user: Principal) {
    const trends: TrustTrends | null = await this.trends
      .trust(code, careSetting, async (referenceDate) => {
        const resource = await this.policy.resolve('organisation', code, referenceDate);
        return resource !== null && this.policy.can(user, 'organisation:view', resource);
      })
      .catch(() => null);
    const overall = trends?.measures.find((m) => m.key === 'overall');
    if (!trends || !overall || overall.points.length === 0) return null;
    const c = trends.change;
    return {
      rows: overall.points.map((p) => ({
        cycleName: p.cycle.name,
        overall: p.value,
        breakReason: p.break?.reason ?? null,
      })),
      change: c
        ? c.comparable && c.overall !== null
          ? `Overall ${signed(c.overall)} since ${c.previous.name} (${c.label}).`
          : `${c.current.name} is not compared with ${c.previous.name}: ${c.label.replace(/\.$/, '')}.`
        : null,
      basis: trends.basis,
    };
  }
}

function planPerson(a: PlanApprovalRecord): PackPerson {
  return {
    name: a.approver.displayName,
    meetingDate: a.meetingDate,
    minuteReference: a.minuteReference,
    approvedAt: a.approvedAt,
  };
}

function planSection(
  { plan, approvals, approvedOn }: PackPlan,
  title: (domainId: string) => string,
  measureName: Map<MeasureId, string>,
): NonNullable<BoardPackContent['plan']> {
  const { today, projected, target } = plan.scores;
  return {
    approvedOn,
    targetDate: plan.targetDate,
    targets: plan.targets.map((t) => ({
      title: title(t.domainId),
      today: today.domains[t.domainId] ? `Level ${today.domains[t.domainId]}` : 'Not scored',
      target: t.level,
    })),
    measureTargets: plan.measureTargets.map((t) => ({
      name: measureName.get(t.measure) ?? t.measure,
      target: t.score,
    })),
    actions: plan.actions.map((a) => ({
      title: a.title,
      domain: title(a.domainId),
      owner: a.owner?.displayName ?? 'No owner yet',
      dueDate: a.dueDate ?? 'No date',
      state: ACTION_STATES[a.state],
      note: a.state === 'blocked' ? a.blockedReason : null,
    })),
    overall: { today: today.overall, projected: projected.overall, target: target.overall },
    measures: MEASURE_IDS.map((m) => ({
      name: measureName.get(m) ?? m,
      today: today.measures[m],
      projected: projected.measures[m],
      target: target.measures[m],
    })),
    approvals,
  };
}

function withheld(d: Distribution): Withheld {
  return {
    count: d.count,
    note:
      d.reason === 'anonymity'
        ? `Not shown: fewer than 5 (${d.count})`
        : `Too few organisations to compare (${d.count})`,
  };
}

function median(d: Distribution): number | Withheld | null {
  if (d.suppressed) return withheld(d);
  return d.median;
}

function signed(n: number): string {
  const rounded = n.toFixed(1);
  return n > 0 ? `up ${rounded}` : n < 0 ? `down ${rounded.replace('-', '')}` : 'unchanged';
}

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
