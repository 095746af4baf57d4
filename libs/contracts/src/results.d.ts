import type { IsoDate } from './common.js';
import type { CareSetting, IcsSummary, RegionSummary } from './organisations.js';
import type { MeasureId, ReturnState } from './returns.js';

// ---------------------------------------------------------------------------------------------
// Published results: imports of NHS England's DMA data file
// ---------------------------------------------------------------------------------------------

/** `review`: some names need an administrator to confirm a match. `applied`: the rows are results. */
export type ImportState = 'review' | 'applied';

/** How a published name was matched to an ODS code. */
export type MatchMethod =
  /** The organisation's or ICB's name, after normalising case, punctuation and "NHS". */
  | 'name'
  /** A name the organisation had before a rename. */
  | 'previous-name'
  /** A match an administrator confirmed in an earlier import. */
  | 'confirmed-before'
  /** Confirmed by an administrator in this import. */
  | 'confirmed';

export interface MatchSuggestion {
  odsCode: string;
  name: string;
  /** 0–1: how alike the normalised names are. */
  similarity: number;
}

/**
 * One distinct name in the file (an organisation or an ICS), with every row that uses it.
 * `matched`: the name matched exactly one organisation or ICB. `doubtful`: it matched, but something
 * disagrees (for example the organisation's ICS in our hierarchy is not the ICS the file names).
 * `unmatched`: no organisation has that name; see the suggestions.
 */
export interface ImportName {
  kind: 'organisation' | 'ics';
  publishedName: string;
  /** The ICS the file places this organisation in (organisations only). */
  publishedIcs: string | null;
  rows: number;
  status: 'matched' | 'doubtful' | 'unmatched';
  /** Why a doubtful or unmatched name needs a look, in plain English. */
  reason: string | null;
  match: { odsCode: string; name: string; method: MatchMethod } | null;
  suggestions: MatchSuggestion[];
}

export interface ImportSheetCount {
  /** The sheet's name in the file. */
  sheet: string;
  what: 'provider-measures' | 'icb-measures' | 'provider-comparable-overall' | 'icb-comparable-overall';
  rows: number;
}

export interface ImportSummary {
  id: string;
  cycle: { id: string; name: string };
  fileName: string;
  sha256: string;
  sourceTitle: string;
  publicationDate: IsoDate | null;
  state: ImportState;
  providerRows: number;
  icbRows: number;
  /** Names still to confirm before the import can be applied. */
  toReview: number;
  importedAt: string;
  importedBy: string | null;
  appliedAt: string | null;
}

export interface ImportDetail extends ImportSummary {
  sheets: ImportSheetCount[];
  /** Doubtful and unmatched names first, then the matched ones. */
  names: ImportName[];
  /** True when the same file had already been imported into this cycle: nothing changed. */
  unchanged?: boolean;
}

export interface ImportList {
  items: ImportSummary[];
}

/**
 * POST /api/imports/:id/matches — confirm matches for doubtful or unmatched names. When nothing is
 * left to review the import is applied at once.
 */
export interface ConfirmMatchesRequest {
  matches: Array<{ kind: 'organisation' | 'ics'; publishedName: string; odsCode: string }>;
}

// ---------------------------------------------------------------------------------------------
// Results and comparisons
// ---------------------------------------------------------------------------------------------

/** `published`: NHS England's validated figures (imported). `sealed`: self-assessed, board-approved returns. */
export type ResultSource = 'published' | 'sealed';

export interface Publication {
  title: string;
  fileName: string;
  publicationDate: IsoDate | null;
  importedAt: string;
}

/** A cycle and where its results come from. A cycle with published results uses those only. */
export interface ResultCycle {
  id: string;
  name: string;
  referenceDate: IsoDate;
  source: ResultSource | null;
  publication: Publication | null;
  /** Organisation (per care setting) and ICB results held for the cycle. */
  organisationResults: number;
  systemResults: number;
  /** The cycle accepting returns today, if this is it. */
  current: boolean;
}

export interface ResultCycleList {
  /** Newest reference date first. */
  items: ResultCycle[];
}

/** One set of seven measure scores (null where a measure has no score) and the overall score. */
export interface MeasureScores {
  measures: Record<MeasureId, number | null>;
  /** Mean of the measures with a score (for published rows: of the seven published measure scores). */
  overall: number | null;
}

/**
 * A distribution across organisations. When fewer than 5 organisations contribute and the viewer may
 * not see each of them named, only `count` is given and `suppressed` is true.
 */
export interface Distribution {
  count: number;
  suppressed: boolean;
  min: number | null;
  lowerQuartile: number | null;
  median: number | null;
  upperQuartile: number | null;
  max: number | null;
  mean: number | null;
}

/** Says what a figure is: the label the page prints beside every chart and table. */
export interface FigureBasis {
  cycle: { id: string; name: string; referenceDate: IsoDate };
  source: ResultSource;
  publication: Publication | null;
  /** Null for ICB (system-level) figures and when every care setting is shown. */
  careSetting: CareSetting | null;
  /** How many organisations (or ICBs) the figures are drawn from. */
  count: number;
  /** Plain English, e.g. "Median and quartiles (inclusive method) of 134 acute providers' published scores". */
  aggregation: string;
}

/** Where a score sits in a distribution: by quarter, never a rank. */
export type QuartilePosition =
  'lowest-quarter' | 'second-quarter' | 'at-median' | 'third-quarter' | 'highest-quarter';

export interface NamedScores extends MeasureScores {
  odsCode: string;
  name: string;
  careSetting: CareSetting | null;
}

export interface DomainLevelResult {
  domainId: string;
  title: string;
  measure: MeasureId;
  /** Null when not applicable. */
  level: number | null;
  /** The texts of the next level's elements not met (empty at level 5 or when not applicable). */
  nextLevelNeeds: string[];
}

/** GET /api/organisations/:code/results?cycle=&careSetting=&at= */
export interface TrustResults {
  organisation: { odsCode: string; name: string };
  ics: IcsSummary | null;
  region: RegionSummary | null;
  cycle: ResultCycle;
  /** Care settings the organisation has results for in this cycle. */
  careSettings: CareSetting[];
  /** The care setting asked for, else the first of `careSettings`; null when there is none. */
  careSetting: CareSetting | null;
  basis: FigureBasis;
  /** Null when the organisation has no result for this care setting in this cycle. */
  scores: MeasureScores | null;
  measures: Array<{
    measure: MeasureId;
    score: number | null;
    /** The organisation's ICS, same care setting, including the organisation itself. */
    ics: Distribution;
    /** England, same care setting. */
    national: Distribution;
    /** Against the national quartiles; null when the score or the distribution is missing or suppressed. */
    position: QuartilePosition | null;
  }>;
  /**
   * Published: NHS England's overall score over comparable domains only, this year and last. Sealed:
   * the overall score of this cycle's and the previous cycle's sealed returns when both answered the
   * same framework version. Null when there is nothing to compare.
   */
  comparableOverall: { current: number | null; previous: number | null; previousCycleName: string } | null;
  /** Other organisations in the same ICS with a result for the same care setting, named. */
  peers: NamedScores[];
  /** Each domain's level for the organisation's own sealed return, with what the next level needs. */
  domains: DomainLevelResult[] | null;
  returnId: string | null;
}

export interface HeatmapRow extends NamedScores {
  /** `system`: the ICB's own ICS-level return (shown beside its providers, never mixed into them). */
  level: 'organisation' | 'system';
  source: ResultSource;
}

/** GET /api/ics/:code/results?cycle=&careSetting=&at= */
export interface IcsResults {
  ics: IcsSummary;
  region: RegionSummary | null;
  cycle: ResultCycle;
  /** Null: every care setting. */
  careSetting: CareSetting | null;
  careSettings: CareSetting[];
  basis: FigureBasis;
  /** One row per organisation and care setting (named), ordered by name then care setting. */
  rows: HeatmapRow[];
  /** The ICB's own system-level return; null when the ICB has no result for this cycle. */
  system: HeatmapRow | null;
  /** Spread per measure for each care setting shown (comparisons stay within a care setting). */
  spread: Array<{ careSetting: CareSetting; measures: Record<MeasureId, Distribution> }>;
}

export type CompletionState = 'not-started' | ReturnState;

/** GET /api/ics/:code/completion?cycle=&at= — the state of each return of the cycle (never its content). */
export interface IcsCompletion {
  ics: IcsSummary;
  cycle: { id: string; name: string; referenceDate: IsoDate };
  rows: Array<{
    odsCode: string;
    name: string;
    /** Null for the ICB's own return. */
    careSetting: CareSetting | null;
    level: 'organisation' | 'system';
    state: CompletionState;
    revision: number | null;
  }>;
  counts: Record<CompletionState, number>;
}

/** `providers`: the distribution of provider scores. `icb`: each ICB's own return. */
export type AreaBasis = 'providers' | 'icb';

export interface AreaGroupRow {
  /** An ICS (region view) or a region (national view). */
  code: string;
  name: string;
  /** Per measure: the median of the group's providers (basis providers) or the ICB's own score (basis icb, region view). */
  measures: Record<MeasureId, Distribution>;
  /** Share of the group's organisations below the threshold, per measure (0–1; null when none). */
  belowThreshold: Record<MeasureId, { count: number; of: number; share: number | null }>;
}

export interface Movement {
  /** Organisations with both years' comparable overall scores. */
  count: number;
  improved: number;
  declined: number;
  unchanged: number;
  /** Mean of (this year − last year), comparable domains only. */
  meanChange: number | null;
  previousMean: number | null;
  currentMean: number | null;
}

/** GET /api/regions/:code/results and GET /api/national/results (?cycle=&basis=&careSetting=&threshold=&at=). */
export interface AreaResults {
  area: { type: 'region' | 'national'; code: string | null; name: string };
  cycle: ResultCycle;
  basis: AreaBasis;
  /** For basis providers; null for basis icb. */
  careSetting: CareSetting | null;
  careSettings: CareSetting[];
  threshold: number;
  figureBasis: FigureBasis;
  groups: AreaGroupRow[];
  /** The whole area, per measure. */
  distribution: Record<MeasureId, Distribution>;
  belowThreshold: Record<MeasureId, { count: number; of: number; share: number | null }>;
  /** Movement on the comparable overall score, per group and for the area; null without comparable figures. */
  movement: {
    previousCycleName: string;
    groups: Array<{ code: string; name: string } & Movement>;
    area: Movement;
  } | null;
}

/** GET /api/regions/:code/completion?cycle=&at= — completion of the cycle's returns by ICS. */
export interface RegionCompletion {
  region: RegionSummary;
  cycle: { id: string; name: string; referenceDate: IsoDate };
  groups: Array<{ code: string; name: string; expected: number; counts: Record<CompletionState, number> }>;
}
