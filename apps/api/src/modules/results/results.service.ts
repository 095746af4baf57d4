import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AreaBasis,
  AreaResults,
  CareSetting,
  CompletionState,
  DomainLevelResult,
  IcsCompletion,
  IcsResults,
  MeasureId,
  RegionCompletion,
  ResultCycle,
  ResultCycleList,
  ResultSource,
  TrustResults,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { whatNextLevelNeeds } from '@wgll/scoring';
import { DataSource } from 'typeorm';
import { NotFoundApiException } from '../../common/api-exception.js';
import { AssessmentsReader, type ReturnProgress } from '../assessments/assessments.reader.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { OrganisationEntity } from '../organisations/entities/organisation.entity.js';
import { RegionEntity } from '../organisations/entities/region.entity.js';
import { type HierarchyArea, HierarchyRepository } from '../organisations/hierarchy.repository.js';
import { toIcsSummary, toRegionSummary } from '../organisations/organisations.mapper.js';
import { primaryCareView } from './primary-care-view.js';
import { ResultScoresReader } from '../result-store/result-scores.reader.js';
import { type CycleDataset, ResultsData } from './results-data.js';
import { areaComparison, icsComparison, trustComparison } from './results-views.js';

/** What completion needs of a cycle. */
export type CompletionCycle = Pick<ResultCycle, 'id' | 'name' | 'referenceDate'>;

const STATES: CompletionState[] = ['not-started', 'draft', 'awaiting-approval', 'approved', 'submitted'];
const noCounts = () => Object.fromEntries(STATES.map((s) => [s, 0])) as Record<CompletionState, number>;

/** The levelling-up threshold the area views use when none is asked for. */
export const DEFAULT_THRESHOLD = 2.5;

/** The results views: a trust against its ICS and England, an ICS side by side, a region or England. */

@Injectable()
export class ResultsService {
  constructor(
    private readonly data: ResultsData,
    private readonly frameworks: FrameworksService,
    private readonly hierarchy: HierarchyRepository,
    private readonly assessments: AssessmentsReader,
    private readonly scores: ResultScoresReader,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async cycles(): Promise<ResultCycleList> {
    return { items: await this.data.cycles() };
  }

  /** The cycle asked for, or the newest with results (else the newest). */
  async cycle(id?: string): Promise<ResultCycle> {
    let cycles = await this.data.cycles();
    // A cycle created since the list was read (only then is the list read again).
    if (id && !cycles.some((c) => c.id === id)) {
      const [exists] = await this.dataSource.query<unknown[]>('SELECT 1 FROM cycle WHERE id = $1', [id]);
      if (exists) cycles = await this.data.cycles(true);
    }
    const cycle = id
      ? cycles.find((c) => c.id === id)
      : (cycles.find((c) => c.organisationResults + c.systemResults > 0) ?? cycles[0]);
    if (!cycle)
      throw new NotFoundApiException(
        'CYCLE_NOT_FOUND',
        id ? 'There is no such cycle.' : 'There are no cycles yet.',
      );
    return cycle;
  }

  private async dataset(cycle: ResultCycle): Promise<CycleDataset> {
    const dataset = await this.data.dataset(cycle.id);
    if (!dataset) throw new NotFoundApiException('CYCLE_NOT_FOUND', 'There is no such cycle.');
    return dataset;
  }

  async trust(code: string, cycle: ResultCycle, careSetting?: CareSetting): Promise<TrustResults> {
    const dataset = await this.dataset(cycle);
    return this.data.view(dataset, `trust|${code}|${careSetting ?? ''}`, async () => {
      const organisation = await this.dataSource
        .getRepository(OrganisationEntity)
        .findOneBy({ odsCode: code });
      if (!organisation)
        throw new NotFoundApiException('ORGANISATION_NOT_FOUND', `There is no organisation ${code}.`);
      const { row, ...rest } = trustComparison(dataset, code, careSetting);
      const placed = row ? null : await this.hierarchy.placeOrganisation(code, cycle.referenceDate);
      const { ics, region } = await this.place(row?.icsCode ?? placed?.ics ?? null, cycle.referenceDate);
      return {
        organisation: { odsCode: organisation.odsCode, name: organisation.name },
        ics,
        region,
        cycle,
        ...rest,
        domains: row?.returnId ? await this.domains(row.returnId, row.revision!) : null,
        returnId: row?.returnId ?? null,
      };
    });
  }

  async ics(code: string, cycle: ResultCycle, careSetting?: CareSetting): Promise<IcsResults> {
    const dataset = await this.dataset(cycle);
    return this.data.view(dataset, `ics|${code}|${careSetting ?? ''}`, async () => {
      const { ics, region } = await this.place(code, cycle.referenceDate);
      if (!ics) throw new NotFoundApiException('ICS_NOT_FOUND', `There is no ICS ${code}.`);
      return {
        ics,
        region,
        cycle,
        ...icsComparison(dataset, code, careSetting ?? null),
        // Read with the view: an applied import, which replaces them, brings a new dataset.
        primaryCare: primaryCareView(cycle, await this.scores.primaryCareOf(cycle.id, code)),
      };
    });
  }

  async area(
    area: { type: 'region' | 'national'; code: string | null },
    cycle: ResultCycle,
    query: { basis?: AreaBasis; careSetting?: CareSetting; threshold?: number },
  ): Promise<AreaResults> {
    const dataset = await this.dataset(cycle);
    const basis = query.basis ?? 'providers';
    const threshold = query.threshold ?? DEFAULT_THRESHOLD;
    return this.data.view(
      dataset,
      `area|${area.code ?? ''}|${basis}|${query.careSetting ?? ''}|${threshold}`,
      async () => {
        let name = 'England';
        if (area.type === 'region') {
          const region = await this.dataSource
            .getRepository(RegionEntity)
            .findOneBy({ odsCode: area.code ?? '' });
          if (!region) throw new NotFoundApiException('REGION_NOT_FOUND', `There is no region ${area.code}.`);
          name = region.name;
        }
        return {
          area: { ...area, name },
          cycle,
          ...areaComparison(dataset, area, basis, query.careSetting, threshold),
        };
      },
    );
  }

  /** The cycle open today (else the newest): completion is about the round under way. */
  async completionCycle(id?: string): Promise<ResultCycle> {
    if (id) return this.cycle(id);
    const cycles = await this.data.cycles();
    const cycle = cycles.find((c) => c.current) ?? cycles[0];
    if (!cycle) throw new NotFoundApiException('CYCLE_NOT_FOUND', 'There are no cycles yet.');
    return cycle;
  }

  /** Each expected return of the ICS's organisations (per care setting) and of the ICB: its state only. */
  async icsCompletion(code: string, cycle: CompletionCycle): Promise<IcsCompletion> {
    const { ics } = await this.place(code, cycle.referenceDate);
    if (!ics) throw new NotFoundApiException('ICS_NOT_FOUND', `There is no ICS ${code}.`);
    const rows = await this.expectedReturns(cycle, { ics: code });
    const counts = noCounts();
    for (const r of rows) counts[r.state] += 1;
    return {
      ics,
      cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
      rows: rows.map(({ icsCode: _ics, icsName: _name, ...r }) => r),
      counts,
    };
  }

  async regionCompletion(code: string, cycle: CompletionCycle): Promise<RegionCompletion> {
    const region = await this.dataSource.getRepository(RegionEntity).findOneBy({ odsCode: code });
    if (!region) throw new NotFoundApiException('REGION_NOT_FOUND', `There is no region ${code}.`);
    const groups = new Map<string, RegionCompletion['groups'][number]>();
    for (const row of await this.expectedReturns(cycle, { region: code })) {
      const group = groups.get(row.icsCode) ?? {
        code: row.icsCode,
        name: row.icsName,
        expected: 0,
        counts: noCounts(),
      };
      group.expected += 1;
      group.counts[row.state] += 1;
      groups.set(row.icsCode, group);
    }
    return {
      region: toRegionSummary(region),
      cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
      groups: [...groups.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /**
   * Each return expected in the area for the cycle, with its state: the ICB's own, then each
   * organisation's per care setting (organisations operating on the reference date and assessed in
   * an ICS of the area then). Also what the weekly digest counts.
   */
  async expectedReturns(cycle: CompletionCycle, area: HierarchyArea) {
    const [icbs, organisations, progress] = await Promise.all([
      this.hierarchy.icbsIn(area, cycle.referenceDate),
      this.hierarchy.organisationsAssessedIn(area, cycle.referenceDate),
      this.assessments.progressIn(cycle.id),
    ]);
    const started = new Map<string, ReturnProgress>(
      progress.map((r) => [
        r.level === 'system' ? `system|${r.icsCode}` : `organisation|${r.organisationCode}|${r.careSetting}`,
        r,
      ]),
    );
    const row = (
      owner: { odsCode: string; name: string; icsCode: string; icsName: string },
      level: 'organisation' | 'system',
      careSetting: CareSetting | null,
    ) => {
      const found = started.get(
        level === 'system' ? `system|${owner.odsCode}` : `organisation|${owner.odsCode}|${careSetting}`,
      );
      return {
        odsCode: owner.odsCode,
        name: owner.name,
        careSetting,
        level,
        state: found?.state ?? ('not-started' as const),
        revision: found?.revision ?? null,
        icsCode: owner.icsCode,
        icsName: owner.icsName,
      };
    };
    return [
      ...icbs.map((i) => row({ ...i, icsCode: i.odsCode, icsName: i.name }, 'system', null)),
      ...organisations.flatMap((o) => o.careSettings.map((setting) => row(o, 'organisation', setting))),
    ];
  }

  /** An ICS that existed on the date, and its region then; nulls otherwise. */
  private async place(icsCode: string | null, at: string) {
    const ics = icsCode ? await this.hierarchy.icsOn(icsCode, at) : null;
    if (!ics) return { ics: null, region: null };
    const regionCode = (await this.hierarchy.placeIcs(ics.odsCode, at))?.region;
    const region = regionCode
      ? await this.dataSource.getRepository(RegionEntity).findOneBy({ odsCode: regionCode })
      : null;
    return { ics: toIcsSummary(ics), region: region ? toRegionSummary(region) : null };
  }

  /** Each domain's level in the sealed revision, and the next level's elements not met. */
  private async domains(returnId: string, revision: number): Promise<DomainLevelResult[]> {
    const sealed = await this.assessments.sealedReturn(returnId, revision);
    if (!sealed) return [];
    const framework: FrameworkVersion = await this.frameworks.document(
      sealed.framework.frameworkId,
      sealed.framework.version,
    );
    const answers = new Map(sealed.answers.map((a) => [a.domainId, a]));
    const domains = new Map(framework.domains.map((d) => [d.id, d]));
    return sealed.scores.domains.flatMap((scored) => {
      const domain = domains.get(scored.domainId);
      if (!domain) return [];
      const answer = answers.get(scored.domainId);
      const needs =
        scored.status === 'scored' ? whatNextLevelNeeds(domain, new Set(answer?.met ?? [])) : null;
      return [
        {
          domainId: domain.id,
          title: domain.title,
          measure: domain.measure,
          level: scored.level,
          nextLevelNeeds: needs?.needed.map((e) => e.text) ?? [],
        },
      ];
    });
  }

  /**
   * A cycle's organisation results as the views show them (published, else sealed returns' scores),
   * for the national targets' progress: whose, which care setting, the measure and overall scores.
   */
  async organisationScores(cycle: ResultCycle): Promise<OrganisationScores> {
    const dataset = await this.dataset(cycle);
    return {
      source: dataset.source,
      rows: dataset.rows
        .filter((r) => r.level === 'organisation')
        .map((r) => ({ code: r.code, careSetting: r.careSetting, measures: r.measures, overall: r.overall })),
    };
  }
}

/** A cycle's organisation results, for other modules (see ResultsService.organisationScores). */
export interface OrganisationScores {
  source: ResultSource | null;
  rows: Array<{
    code: string;
    careSetting: CareSetting | null;
    measures: Record<MeasureId, number | null>;
    overall: number | null;
  }>;
}
