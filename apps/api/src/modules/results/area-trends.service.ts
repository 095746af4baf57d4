import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AreaTrendPoint,
  AreaTrends,
  CareSetting,
  MeasureTrend,
  SystemTrendPoint,
  TrendArea,
  TrendBoundaries,
} from '@wgll/contracts';
import { CARE_SETTINGS, MEASURE_IDS } from '@wgll/framework';
import { buildSeries } from '@wgll/scoring';
import { DataSource } from 'typeorm';
import { NotFoundApiException } from '../../common/api-exception.js';
import { formatIsoDate, todayInLondon } from '../../common/iso-date.js';
import { isValidOn } from '../organisations/dated-period.js';
import { RegionEntity } from '../organisations/entities/region.entity.js';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';
import type { CycleDataset, ScoreRow } from './results-data.js';
import { distribution, MINIMUM_COMPARISON_COUNT } from './results-views.js';
import { change, perMeasure, trendCycle, TrendsService } from './trends.service.js';

/** An ICS as the hierarchy gives it. */
type IcsRecord = NonNullable<Awaited<ReturnType<HierarchyRepository['ics']>>>;

const SETTING_WORDS: Record<CareSetting, string> = {
  acute: 'acute',
  community: 'community',
  'mental-health': 'mental health',
  ambulance: 'ambulance',
};

const named = (areas: readonly TrendArea[]) =>
  areas.map((a) => `${a.name} (${a.odsCode}${a.part ? `, ${a.part}` : ''})`).join(' and ');

/** Which organisation rows of a cycle make the area's figure, and the ICSs they were in. */
interface Membership {
  rows: (dataset: CycleDataset) => ScoreRow[];
  areas: (dataset: CycleDataset) => TrendArea[];
}

/**
 * Progress over the years for an ICS or a region: per measure per cycle the median of the member
 * organisations' scores (one care setting), never from fewer than 3; for an ICS also the ICB's own
 * return, kept apart. An ICS formed by a merger is worked out on today's boundaries (its current
 * members in every cycle) or as it was then (its predecessors' members at each cycle).
 */
@Injectable()
export class AreaTrendsService {
  constructor(
    private readonly trends: TrendsService,
    private readonly hierarchy: HierarchyRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async ics(
    code: string,
    requested: CareSetting | undefined,
    boundaries: TrendBoundaries,
  ): Promise<AreaTrends> {
    const ics = await this.hierarchy.ics(code);
    if (!ics)
      throw new NotFoundApiException('ICS_NOT_FOUND', `No integrated care board has the ODS code ${code}.`);
    const predecessors: TrendArea[] = await this.hierarchy.predecessorsOf(code);
    const self: TrendArea = { odsCode: ics.odsCode, name: ics.name, part: null };
    const existed = (d: CycleDataset) => isValidOn(ics, d.cycle.referenceDate);
    const areasThen = (d: CycleDataset) => (existed(d) || predecessors.length === 0 ? [self] : predecessors);
    const formed = formatIsoDate(ics.validFrom);

    // An ICS that has since ended: its members on its last day.
    const today = todayInLondon();
    const at = ics.validTo && ics.validTo < today ? ics.validTo : today;
    const members = new Set(
      (await this.hierarchy.organisationsAssessedIn({ ics: code }, at)).map((o) => o.odsCode),
    );
    const membership: Membership =
      boundaries === 'today'
        ? {
            rows: (d) => d.rows.filter((r) => r.level === 'organisation' && members.has(r.code)),
            areas: (d) => areasThen(d),
          }
        : {
            rows: (d) => {
              const codes = new Set(areasThen(d).map((a) => a.odsCode));
              return d.rows.filter((r) => r.level === 'organisation' && codes.has(r.icsCode));
            },
            areas: areasThen,
          };
    const merger = predecessors.length
      ? ` ${ics.name} was formed on ${formed} from ${named(predecessors)}.`
      : '';
    const boundariesLabel =
      boundaries === 'today'
        ? `On today's boundaries: every cycle is worked out from the ${members.size} organisations that are ` +
          `members of ${ics.name} ${at === today ? 'today' : `on ${formatIsoDate(at)}, its last day`}, ` +
          `whichever ICS they belonged to at the time.${merger}`
        : `As it was then: each cycle is worked out from ` +
          (predecessors.length > 1
            ? `the ICSs as they were at that cycle's reference date, with their members then.`
            : `the ICS as it was at that cycle's reference date, with its members then.`) +
          (predecessors.length
            ? `${merger} Cycles before then use the predecessors' members at the time` +
              (predecessors.some((p) => p.part)
                ? ', the whole of each predecessor, including any part that went to another ICS.'
                : '.')
            : '');
    const datasets = await this.trends.datasets(true);
    const result = await this.build(datasets, membership, requested, `members of ${ics.name}`);
    return {
      ...result,
      area: { type: 'ics', odsCode: ics.odsCode, name: ics.name },
      boundaries,
      boundariesLabel,
      predecessors,
      system: await this.system(datasets, ics, predecessors, formed),
      change: this.labelledChange(result, boundaries),
    };
  }

  async region(code: string, requested: CareSetting | undefined): Promise<AreaTrends> {
    const region = await this.dataSource.getRepository(RegionEntity).findOneBy({ odsCode: code });
    if (!region)
      throw new NotFoundApiException('REGION_NOT_FOUND', `No NHS England region has the ODS code ${code}.`);
    const datasets = await this.trends.datasets();
    const result = await this.build(
      datasets,
      {
        rows: (d) => d.rows.filter((r) => r.level === 'organisation' && r.regionCode === code),
        areas: () => [],
      },
      requested,
      `organisations in the ICSs of ${region.name}`,
    );
    return {
      ...result,
      area: { type: 'region', odsCode: region.odsCode, name: region.name },
      boundaries: null,
      boundariesLabel:
        `Each cycle is worked out from the organisations in the region's ICSs at that cycle's reference ` +
        `date. Regions' boundaries did not change.`,
      predecessors: [],
      system: null,
    };
  }

  private async build(
    datasets: CycleDataset[],
    membership: Membership,
    requested: CareSetting | undefined,
    whose: string,
  ): Promise<Omit<AreaTrends, 'area' | 'boundaries' | 'boundariesLabel' | 'predecessors' | 'system'>> {
    const all = datasets.flatMap((d) => membership.rows(d));
    const careSettings = CARE_SETTINGS.filter((s) => all.some((r) => r.careSetting === s));
    const careSetting = requested ?? careSettings[0] ?? null;
    const instruments = await this.trends.instruments(datasets);
    const values = (rows: ScoreRow[], of: (r: ScoreRow) => number | null) =>
      distribution(
        rows.map(of).filter((v): v is number => v !== null),
        { anonymous: false },
      );
    const points: AreaTrendPoint[] = buildSeries(
      datasets.flatMap((dataset) => {
        const rows = membership.rows(dataset).filter((r) => r.careSetting === careSetting);
        if (rows.length === 0) return [];
        return [
          {
            cycle: trendCycle(dataset.cycle),
            instrument: instruments.ofCycle(dataset),
            measures: perMeasure((m) => values(rows, (r) => r.measures[m])),
            overall: values(rows, (r) => r.overall),
            areas: membership.areas(dataset),
          },
        ];
      }),
    );
    const series = (median: (p: AreaTrendPoint) => number | null) =>
      points.map((p) => ({ cycle: p.cycle, instrument: p.instrument, value: median(p), break: p.break }));
    const measures: MeasureTrend[] = [
      ...MEASURE_IDS.map((m) => ({ key: m, points: series((p) => p.measures[m].median) })),
      { key: 'overall', points: series((p) => p.overall.median) },
    ];
    return {
      careSettings,
      careSetting,
      cycles: points.map((p) => p.cycle),
      points,
      measures,
      change: change(measures),
      basis:
        `The median of the ${careSetting ? SETTING_WORDS[careSetting] : ''} scores of the ${whose} in each ` +
        `cycle, with how many organisations it is the median of: NHS England's published scores where a ` +
        `cycle has them, else sealed returns. Not a median from fewer than ${MINIMUM_COMPARISON_COUNT} ` +
        `organisations (only the count is shown). The line breaks wherever the instrument changes, because ` +
        `the scores are not comparable.`,
    };
  }

  /** Across a merger (as it was then), say that the ICSs compared differ. */
  private labelledChange(result: Pick<AreaTrends, 'change' | 'points'>, boundaries: TrendBoundaries) {
    const { change: last, points } = result;
    if (!last || boundaries !== 'then') return last;
    const codes = (name: string) =>
      points
        .find((p) => p.cycle.name === name)!
        .areas.map((a) => a.odsCode)
        .join(',');
    if (codes(last.previous.name) === codes(last.current.name)) return last;
    const before = points.find((p) => p.cycle.name === last.previous.name)!.areas;
    return {
      ...last,
      label: `${last.label} (${last.previous.name}: the members of ${named(before)} at the time)`,
    };
  }

  /** The ICB's own return in each cycle; before a merger, each predecessor's own figures separately. */
  private async system(
    datasets: CycleDataset[],
    ics: IcsRecord,
    predecessors: TrendArea[],
    formed: string,
  ): Promise<SystemTrendPoint[]> {
    const instruments = await this.trends.instruments(datasets);
    const points: Array<Omit<SystemTrendPoint, 'break'>> = [];
    for (const dataset of datasets) {
      const systems = dataset.rows.filter((r) => r.level === 'system');
      const own = systems.find((r) => r.code === ics.odsCode);
      const base = { cycle: trendCycle(dataset.cycle) };
      if (own) {
        points.push({
          ...base,
          instrument: instruments.ofRow(dataset, own),
          measures: own.measures,
          overall: own.overall,
          predecessors: [],
          note: null,
        });
        continue;
      }
      if (isValidOn(ics, dataset.cycle.referenceDate)) continue;
      const theirs = predecessors.flatMap((p) => {
        const row = systems.find((r) => r.code === p.odsCode);
        return row ? [{ ...p, row }] : [];
      });
      if (theirs.length === 0) continue;
      points.push({
        ...base,
        instrument: instruments.ofRow(dataset, theirs[0]!.row),
        measures: null,
        overall: null,
        predecessors: theirs.map(({ row, ...p }) => ({ ...p, measures: row.measures, overall: row.overall })),
        note:
          `There is no single ${ics.name} figure for ${dataset.cycle.name}: it was formed on ${formed} from ` +
          `${named(predecessors)}. Each predecessor's own return is shown separately, not averaged.`,
      });
    }
    return buildSeries(points).map((point, i, all) => {
      const before = all[i - 1];
      if (point.break || !before || before.measures !== null || point.measures === null) return point;
      return {
        ...point,
        break: {
          reason:
            `${ics.name} was formed on ${formed}: the figures before are its predecessors' own returns, ` +
            `so they are not compared with its own.`,
          from: [],
        },
      };
    });
  }
}
