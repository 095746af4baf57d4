import { Injectable } from '@nestjs/common';
import type {
  CareSetting,
  NationalTarget,
  NationalTargets,
  RegionTargets,
  ResultCycle,
  TargetAreaProgress,
  TargetCycleFigure,
  TargetOrganisation,
  TargetProgress,
  TargetStatus,
} from '@wgll/contracts';
import {
  countStatuses,
  organisationStatus,
  resolveTargetDomain,
  returnStatus,
  scoreStatus,
  type TargetAnswer,
  type TargetCriterion,
  targetOutlook,
} from '@wgll/scoring';
import { NotFoundApiException } from '../../common/api-exception.js';
import { todayInLondon } from '../../common/iso-date.js';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';
import { ResultsService } from '../results/results.service.js';
import { TargetsService } from './targets.service.js';

/** An organisation of an area in a cycle: where it is, and what it runs of the target's care settings. */
interface Member {
  code: string;
  name: string;
  icsCode: string;
  icsName: string;
  regionCode: string;
  careSettings: CareSetting[];
}

/** One cycle's status of every member organisation, with a note on missing data. */
interface CycleStatuses {
  cycle: ResultCycle;
  source: ResultCycle['source'];
  members: Member[];
  status: Map<string, TargetStatus>;
  note: string | null;
}

const ENGLAND = { type: 'england' as const, code: null, name: 'England' };

/**
 * Progress toward the national targets (issue 19), per area: organisations in the area (on each
 * cycle's reference date) running one of the target's care settings, and whether each meets it.
 * Domain and element targets read **sealed** returns only (never drafts, never returns awaiting
 * approval or reopened); the published results carry measure scores only, so they give no data for
 * those targets. Measure targets read the results as the results views show them (published, else
 * sealed returns' scores).
 */
@Injectable()
export class TargetProgressService {
  constructor(
    private readonly targets: TargetsService,
    private readonly results: ResultsService,
    private readonly hierarchy: HierarchyRepository,
    private readonly assessments: AssessmentsReader,
  ) {}

  async region(code: string): Promise<RegionTargets> {
    const region = await this.hierarchy.region(code);
    if (!region) throw new NotFoundApiException('REGION_NOT_FOUND', `There is no region ${code}.`);
    const [targets, cycles] = await Promise.all([this.targets.active(), this.cycles()]);
    const memberships = await Promise.all(cycles.map((c) => this.members(c, [region])));
    const progress: TargetProgress[] = [];
    for (const target of targets) {
      const perCycle = await this.statuses(target, cycles, memberships);
      progress.push({
        target,
        areas: [
          this.area(target, { type: 'region', code: region.odsCode, name: region.name }, perCycle, true),
        ],
      });
    }
    return { region: { code: region.odsCode, name: region.name }, targets: progress };
  }

  async national(): Promise<NationalTargets> {
    const [targets, cycles, regions] = await Promise.all([
      this.targets.active(),
      this.cycles(),
      this.hierarchy.regions(),
    ]);
    const memberships = await Promise.all(cycles.map((c) => this.members(c, regions)));
    const progress: TargetProgress[] = [];
    for (const target of targets) {
      const perCycle = await this.statuses(target, cycles, memberships);
      const areas = [this.area(target, ENGLAND, perCycle, true)];
      for (const r of regions) {
        const own = perCycle.map((c) => ({
          ...c,
          members: c.members.filter((m) => m.regionCode === r.odsCode),
        }));
        areas.push(this.area(target, { type: 'region', code: r.odsCode, name: r.name }, own, false));
      }
      progress.push({ target, areas });
    }
    return { targets: progress };
  }

  /** Cycles with results, oldest first. */
  private async cycles(): Promise<ResultCycle[]> {
    const { items } = await this.results.cycles();
    return items
      .filter((c) => c.source !== null)
      .sort((a, b) => a.referenceDate.localeCompare(b.referenceDate) || a.name.localeCompare(b.name));
  }

  /** The organisations of these regions on the cycle's reference date. */
  private async members(cycle: ResultCycle, regions: Array<{ odsCode: string }>): Promise<Member[]> {
    const lists = await Promise.all(
      regions.map(async (r) =>
        (await this.hierarchy.organisationsAssessedIn({ region: r.odsCode }, cycle.referenceDate)).map(
          (o) => ({
            code: o.odsCode,
            name: o.name,
            icsCode: o.icsCode,
            icsName: o.icsName,
            regionCode: r.odsCode,
            careSettings: o.careSettings,
          }),
        ),
      ),
    );
    return lists.flat();
  }

  /** Each cycle's status of every organisation running one of the target's care settings. */
  private async statuses(
    target: NationalTarget,
    cycles: ResultCycle[],
    memberships: Member[][],
  ): Promise<CycleStatuses[]> {
    const out: CycleStatuses[] = [];
    for (const [i, cycle] of cycles.entries()) {
      const members = memberships[i]!.map((m) => ({
        ...m,
        careSettings: m.careSettings.filter((c) => target.careSettings.includes(c)),
      })).filter((m) => m.careSettings.length > 0);
      const units = new Map<string, TargetStatus[]>();
      let note: string | null = null;
      if (target.kind === 'measure') {
        const scores = await this.results.organisationScores(cycle);
        const wanted = new Set(members.map((m) => m.code));
        for (const row of scores.rows) {
          if (!wanted.has(row.code) || !row.careSetting || !target.careSettings.includes(row.careSetting))
            continue;
          const score = target.measure === 'overall' ? row.overall : row.measures[target.measure!];
          units.set(row.code, [...(units.get(row.code) ?? []), scoreStatus(target.value!, score)]);
        }
      } else {
        note = await this.readSealed(target, cycle, members, units);
      }
      const status = new Map(members.map((m) => [m.code, organisationStatus(units.get(m.code) ?? [])]));
      out.push({ cycle, source: cycle.source, members, status, note });
    }
    return out;
  }

  /** Domain and element targets: each sealed return of the cycle, through the target's lineage. */
  private async readSealed(
    target: NationalTarget,
    cycle: ResultCycle,
    members: Member[],
    units: Map<string, TargetStatus[]>,
  ): Promise<string | null> {
    const criterion: Extract<TargetCriterion, { kind: 'domain' | 'element' }> =
      target.kind === 'domain'
        ? {
            kind: 'domain',
            frameworkId: target.frameworkId!,
            lineageId: target.lineageId!,
            level: target.level!,
          }
        : {
            kind: 'element',
            frameworkId: target.frameworkId!,
            lineageId: target.lineageId!,
            elementId: target.elementId!,
          };
    const sealed = await this.assessments.sealedAnswersIn(
      cycle.id,
      members.map((m) => m.code),
    );
    const notes = new Set<string>();
    const versions = await this.targets.versionsOf(criterion.frameworkId);
    for (const r of sealed) {
      if (!target.careSettings.includes(r.careSetting)) continue;
      const { frameworkId } = r.sealed.framework;
      let status: TargetStatus = 'no-data';
      if (frameworkId === criterion.frameworkId) {
        const resolved = resolveTargetDomain(criterion.lineageId, r.framework, versions);
        if (resolved.note) notes.add(resolved.note);
        const answer: TargetAnswer | undefined = resolved.domain
          ? r.answers.get(resolved.domain.id)
          : undefined;
        status = returnStatus(criterion, resolved.domain, answer);
      } else {
        notes.add(`Returns on the framework ${frameworkId} do not carry this target's domain.`);
      }
      units.set(r.organisationCode, [...(units.get(r.organisationCode) ?? []), status]);
    }
    if (cycle.source === 'published') {
      notes.add(
        `The ${cycle.name} results are NHS England's published figures, which give measure scores only, ` +
          'not domain levels or elements: only organisations with a sealed return in this service have data.',
      );
    }
    return notes.size > 0 ? [...notes].join(' ') : null;
  }

  private area(
    target: NationalTarget,
    area: TargetAreaProgress['area'],
    perCycle: CycleStatuses[],
    named: boolean,
  ): TargetAreaProgress {
    const trend: TargetCycleFigure[] = perCycle.map((c) => ({
      cycle: { id: c.cycle.id, name: c.cycle.name, referenceDate: c.cycle.referenceDate },
      source: c.source,
      counts: countStatuses(c.members.map((m) => c.status.get(m.code)!)),
      note: c.note,
    }));
    const withData = [...trend.keys()].filter((i) => trend[i]!.counts.met + trend[i]!.counts.notYet > 0);
    const nowIndex = withData.at(-1) ?? trend.length - 1;
    const now = trend[nowIndex] ?? null;
    const outlook = targetOutlook(
      trend.map((t) => ({ date: t.cycle.referenceDate, counts: t.counts })),
      target.percent,
      target.dueDate,
      todayInLondon(),
    );
    let organisations: TargetOrganisation[] | null = null;
    if (named) {
      const c = perCycle[nowIndex];
      organisations = c
        ? c.members
            .filter((m) => c.status.get(m.code) !== 'met')
            .map((m) => ({
              organisation: { code: m.code, name: m.name },
              ics: { code: m.icsCode, name: m.icsName },
              status: c.status.get(m.code) as Exclude<TargetStatus, 'met'>,
              careSettings: m.careSettings,
            }))
            .sort(
              (a, b) =>
                (a.status === 'not-yet' ? 0 : 1) - (b.status === 'not-yet' ? 0 : 1) ||
                a.organisation.name.localeCompare(b.organisation.name),
            )
        : [];
    }
    return { area, now, trend, outlook, organisations };
  }
}
