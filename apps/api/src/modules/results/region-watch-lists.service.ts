import { Injectable } from '@nestjs/common';
import type {
  CareSetting,
  RegionWatchLists,
  ResultCycle,
  WatchListKey,
  WatchListMeasure,
  WatchListOrganisation,
} from '@wgll/contracts';
import { CARE_SETTINGS, MEASURE_IDS } from '@wgll/framework';
import { belowThreshold, type ComparedPoint, declining, PUBLISHED_LABEL } from '@wgll/scoring';
import { NotFoundApiException } from '../../common/api-exception.js';
import { HierarchyRepository } from '../organisations/hierarchy.repository.js';
import { type CycleDataset, ResultsData, type ScoreRow } from './results-data.js';
import { DEFAULT_THRESHOLD } from './results.service.js';
import { trendCycle, TrendsService } from './trends.service.js';

const PUBLISHED = { kind: 'published', label: PUBLISHED_LABEL } as const;

/** The year before a reference date (NHS England's comparable overall of the year before). */
const yearBefore = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

/**
 * A region's named lists (issue 19): per measure and overall, its organisations below the threshold
 * and those declining since the last comparable cycle. From the same cycle datasets as the region
 * results (published results, else sealed returns), so the lists and the region's shares agree.
 */
@Injectable()
export class RegionWatchListsService {
  constructor(
    private readonly data: ResultsData,
    private readonly trends: TrendsService,
    private readonly hierarchy: HierarchyRepository,
  ) {}

  async region(
    code: string,
    cycle: ResultCycle,
    query: { careSetting?: CareSetting; threshold?: number },
  ): Promise<RegionWatchLists> {
    const region = await this.hierarchy.region(code);
    if (!region) throw new NotFoundApiException('REGION_NOT_FOUND', `There is no region ${code}.`);
    const dataset = await this.data.dataset(cycle.id);
    if (!dataset) throw new NotFoundApiException('CYCLE_NOT_FOUND', 'There is no such cycle.');
    const threshold = query.threshold ?? DEFAULT_THRESHOLD;
    const providers = dataset.rows.filter((r) => r.level === 'organisation' && r.regionCode === code);
    const careSettings = CARE_SETTINGS.filter((s) => providers.some((r) => r.careSetting === s));
    const careSetting = query.careSetting ?? careSettings[0] ?? 'acute';
    const rows = providers
      .filter((r) => r.careSetting === careSetting)
      .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code));

    // The cycle before with organisation results, and what produced each figure.
    const datasets = await this.trends.datasets();
    const at = datasets.findIndex((d) => d.cycle.id === cycle.id);
    const before = at > 0 ? datasets[at - 1]! : null;
    const instruments = await this.trends.instruments([...(before ? [before] : []), dataset]);
    const previousRow = (row: ScoreRow) =>
      before?.rows.find(
        (r) => r.level === 'organisation' && r.code === row.code && r.careSetting === row.careSetting,
      ) ?? null;
    const point = (d: CycleDataset, row: ScoreRow, value: number | null): ComparedPoint => ({
      cycle: trendCycle(d.cycle),
      instrument: instruments.ofRow(d, row),
      value,
    });
    const named = (row: ScoreRow): WatchListOrganisation => ({
      organisation: { code: row.code, name: row.name },
      ics: { code: row.icsCode, name: row.icsName },
    });

    const list = (key: WatchListKey): WatchListMeasure => {
      const value = (row: ScoreRow) => (key === 'overall' ? row.overall : row.measures[key]);
      const scored = rows.map((row) => ({ item: row, value: value(row) }));
      // Published: NHS England's overall over comparable domains, this year's against last year's.
      const publishedOverall = key === 'overall' && dataset.source === 'published';
      const comparisons = rows.map((row) => {
        if (publishedOverall) {
          const previousCycle = {
            id: null,
            name: dataset.previousCycleName ?? 'the previous year',
            referenceDate: yearBefore(dataset.cycle.referenceDate),
          };
          return {
            item: row,
            previous:
              row.previousComparable === null
                ? null
                : { cycle: previousCycle, instrument: PUBLISHED, value: row.previousComparable },
            current: { cycle: trendCycle(dataset.cycle), instrument: PUBLISHED, value: row.comparable },
          };
        }
        const earlier = previousRow(row);
        return {
          item: row,
          previous: earlier && before ? point(before, earlier, value(earlier)) : null,
          current: point(dataset, row, value(row)),
        };
      });
      const fall = declining(comparisons);
      return {
        key,
        below: {
          of: scored.filter((s) => s.value !== null).length,
          organisations: belowThreshold(scored, threshold).map((s) => ({
            ...named(s.item),
            score: s.value!,
          })),
        },
        declining: {
          comparable: fall.comparable,
          notComparable: fall.notComparable,
          label: publishedOverall
            ? `NHS England's overall score over the domains asked in both years, ${dataset.previousCycleName ?? 'the previous year'} against ${dataset.cycle.name}`
            : before
              ? `Against ${before.cycle.name}, like for like only (${
                  dataset.source === 'published' ? PUBLISHED_LABEL : 'the same version of the question bank'
                })`
              : 'There is no earlier cycle with results to compare with.',
          organisations: fall.declining.map((d) => ({
            ...named(d.item),
            previous: d.previous.value!,
            current: d.current.value!,
            change: d.change,
            previousCycleName: d.previous.cycle.name,
          })),
        },
      };
    };

    return {
      region: { code: region.odsCode, name: region.name },
      cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
      source: dataset.source,
      careSettings,
      careSetting,
      threshold,
      organisations: rows.length,
      measures: [...MEASURE_IDS.map(list), list('overall')],
      basis:
        `The ${careSetting.replace('-', ' ')} organisations of the region with a result in ${cycle.name} ` +
        `(${dataset.source === 'published' ? "NHS England's published scores" : 'scores of sealed returns'}). ` +
        `Below the threshold: scoring strictly below ${threshold}. Declining: a lower figure than the ` +
        `organisation's own in the cycle before, compared only like for like (the same instrument: the ` +
        `published national assessment, or one version of the question bank); for published results the ` +
        `overall compares NHS England's scores over the domains asked in both years.`,
    };
  }
}
