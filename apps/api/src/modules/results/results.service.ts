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
  RegionCompletion,
  ResultCycle,
  ResultCycleList,
  TrustResults,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';
import { whatNextLevelNeeds } from '@wgll/scoring';
import { DataSource } from 'typeorm';
import { NotFoundApiException } from '../../common/api-exception.filter.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { isValidOn } from '../organisations/dated-period.js';
import { IcsEntity } from '../organisations/entities/ics.entity.js';
import { OrganisationEntity } from '../organisations/entities/organisation.entity.js';
import { RegionEntity } from '../organisations/entities/region.entity.js';
import { HierarchyRepository, VALID_ON } from '../organisations/hierarchy.repository.js';
import { toIcsSummary, toRegionSummary } from '../organisations/organisations.mapper.js';
import { type CycleDataset, ResultsData } from './results-data.js';
import { areaComparison, icsComparison, trustComparison } from './results-views.js';

const STATES: CompletionState[] = ['not-started', 'draft', 'awaiting-approval', 'approved', 'submitted'];
const noCounts = () => Object.fromEntries(STATES.map((s) => [s, 0])) as Record<CompletionState, number>;

/** The results views: a trust against its ICS and England, an ICS side by side, a region or England. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly data: ResultsData,
    private readonly frameworks: FrameworksService,
    private readonly hierarchy: HierarchyRepository,
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
      return { ics, region, cycle, ...icsComparison(dataset, code, careSetting ?? null) };
    });
  }

  async area(
    area: { type: 'region' | 'national'; code: string | null },
    cycle: ResultCycle,
    query: { basis?: AreaBasis; careSetting?: CareSetting; threshold?: number },
  ): Promise<AreaResults> {
    const dataset = await this.dataset(cycle);
    const basis = query.basis ?? 'providers';
    const threshold = query.threshold ?? 2.5;
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
  async icsCompletion(code: string, cycle: ResultCycle): Promise<IcsCompletion> {
    const { ics } = await this.place(code, cycle.referenceDate);
    if (!ics) throw new NotFoundApiException('ICS_NOT_FOUND', `There is no ICS ${code}.`);
    const rows = await this.expectedReturns(cycle, 'ics', code);
    const counts = noCounts();
    for (const r of rows) counts[r.state] += 1;
    return {
      ics,
      cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
      rows: rows.map(({ icsCode: _ics, icsName: _name, ...r }) => r),
      counts,
    };
  }

  async regionCompletion(code: string, cycle: ResultCycle): Promise<RegionCompletion> {
    const region = await this.dataSource.getRepository(RegionEntity).findOneBy({ odsCode: code });
    if (!region) throw new NotFoundApiException('REGION_NOT_FOUND', `There is no region ${code}.`);
    const groups = new Map<string, RegionCompletion['groups'][number]>();
    for (const row of await this.expectedReturns(cycle, 'region', code)) {
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

  private async expectedReturns(cycle: ResultCycle, scope: 'ics' | 'region', code: string) {
    const where = scope === 'ics' ? 'i.ods_code = $3' : 'irm.region_code = $3';
    const rows = await this.dataSource.query<
      Array<{
        ods_code: string;
        name: string;
        care_setting: CareSetting | null;
        level: 'organisation' | 'system';
        ics_code: string;
        ics_name: string;
        state: CompletionState | null;
        revision: number | null;
      }>
    >(
      `WITH expected AS (
         SELECT o.ods_code, o.name, s.care_setting, 'organisation' AS level, i.ods_code AS ics_code, i.name AS ics_name
         FROM organisation o
         JOIN organisation_ics_membership m ON m.organisation_code = o.ods_code AND m.basis = 'assessment' AND ${VALID_ON('m')}
         JOIN ics i ON i.ods_code = m.ics_code
         JOIN ics_region_membership irm ON irm.ics_code = i.ods_code AND ${VALID_ON('irm')}
         CROSS JOIN LATERAL unnest(o.care_settings) AS s(care_setting)
         WHERE ${where} AND (o.opened_on IS NULL OR o.opened_on <= $1) AND (o.closed_on IS NULL OR o.closed_on >= $1)
         UNION ALL
         SELECT i.ods_code, i.name, NULL, 'system', i.ods_code, i.name
         FROM ics i JOIN ics_region_membership irm ON irm.ics_code = i.ods_code AND ${VALID_ON('irm')}
         WHERE ${where})
       SELECT e.ods_code, e.name, e.care_setting, e.level, e.ics_code, e.ics_name, r.state, r.revision
       FROM expected e
       LEFT JOIN assessment_return r ON r.cycle_id = $2 AND r.level = e.level
         AND (CASE WHEN e.level = 'system' THEN r.ics_code = e.ods_code
              ELSE r.organisation_code = e.ods_code AND r.care_setting = e.care_setting END)
       ORDER BY e.level DESC, e.name, e.care_setting`,
      [cycle.referenceDate, cycle.id, code],
    );
    return rows.map((r) => ({
      odsCode: r.ods_code,
      name: r.name,
      careSetting: r.care_setting,
      level: r.level,
      state: r.state ?? ('not-started' as const),
      revision: r.revision,
      icsCode: r.ics_code,
      icsName: r.ics_name,
    }));
  }

  /** An ICS that existed on the date, and its region then; nulls otherwise. */
  private async place(icsCode: string | null, at: string) {
    const ics = icsCode
      ? await this.dataSource.getRepository(IcsEntity).findOneBy({ odsCode: icsCode })
      : null;
    if (!ics || !isValidOn(ics, at)) return { ics: null, region: null };
    const regionCode = (await this.hierarchy.placeIcs(ics.odsCode, at))?.region;
    const region = regionCode
      ? await this.dataSource.getRepository(RegionEntity).findOneBy({ odsCode: regionCode })
      : null;
    return { ics: toIcsSummary(ics), region: region ? toRegionSummary(region) : null };
  }

  /** Each domain's level in the sealed revision, and the next level's elements not met. */
  private async domains(returnId: string, revision: number): Promise<DomainLevelResult[]> {
    const [seal] = await this.dataSource.query<{ snapshot: string }[]>(
      'SELECT snapshot FROM return_seal WHERE return_id = $1 AND revision = $2',
      [returnId, revision],
    );
    if (!seal) return [];
    const sealed = JSON.parse(seal.snapshot) as {
      framework: { frameworkId: string; version: string };
      answers: Array<{ domainId: string; met: string[]; notApplicable: boolean }>;
      scores: { domains: Array<{ domainId: string; status: string; level: number | null }> };
    };
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
}
