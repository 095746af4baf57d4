import { Inject, Injectable } from '@nestjs/common';
import type {
  ActionState,
  CareSetting,
  Distribution,
  ImprovementPlan,
  MeasureId,
  ReturnDetail,
  ReturnState,
  TrustTrends,
} from '@wgll/contracts';
import { type FrameworkVersion, type LevelNumber, MEASURE_IDS } from '@wgll/framework';
import { biggestGaps, lowConfidenceAnswers, type PackAnswer } from '@wgll/scoring';
import { APP_CONFIG } from '../../app.tokens.js';
import { NotFoundApiException } from '../../common/api-exception.js';
import type { AppConfig } from '../../config/app-config.js';
import { PolicyService } from '../access/policy.service.js';
import type { Principal } from '../access/principal.js';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { ReturnsService } from '../assessments/returns.service.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { PlansService } from '../plans/plans.service.js';
import { ResultsService } from '../results/results.service.js';
import { TrendsService } from '../results/trends.service.js';
import type { BoardPackContent, PackMeasure, PackPerson, Withheld } from './board-pack-content.js';
import { readableName } from './readable-name.js';

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

/** A return's facts as a pack reads them: the live return (draft) or a sealed copy (final). */
interface PackSource {
  answers: (PackAnswer & { comment: string; evidenceIds: readonly string[] })[];
  domainLevels: Map<string, number | null>;
  measureScores: Map<MeasureId, number | null>;
  overall: number | null;
  evidence: {
    id: string;
    kind: 'link' | 'file';
    title: string;
    url: string | null;
    fileName: string | null;
    sizeBytes: number | null;
  }[];
  approvals: PackPerson[];
}

/**
 * Gathers what a board pack prints: the return (live for a draft, the sealed copy for a final pack),
 * its results against its ICS and England, its trend, plan, comments, evidence and approvals. Every
 * figure comes from the module that owns it; nothing here is drawn.
 */
@Injectable()
export class BoardPackService {
  constructor(
    private readonly returns: ReturnsService,
    private readonly reader: AssessmentsReader,
    private readonly frameworks: FrameworksService,
    private readonly results: ResultsService,
    private readonly trends: TrendsService,
    private readonly plans: PlansService,
    private readonly policy: PolicyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The draft pack of the return as it stands. */
  async draft(id: string, user: Principal): Promise<{ content: BoardPackContent; fileName: string }> {
    const detail = await this.returns.detail(id, user);
    const framework = await this.returns.framework(id);
    const live = detail.approvals.filter((a) => a.withdrawnAt === null);
    const source: PackSource = {
      answers: detail.answers.map((a) => ({ ...a, met: a.met })),
      domainLevels: new Map(detail.scores.domains.map((d) => [d.domainId, d.level])),
      measureScores: new Map(detail.scores.measures.map((m) => [m.measure, m.score])),
      overall: detail.scores.overall,
      evidence: detail.evidence,
      approvals: live.map((a) => ({
        name: a.approver.displayName,
        meetingDate: a.meetingDate,
        minuteReference: a.minuteReference,
        approvedAt: a.approvedAt,
      })),
    };
    const approvalNote =
      live.length > 0
        ? 'Approved by the board; the return has not yet been submitted and sealed.'
        : 'Not approved yet: the board has not approved this return.';
    const content = await this.content(
      'draft',
      detail,
      detail.revision,
      framework,
      source,
      user,
      null,
      approvalNote,
    );
    return { content, fileName: fileName(detail, 'draft') };
  }

  /** The final pack of a sealed revision, read from its sealed copy, with the seal's hash. */
  async final(
    id: string,
    revision: number,
    user: Principal,
  ): Promise<{ content: BoardPackContent; fileName: string }> {
    const detail = await this.returns.detail(id, user);
    const seal = detail.seals.find((s) => s.revision === revision);
    const sealed = seal ? await this.reader.sealedReturn(id, revision) : null;
    if (!seal || !sealed)
      throw new NotFoundApiException('NOT_FOUND', `Revision ${revision} of this return has not been sealed.`);
    const framework = await this.frameworks.get(
      sealed.framework.frameworkId,
      sealed.framework.version,
      sealed.return.careSetting ?? undefined,
    );
    const source: PackSource = {
      answers: sealed.answers,
      domainLevels: new Map(sealed.scores.domains.map((d) => [d.domainId, d.level])),
      measureScores: new Map(sealed.scores.measures.map((m) => [m.measure, m.score])),
      overall: sealed.scores.overall,
      evidence: sealed.evidence,
      approvals: sealed.approvals.map((a) => ({
        name: a.approver.displayName,
        meetingDate: a.meetingDate,
        minuteReference: a.minuteReference,
        approvedAt: a.approvedAt,
      })),
    };
    const verifyPath = `/returns/${id}/seals/${revision}`;
    const content = await this.content(
      'final',
      detail,
      revision,
      framework,
      source,
      user,
      {
        sha256: seal.sha256,
        sealedAt: seal.sealedAt,
        sealedBy: seal.sealedBy.displayName,
        verifyUrl: `${this.config.auth.publicUrl.replace(/\/+$/, '')}${verifyPath}`,
      },
      source.approvals.length > 0 ? null : 'The sealed copy records no board approval.',
    );
    return { content, fileName: fileName(detail, `revision-${revision}`) };
  }

  private async content(
    kind: BoardPackContent['kind'],
    detail: ReturnDetail,
    revision: number,
    framework: FrameworkVersion,
    source: PackSource,
    user: Principal,
    seal: BoardPackContent['seal'],
    approvalNote: string | null,
  ): Promise<BoardPackContent> {
    const measureName = new Map(framework.measures.map((m) => [m.id, m.name]));
    const domains = new Map(framework.domains.map((d) => [d.id, d]));
    const title = (domainId: string) => domains.get(domainId)?.title ?? domainId;
    const careSetting = detail.level === 'organisation' ? detail.careSetting : null;
    const [comparison, trend, plan] = await Promise.all([
      careSetting ? this.comparison(detail, careSetting) : null,
      careSetting ? this.trend(detail.owner.code, careSetting, user) : null,
      this.plans.get(detail.id, user).catch(() => null),
    ]);
    const targets = new Map<string, LevelNumber>((plan?.targets ?? []).map((t) => [t.domainId, t.level]));
    const levelText = (domainId: string) => {
      const answer = source.answers.find((a) => a.domainId === domainId);
      if (answer?.notApplicable) return 'Not applicable';
      const level = source.domainLevels.get(domainId);
      return level === null || level === undefined ? 'Not answered' : `Level ${level}`;
    };
    const usedBy = (evidenceId: string) =>
      source.answers
        .filter((a) => a.evidenceIds.includes(evidenceId))
        .map((a) => title(a.domainId))
        .join('; ');
    return {
      kind,
      generatedAt: new Date(),
      returnId: detail.id,
      revision,
      owner: { ...detail.owner, name: readableName(detail.owner.name) },
      careSetting: detail.careSetting ? SETTING_LABELS[detail.careSetting] : null,
      cycleName: detail.cycle.name,
      framework: `${framework.title} (version ${framework.version})`,
      stateLabel: kind === 'final' ? STATE_LABELS.submitted : STATE_LABELS[detail.state],
      seal,
      overall: source.overall,
      measures: MEASURE_IDS.map((m) => ({
        measure: m,
        name: measureName.get(m) ?? m,
        score: source.measureScores.get(m) ?? null,
        icsMedian: comparison?.ics.get(m) ?? null,
        national: comparison?.national.get(m) ?? null,
      })),
      comparisonBasis:
        comparison?.basis ??
        (careSetting
          ? 'There are no results to compare with in this cycle yet.'
          : "An ICB's own return is not compared with other organisations' scores."),
      trend,
      gaps: biggestGaps(framework.domains, source.answers, targets, GAPS_SHOWN).map((g) => ({
        ...g,
        measureName: measureName.get(g.measure) ?? g.measure,
      })),
      lowConfidence: lowConfidenceAnswers(framework.domains, source.answers).map(({ domain, answer }) => ({
        title: domain.title,
        measureName: measureName.get(domain.measure) ?? domain.measure,
        level: levelText(domain.id),
        comment: answer.comment,
      })),
      plan: plan && plan.version > 0 ? planSection(plan, title, measureName) : null,
      comments: framework.domains.flatMap((d) => {
        const answer = source.answers.find((a) => a.domainId === d.id);
        const comment = answer?.comment.trim() ?? '';
        return comment
          ? [{ title: d.title, measureName: measureName.get(d.measure) ?? d.measure, comment }]
          : [];
      }),
      evidence: source.evidence.map((e) => ({
        title: e.title,
        detail:
          e.kind === 'link'
            ? (e.url ?? '')
            : `${e.fileName ?? 'file'}${e.sizeBytes !== null ? ` (${fileSize(e.sizeBytes)})` : ''}`,
        usedBy: usedBy(e.id),
      })),
      approvals: source.approvals,
      approvalNote,
    };
  }

  /**
   * The trust's cycle results (published or sealed, as the results pages show them): its ICS median
   * and England's quartiles per measure. When the trust has no result in the cycle yet (a draft), the
   * ICS's spread for the care setting stands in for the ICS median.
   */
  private async comparison(detail: ReturnDetail, careSetting: CareSetting) {
    const cycle = await this.results.cycle(detail.cycle.id).catch(() => null);
    if (!cycle || cycle.source === null) return null;
    const trust = await this.results.trust(detail.owner.code, cycle, careSetting).catch(() => null);
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

function planSection(
  plan: ImprovementPlan,
  title: (domainId: string) => string,
  measureName: Map<MeasureId, string>,
): NonNullable<BoardPackContent['plan']> {
  const { today, projected, target } = plan.scores;
  return {
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
    approvals: plan.approvals.map((a) => ({
      name: a.approver.displayName,
      meetingDate: a.meetingDate,
      minuteReference: a.minuteReference,
      approvedAt: a.approvedAt,
    })),
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

/** E.g. board-pack-RJ1-acute-2026-27-draft.pdf. */
function fileName(detail: ReturnDetail, suffix: string): string {
  const parts = [detail.owner.code, detail.careSetting ?? 'system', detail.cycle.name, suffix];
  const slug = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `board-pack-${slug}.pdf`;
}
