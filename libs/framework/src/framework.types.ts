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

/** Framework, domain, lineage and element ids: lower-case words joined by dashes or dots. */
export const ID_PATTERN = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
/** Versions appear in addresses (/frameworks/:id/versions/:version), so they are address-safe. */
export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export const CARE_SETTINGS = ['acute', 'community', 'mental-health', 'ambulance'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

/** `organisation`: a trust's return (per care setting). `system`: the ICB's own return. */
export type FrameworkLevel = 'organisation' | 'system';
export type FrameworkStatus = 'draft' | 'published' | 'retired';

/** How a domain relates to the previous version's domain of the same lineage. */
export type LineageRelation = 'same' | 'reworded' | 'changed' | 'new';

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
}

/**
 * True when a domain is part of the return for a care setting. Here rather than beside the validator,
 * so that code scoring returns (the web app's questionnaire) does not load the validator and zod.
 */
export function appliesTo(domain: Pick<FrameworkDomain, 'careSettings'>, setting: CareSetting): boolean {
  return domain.careSettings === 'all' || domain.careSettings.includes(setting);
}
