/**
 * The WGLL framework format: a framework version is data (JSON), validated by `validateFramework`.
 * Measures have canonical ids; their display names belong to each version.
 */

export const MEASURE_IDS = [
  'well-led',
  'smart-foundations',
  'safe-practice',
  'support-people',
  'empower-citizens',
  'improve-care',
  'healthy-populations',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

/**
 * The measures' names in the WGLL framework (2021), for wording not tied to one framework version.
 * NHS England's 2025 data file names some of them differently ("Support Workforce", "Empower
 * People"); the ids are the same.
 */
export const MEASURE_NAMES: Readonly<Record<MeasureId, string>> = {
  'well-led': 'Well led',
  'smart-foundations': 'Ensure smart foundations',
  'safe-practice': 'Safe practice',
  'support-people': 'Support people',
  'empower-citizens': 'Empower citizens',
  'improve-care': 'Improve care',
  'healthy-populations': 'Healthy populations',
};

/** Framework, domain, lineage and element ids: lower-case words joined by dashes or dots. */
export const ID_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
/** Versions appear in addresses (/frameworks/:id/versions/:version), so they are address-safe. */
export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export const CARE_SETTINGS = ['acute', 'community', 'mental-health', 'ambulance'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

/** `organisation`: a trust's return (per care setting). `system`: the ICB's own return. */
export type FrameworkLevel = 'organisation' | 'system';
export type FrameworkStatus = 'draft' | 'published' | 'retired';

/**
 * How a domain relates to the previous version of its framework.
 * - `same`, `reworded`: the previous version has this lineage id and a level means the same in both,
 *   so figures join up across the versions.
 * - `changed`: the previous version has this lineage id, but the ladder changed meaning: a break.
 * - `new`: a lineage id no earlier version used.
 * - `split`: a new lineage id made from one domain of the previous version (`from`, one id): a break.
 * - `merged`: a new lineage id made from two or more domains of the previous version (`from`): a break.
 */
export const LINEAGE_RELATIONS = ['same', 'reworded', 'changed', 'new', 'split', 'merged'] as const;
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];

/** Relations whose figures join the previous version's without a break. */
export const JOINING_RELATIONS: ReadonlySet<LineageRelation> = new Set(['same', 'reworded']);
/** Relations that continue a lineage id of the previous version. */
export const CONTINUING_RELATIONS: ReadonlySet<LineageRelation> = new Set(['same', 'reworded', 'changed']);

export type LevelNumber = 1 | 2 | 3 | 4 | 5;

export interface FrameworkElement {
  /** Unique within the framework version. */
  id: string;
  /** A concrete, checkable statement a board can tick honestly. */
  text: string;
  /** What the statement means in practice. */
  guidance: string;
  /** The evidence that would show it is met. */
  evidence: string;
}

export interface DomainLevel {
  level: LevelNumber;
  descriptor: string;
  /** None at level 1 (where every domain starts); 2 to 4 at levels 2–5. */
  elements: FrameworkElement[];
}

export interface DomainLineage {
  /** Stable across versions: domains with the same lineage id are comparable over years. */
  id: string;
  relation: LineageRelation;
  /** For `split` (one) and `merged` (two or more): the previous version's lineage ids it came from. */
  from?: string[];
  /** What changed and why; required for reworded, changed, split and merged. */
  note?: string;
}

/** A lineage of the previous version that this version no longer carries, and why. */
export interface RetiredLineage {
  lineageId: string;
  reason: string;
}

/** The version this one succeeds (same framework id and level), and the lineages it retires. */
export interface PreviousVersionLink {
  version: string;
  retired: RetiredLineage[];
}

export interface FrameworkDomain {
  id: string;
  measure: MeasureId;
  title: string;
  whatGoodLooksLike: string;
  /** The care settings whose returns include this domain. */
  careSettings: CareSetting[] | 'all';
  notApplicableAllowed: boolean;
  lineage: DomainLineage;
  /** Exactly five, levels 1 to 5 in order. */
  levels: DomainLevel[];
}

export interface FrameworkMeasure {
  id: MeasureId;
  /** This version's display name, e.g. "Support people" or "Support workforce". */
  name: string;
}

export interface FrameworkVersion {
  frameworkId: string;
  version: string;
  title: string;
  /** YYYY-MM-DD; null while a draft. */
  publishedOn: string | null;
  status: FrameworkStatus;
  level: FrameworkLevel;
  scale: { min: 1; max: 5 };
  /** All seven measures, in the official order. */
  measures: FrameworkMeasure[];
  domains: FrameworkDomain[];
  /** Absent for a first version; required for lineage other than `new`. */
  previousVersion?: PreviousVersionLink;
}

/**
 * True when a domain is part of the return for a care setting. Here rather than beside the validator,
 * so that code scoring returns (the web app's questionnaire) does not load the validator and zod.
 */
export function appliesTo(domain: Pick<FrameworkDomain, 'careSettings'>, setting: CareSetting): boolean {
  return domain.careSettings === 'all' || domain.careSettings.includes(setting);
}
