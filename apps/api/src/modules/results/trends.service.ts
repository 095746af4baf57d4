import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CareSetting,
  MeasureId,
  MeasureTrend,
  NationalTrends,
  ResultCycle,
  TrendChange,
  TrendCycle,
  TrendInstrument,
  TrustTrends,
} from '@wgll/contracts';
import { CARE_SETTINGS, MEASURE_IDS } from '@wgll/framework';
import {
  buildDomainSeries,
  buildSeries,
  changeSinceLast,
  PUBLISHED_LABEL,
  questionBankInstrument,
} from '@wgll/scoring';
import { DataSource } from 'typeorm';
import { NotFoundApiException } from '../../common/api-exception.js';
import { AssessmentsReader } from '../assessments/assessments.reader.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { OrganisationEntity } from '../organisations/entities/organisation.entity.js';
import { ResultScoresReader } from '../result-store/result-scores.reader.js';
import { type CycleDataset, ResultsData, type ScoreRow } from './results-data.js';
import { distribution, MINIMUM_ANONYMOUS_COUNT } from './results-views.js';

const PUBLISHED: TrendInstrument = { kind: 'published', label: PUBLISHED_LABEL };

export const trendCycle = (c: ResultCycle): TrendCycle => ({
  id: c.id,
  name: c.name,
  referenceDate: c.referenceDate,
});

/** The year before a reference date (NHS England's comparable overall of the year before). */
const yearBefore = (date: string) => `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;

export const perMeasure = <T>(f: (m: MeasureId) => T): Record<MeasureId, T> =>
  Object.fromEntries(MEASURE_IDS.map((m) => [m, f(m)])) as Record<MeasureId, T>;

/** One organisation's result in one cycle, with what produced it. */
interface OwnPoint {
  cycle: TrendCycle;
  dataset: CycleDataset;
  row: ScoreRow;
  instrument: TrendInstrument;
}

/**
 * Progress over the years: a trust's measure and domain trends and England's medians, across every
 * cycle with results, with a break wherever the instrument changes. Built from the same cycle
 * datasets the results views read (cached until results change), so ICS and region trends can be
 * made the same way.
 */
@Injectable()
export class TrendsService {
  constructor(
    private readonly data: ResultsData,
    private readonly frameworks: FrameworksService,
    private readonly assessments: AssessmentsReader,
    private readonly scores: ResultScoresReader,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Every cycle's dataset that holds organisation results (`withSystems`: or ICB returns), oldest first. */
  async datasets(withSystems = false): Promise<CycleDataset[]> {
    const cycles = (await this.data.cycles()).filter(
      (c) => c.source !== null && c.organisationResults + (withSystems ? c.systemResults : 0) > 0,
    );
    const datasets = await Promise.all(cycles.reverse().map((c) => this.data.dataset(c.id)));
    return datasets.filter((d): d is CycleDataset => d !== null);
  }

  /** The framework each sealed return answered; the cycle's own framework for the cycle as a whole. */
  async instruments(datasets: CycleDataset[]) {
    const sealed = datasets.filter((d) => d.source === 'sealed').map((d) => d.cycle.id);
    const banks = new Map<string, TrendInstrument>();
    const questionBank = async (frameworkId: string, version: string) => {
      const key = `${frameworkId}@${version}`;
      if (!banks.has(key))
        banks.set(key, questionBankInstrument(await this.frameworks.document(frameworkId, version)));
      return banks.get(key)!;
    };
    const byReturn = new Map<string, TrendInstrument>();
    for (const id of sealed) {
      for (const [returnId, f] of await this.assessments.frameworksIn(id))
        byReturn.set(returnId, await questionBank(f.frameworkId, f.version));
    }
    const cycles = sealed.length
      ? await this.dataSource.query<
          { id: string; organisation_framework_id: string; organisation_framework_version: string }[]
        >(
          `SELECT id, organisation_framework_id, organisation_framework_version FROM cycle WHERE id = ANY($1::uuid[])`,
          [sealed],
        )
      : [];
    const byCycle = new Map<string, TrendInstrument>();
    for (const c of cycles)
      byCycle.set(c.id, await questionBank(c.organisation_framework_id, c.organisation_framework_version));
    return {
      ofRow: (d: CycleDataset, row: ScoreRow): TrendInstrument =>
        d.source === 'published'
          ? PUBLISHED
          : ((row.returnId ? byReturn.get(row.returnId) : undefined) ?? byCycle.get(d.cycle.id)!),
      ofCycle: (d: CycleDataset): TrendInstrument =>
        d.source === 'published' ? PUBLISHED : byCycle.get(d.cycle.id)!,
    };
  }

  /**
   * `maySeeOn(referenceDate)` says whether the viewer may see the organisation's results of a cycle with
   * that reference date: as on the results page, a cycle follows its own hierarchy (an ICS lead sees a
   * trust's cycles from when it was in their ICS, not the years before it joined).
   */
  async trust(
    code: string,
    requested: CareSetting | undefined,
    maySeeOn: (referenceDate: string) => Promise<boolean>,
  ): Promise<TrustTrends> {
    const organisation = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ odsCode: code });
    if (!organisation)
      throw new NotFoundApiException('ORGANISATION_NOT_FOUND', `There is no organisation ${code}.`);
    const all = await this.datasets();
    const seen = await Promise.all(all.map((d) => maySeeOn(d.cycle.referenceDate)));
    const datasets = all.filter((_, i) => seen[i]);
    const own = datasets.flatMap((dataset) =>
      dataset.rows
        .filter((r) => r.level === 'organisation' && r.code === code)
        .map((row) => ({ dataset, row })),
    );
    const careSettings = CARE_SETTINGS.filter((s) => own.some((o) => o.row.careSetting === s));
    const careSetting = requested ?? careSettings[0] ?? null;
    const instruments = await this.instruments(datasets);
    const points: OwnPoint[] = own
      .filter((o) => o.row.careSetting === careSetting)
      .map(({ dataset, row }) => ({
        cycle: trendCycle(dataset.cycle),
        dataset,
        row,
        instrument: instruments.ofRow(dataset, row),
      }));
    const series = (value: (p: OwnPoint) => number | null) =>
      buildSeries(points.map((p) => ({ cycle: p.cycle, instrument: p.instrument, value: value(p) })));
    const measures: MeasureTrend[] = [
      ...MEASURE_IDS.map((m) => ({ key: m, points: series((p) => p.row.measures[m]) })),
      { key: 'overall', points: series((p) => p.row.overall) },
      { key: 'comparable-overall', points: comparableOverall(points) },
    ];
    const allCycles = new Map<string, TrendCycle>();
    for (const m of measures) for (const p of m.points) allCycles.set(p.cycle.name, p.cycle);
    return {
      organisation: { odsCode: organisation.odsCode, name: organisation.name },
      careSettings,
      careSetting,
      cycles: [...allCycles.values()].sort((a, b) => a.referenceDate.localeCompare(b.referenceDate)),
      measures,
      domains: await this.domains(points),
      change: change(measures),
      basis:
        `Each cycle's ${careSetting ?? ''} result for this organisation: NHS England's published scores where ` +
        `a cycle has them, else the scores of the organisation's sealed return. The line breaks wherever ` +
        `the instrument changes (the national assessment, or a version of our question bank), because ` +
        `their scores are not comparable. Domain levels come from sealed returns and are joined across ` +
        `versions only where a domain's levels mean the same in both.`,
    };
  }

  private async domains(points: OwnPoint[]) {
    const sealed = points.filter((p) => p.dataset.source === 'sealed' && p.row.returnId);
    const levels = await this.scores.domainLevelsOf(sealed.map((p) => p.row.returnId!));
    const inputs = [];
    for (const p of sealed) {
      if (p.instrument.kind !== 'question-bank') continue;
      inputs.push({
        cycle: p.cycle,
        framework: await this.frameworks.document(p.instrument.frameworkId, p.instrument.version),
        levels: levels.get(p.row.returnId!) ?? {},
      });
    }
    return buildDomainSeries(inputs);
  }

  async national(careSetting: CareSetting): Promise<NationalTrends> {
    const datasets = await this.datasets();
    const instruments = await this.instruments(datasets);
    const points = datasets.flatMap((dataset) => {
      const rows = dataset.rows.filter((r) => r.level === 'organisation' && r.careSetting === careSetting);
      if (rows.length === 0) return [];
      return [
        {
          cycle: trendCycle(dataset.cycle),
          instrument: instruments.ofCycle(dataset),
          measures: perMeasure((m) =>
            distribution(
              rows.map((r) => r.measures[m]).filter((v): v is number => v !== null),
              { anonymous: true },
            ),
          ),
        },
      ];
    });
    return {
      careSetting,
      points: buildSeries(points),
      basis:
        `The median of every ${careSetting.replace('-', ' ')} provider's score in England, per cycle: ` +
        `NHS England's published scores where a cycle has them, else sealed returns. Not shown from fewer ` +
        `than ${MINIMUM_ANONYMOUS_COUNT} organisations. The line breaks wherever the instrument changes.`,
    };
  }
}

/**
 * NHS England's comparable overall: each published row gives this year's and last year's, over the
 * domains asked in both years. A series of its own, never joined to the question bank's scores.
 */
function comparableOverall(points: OwnPoint[]) {
  const byName = new Map<string, { cycle: TrendCycle; instrument: TrendInstrument; value: number | null }>();
  for (const p of points) {
    if (p.dataset.source !== 'published') continue;
    const { previousComparable, comparable } = p.row;
    const previousName = p.dataset.previousCycleName;
    if (previousComparable !== null && previousName && !byName.has(previousName)) {
      byName.set(previousName, {
        cycle: { id: null, name: previousName, referenceDate: yearBefore(p.cycle.referenceDate) },
        instrument: PUBLISHED,
        value: previousComparable,
      });
    }
    if (comparable !== null)
      byName.set(p.cycle.name, { cycle: p.cycle, instrument: PUBLISHED, value: comparable });
  }
  return buildSeries([...byName.values()]);
}

/** The change since the last cycle, per measure and overall, labelled by the overall series. */
export function change(measures: MeasureTrend[]): TrendChange | null {
  const overall = measures.find((m) => m.key === 'overall')!;
  const last = changeSinceLast(overall.points);
  if (!last) return null;
  const of = (key: MeasureId) =>
    last.comparable ? (changeSinceLast(measures.find((m) => m.key === key)!.points)?.change ?? null) : null;
  return {
    previous: last.previous,
    current: last.current,
    comparable: last.comparable,
    label: last.label,
    measures: perMeasure(of),
    overall: last.change,
  };
}
