import type {
  AreaBasis,
  AreaGroupRow,
  AreaResults,
  CareSetting,
  Distribution,
  FigureBasis,
  HeatmapRow,
  IcsResults,
  MeasureId,
  Movement,
  NamedScores,
  ShareBelow,
  SuppressionReason,
  TrustResults,
} from '@wgll/contracts';
import { CARE_SETTINGS, MEASURE_IDS } from '@wgll/framework';
import { quartilePosition, shareBelow, summarise, summariseMovement } from '@wgll/scoring';
import type { CycleDataset, ScoreRow } from './results-data.js';

/** Distributions that could identify organisations the viewer may not see named need this many. */
export const MINIMUM_ANONYMOUS_COUNT = 5;

/**
 * A comparison (an ICS median, a spread, a region's median) needs this many organisations: the median
 * of one is that organisation's own score, and of two their mean.
 */
export const MINIMUM_COMPARISON_COUNT = 3;

const SETTING_WORDS: Record<CareSetting, string> = {
  acute: 'acute',
  community: 'community',
  'mental-health': 'mental health',
  ambulance: 'ambulance',
};

const QUARTILES = 'median and quartiles (the middle half of organisations)';

export interface DistributionRule {
  /** The viewer may not see each organisation named: fewer than 5 are withheld. */
  anonymous: boolean;
  /** Fewer than this many are too few to compare (default 3); 1 where each value is shown as itself. */
  minimum?: number;
}

/** Why a figure from `count` organisations is withheld under `rule`; null when it is shown. */
function withheldReason(count: number, rule: DistributionRule): SuppressionReason | null {
  if (count === 0) return null;
  if (rule.anonymous && count < MINIMUM_ANONYMOUS_COUNT) return 'anonymity';
  return count < (rule.minimum ?? MINIMUM_COMPARISON_COUNT) ? 'too-few' : null;
}

/**
 * A distribution; withheld (only the count) when `anonymous` and fewer than 5 contribute, or when
 * fewer than the minimum (3) contribute. No values at all is not withheld: there is nothing to show.
 */
export function distribution(values: readonly number[], rule: DistributionRule): Distribution {
  const summary = summarise(values);
  const count = values.length;
  const reason = withheldReason(count, rule);
  if (!summary || reason) {
    return {
      count,
      suppressed: reason !== null,
      reason,
      min: null,
      lowerQuartile: null,
      median: null,
      upperQuartile: null,
      max: null,
      mean: null,
    };
  }
  const { min, lowerQuartile, median, upperQuartile, max, mean } = summary;
  return { count, suppressed: false, reason: null, min, lowerQuartile, median, upperQuartile, max, mean };
}

const NAMED: DistributionRule = { anonymous: false };

/** Organisations below the threshold; withheld (only how many have a score) like a distribution. */
export function shareOfBelow(
  values: readonly number[],
  threshold: number,
  rule: DistributionRule,
): ShareBelow {
  const share = shareBelow(values, threshold);
  const reason = withheldReason(share.of, rule);
  return reason
    ? { count: null, of: share.of, share: null, suppressed: true, reason }
    : { ...share, suppressed: false, reason: null };
}

/** Movement over pairs of scores; withheld (only how many have both years) like a distribution. */
export function movementOf(
  pairs: ReadonlyArray<{ previous: number | null; current: number | null }>,
  rule: DistributionRule,
): Movement {
  const { count, ...figures } = summariseMovement(pairs);
  const reason = withheldReason(count, rule);
  if (!reason) return { count, suppressed: false, reason: null, ...figures };
  // Every figure but the count, whatever the summary holds.
  const withheld = Object.fromEntries(Object.keys(figures).map((k) => [k, null])) as Record<
    keyof typeof figures,
    null
  >;
  return { count, suppressed: true, reason, ...withheld };
}

const scoresOf = (rows: readonly ScoreRow[], measure: MeasureId): number[] =>
  rows.map((r) => r.measures[measure]).filter((v): v is number => v !== null);

const perMeasure = <T>(f: (m: MeasureId) => T): Record<MeasureId, T> =>
  Object.fromEntries(MEASURE_IDS.map((m) => [m, f(m)])) as Record<MeasureId, T>;

export function figureBasis(
  dataset: CycleDataset,
  careSetting: CareSetting | null,
  count: number,
  aggregation: string,
): FigureBasis {
  const { cycle } = dataset;
  return {
    cycle: { id: cycle.id, name: cycle.name, referenceDate: cycle.referenceDate },
    source: dataset.source ?? 'sealed',
    publication: dataset.publication,
    careSetting,
    count,
    aggregation,
  };
}

const sourceWords = (dataset: CycleDataset) =>
  dataset.source === 'published' ? 'published scores' : 'scores from sealed returns';

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const named = (row: ScoreRow): NamedScores => ({
  odsCode: row.code,
  name: row.name,
  careSetting: row.careSetting,
  measures: row.measures,
  overall: row.overall,
});

const settingsIn = (rows: readonly ScoreRow[]): CareSetting[] =>
  CARE_SETTINGS.filter((s) => rows.some((r) => r.careSetting === s));

const organisationRows = (dataset: CycleDataset) => dataset.rows.filter((r) => r.level === 'organisation');

/** The comparable part of a trust's results (the caller adds names, hierarchy and own domains). */
export function trustComparison(
  dataset: CycleDataset,
  code: string,
  requested: CareSetting | undefined,
): Pick<
  TrustResults,
  'careSettings' | 'careSetting' | 'basis' | 'scores' | 'measures' | 'comparableOverall' | 'peers'
> & { row: ScoreRow | null } {
  const own = organisationRows(dataset).filter((r) => r.code === code);
  const careSettings = settingsIn(own);
  const careSetting = requested ?? careSettings[0] ?? null;
  const row = own.find((r) => r.careSetting === careSetting) ?? null;
  const national = organisationRows(dataset).filter((r) => r.careSetting === careSetting);
  const ics = row ? national.filter((r) => r.icsCode === row.icsCode) : [];
  const providers = careSetting ? `${SETTING_WORDS[careSetting]} providers` : 'providers';
  return {
    row,
    careSettings,
    careSetting,
    basis: figureBasis(
      dataset,
      careSetting,
      national.length,
      `This organisation's ${sourceWords(dataset)} against the ${QUARTILES} of ${national.length} ${providers} ` +
        `in England and the median of the ${ics.length} in its ICS (this organisation included). ` +
        `National figures from fewer than ${MINIMUM_ANONYMOUS_COUNT} organisations are not shown, ` +
        `nor an ICS median from fewer than ${MINIMUM_COMPARISON_COUNT}. ` +
        (dataset.source === 'published'
          ? 'The overall score is the mean of the seven published measure scores, worked out here.'
          : 'The overall score is the mean of the measure scores.'),
    ),
    scores: row ? { measures: row.measures, overall: row.overall } : null,
    measures: MEASURE_IDS.map((measure) => {
      const score = row?.measures[measure] ?? null;
      const nationalValues = scoresOf(national, measure);
      const nationalDistribution = distribution(nationalValues, { anonymous: true });
      const summary = nationalDistribution.suppressed ? null : summarise(nationalValues);
      return {
        measure,
        score,
        // Peers in the ICS are shown named to this organisation, so only fewer than 3 withhold the median
        // (never the organisation's own score shown as its ICS's median).
        ics: distribution(scoresOf(ics, measure), NAMED),
        national: nationalDistribution,
        position: score !== null && summary ? quartilePosition(score, summary) : null,
      };
    }),
    comparableOverall:
      row && (dataset.source === 'published' || row.comparable !== null)
        ? {
            current: row.comparable,
            previous: row.previousComparable,
            previousCycleName: dataset.previousCycleName ?? 'the previous year',
          }
        : null,
    peers: ics.filter((r) => r.code !== code).map(named),
  };
}

/** The ICS view: every organisation named (the viewer may see them all), and the ICB's own return. */
export function icsComparison(
  dataset: CycleDataset,
  icsCode: string,
  careSetting: CareSetting | null,
): Pick<IcsResults, 'careSetting' | 'careSettings' | 'basis' | 'rows' | 'system' | 'spread'> {
  const all = organisationRows(dataset).filter((r) => r.icsCode === icsCode);
  const rows = all.filter((r) => careSetting === null || r.careSetting === careSetting);
  const system = dataset.rows.find((r) => r.level === 'system' && r.icsCode === icsCode) ?? null;
  const heat = (r: ScoreRow): HeatmapRow => ({
    ...named(r),
    level: r.level,
    source: dataset.source ?? 'sealed',
  });
  return {
    careSetting,
    careSettings: settingsIn(all),
    basis: figureBasis(
      dataset,
      careSetting,
      new Set(rows.map((r) => r.code)).size,
      `Each organisation's ${sourceWords(dataset)} (${rows.length} rows, one per organisation and care setting); ` +
        `spread: minimum, ${QUARTILES} and maximum within each care setting (not shown for fewer than ` +
        `${MINIMUM_COMPARISON_COUNT} organisations). The ICB's own return is its ` +
        `ICS-level assessment, not an average of its providers.`,
    ),
    rows: rows.map(heat),
    system: system ? heat(system) : null,
    spread: settingsIn(rows).map((setting) => {
      const inSetting = rows.filter((r) => r.careSetting === setting);
      return {
        careSetting: setting,
        measures: perMeasure((m) => distribution(scoresOf(inSetting, m), NAMED)),
      };
    }),
  };
}

/** Region (groups: its ICSs) or national (groups: regions) distributions; the viewer may see every row. */
export function areaComparison(
  dataset: CycleDataset,
  area: { type: 'region' | 'national'; code: string | null },
  basis: AreaBasis,
  requested: CareSetting | undefined,
  threshold: number,
): Pick<
  AreaResults,
  | 'basis'
  | 'careSetting'
  | 'careSettings'
  | 'threshold'
  | 'figureBasis'
  | 'groups'
  | 'distribution'
  | 'belowThreshold'
  | 'movement'
> {
  const inArea = dataset.rows.filter((r) => area.type === 'national' || r.regionCode === area.code);
  const providers = inArea.filter((r) => r.level === 'organisation');
  const careSettings = settingsIn(providers);
  const careSetting = basis === 'providers' ? (requested ?? careSettings[0] ?? 'acute') : null;
  const units =
    basis === 'providers'
      ? providers.filter((r) => r.careSetting === careSetting)
      : inArea.filter((r) => r.level === 'system');
  const groupOf = (r: ScoreRow) =>
    area.type === 'region'
      ? { code: r.icsCode, name: r.icsName }
      : { code: r.regionCode ?? '', name: r.regionName ?? 'No region' };
  const groups = new Map<string, { code: string; name: string; rows: ScoreRow[] }>();
  for (const row of units) {
    const g = groupOf(row);
    const group = groups.get(g.code) ?? { ...g, rows: [] };
    group.rows.push(row);
    groups.set(g.code, group);
  }
  const ordered = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
  // A region's ICBs by their own returns: one each, shown as itself (not a comparison).
  const groupRule: DistributionRule =
    basis === 'icb' && area.type === 'region' ? { anonymous: false, minimum: 1 } : NAMED;
  const below = (rows: ScoreRow[], rule: DistributionRule) =>
    perMeasure((m) => shareOfBelow(scoresOf(rows, m), threshold, rule));
  const groupRows: AreaGroupRow[] = ordered.map((g) => ({
    code: g.code,
    name: g.name,
    measures: perMeasure((m) => distribution(scoresOf(g.rows, m), groupRule)),
    belowThreshold: below(g.rows, groupRule),
  }));
  const movement = (rows: ScoreRow[], rule: DistributionRule) =>
    movementOf(
      rows.map((r) => ({ previous: r.previousComparable, current: r.comparable })),
      rule,
    );
  const hasComparable = units.some((r) => r.comparable !== null && r.previousComparable !== null);
  const unitWords =
    basis === 'providers'
      ? `${units.length} ${SETTING_WORDS[careSetting!]} providers`
      : `${units.length} ICBs' own returns`;
  return {
    basis,
    careSetting,
    careSettings,
    threshold,
    figureBasis: figureBasis(
      dataset,
      careSetting,
      units.length,
      `${capitalise(sourceWords(dataset))} of ${unitWords}: ` +
        (basis === 'icb' && area.type === 'region'
          ? `each ICB's own score (its ICS-level return, not an average of its providers); `
          : `per ${area.type === 'region' ? 'ICS' : 'region'}, the ${QUARTILES} (not shown for fewer than ` +
            `${MINIMUM_COMPARISON_COUNT} organisations); `) +
        `share below the threshold: organisations scoring below ${threshold}; movement: ` +
        (dataset.source === 'published'
          ? `NHS England's overall score over comparable domains only. `
          : `overall scores of organisations that sealed returns on the same framework version both years. `) +
        `A share or a movement from fewer than ${MINIMUM_COMPARISON_COUNT} organisations is not shown` +
        (groupRule.minimum === 1 ? ` (each ICB's own is).` : '.'),
    ),
    groups: groupRows,
    distribution: perMeasure((m) => distribution(scoresOf(units, m), NAMED)),
    belowThreshold: below(units, NAMED),
    movement: hasComparable
      ? {
          previousCycleName: dataset.previousCycleName ?? 'the previous year',
          groups: ordered.map((g) => ({ code: g.code, name: g.name, ...movement(g.rows, groupRule) })),
          area: movement(units, NAMED),
        }
      : null,
  };
}
