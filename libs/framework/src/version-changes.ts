import {
  appliesTo,
  CARE_SETTINGS,
  type CareSetting,
  CONTINUING_RELATIONS,
  type FrameworkDomain,
  type FrameworkMeasure,
  type FrameworkVersion,
  type LineageRelation,
  type MeasureId,
} from './framework.types.js';

/** A domain of the previous version, as a change names it. */
export interface PreviousDomain {
  lineageId: string;
  domainId: string;
  title: string;
  measure: MeasureId;
}

/** One domain of the newer version and how it relates to the previous version. */
export interface DomainChange {
  domainId: string;
  title: string;
  measure: MeasureId;
  relation: LineageRelation;
  note: string | null;
  /** The previous version's domains it continues or came from (none for a new domain). */
  from: PreviousDomain[];
}

/** How many domains and elements a return has, before and after. */
export interface ReturnSize {
  /** A care setting, or null for a system framework (one return, no care settings). */
  careSetting: CareSetting | null;
  before: { domains: number; elements: number };
  after: { domains: number; elements: number };
}

/** What changed from one framework version to the next: the framework reader's "what changed" page. */
export interface VersionChanges {
  frameworkId: string;
  level: FrameworkVersion['level'];
  previous: { version: string; title: string };
  current: { version: string; title: string };
  /** The newer version's measure names, in order. */
  measures: FrameworkMeasure[];
  /** Every domain of the newer version, in its order. */
  domains: DomainChange[];
  /** The previous version's domains that end here, with the reason given. */
  retired: Array<PreviousDomain & { reason: string }>;
  returnSizes: ReturnSize[];
}

function sizeOf(f: FrameworkVersion, careSetting: CareSetting | null) {
  const domains = careSetting ? f.domains.filter((d) => appliesTo(d, careSetting)) : f.domains;
  return {
    domains: domains.length,
    elements: domains.reduce((n, d) => n + d.levels.reduce((m, l) => m + l.elements.length, 0), 0),
  };
}

/**
 * Compares a version with the one it follows (`current.previousVersion`), which the caller has checked
 * with validateLineage: a lineage missing from `previous` is left out of `from` rather than thrown on.
 */
export function versionChanges(previous: FrameworkVersion, current: FrameworkVersion): VersionChanges {
  const byLineage = new Map(previous.domains.map((d) => [d.lineage.id, d]));
  const named = (d: FrameworkDomain): PreviousDomain => ({
    lineageId: d.lineage.id,
    domainId: d.id,
    title: d.title,
    measure: d.measure,
  });
  const found = (ids: string[]) =>
    ids.flatMap((id) => {
      const d = byLineage.get(id);
      return d ? [named(d)] : [];
    });
  return {
    frameworkId: current.frameworkId,
    level: current.level,
    previous: { version: previous.version, title: previous.title },
    current: { version: current.version, title: current.title },
    measures: current.measures,
    domains: current.domains.map((d) => ({
      domainId: d.id,
      title: d.title,
      measure: d.measure,
      relation: d.lineage.relation,
      note: d.lineage.note ?? null,
      from: found(CONTINUING_RELATIONS.has(d.lineage.relation) ? [d.lineage.id] : (d.lineage.from ?? [])),
    })),
    retired: (current.previousVersion?.retired ?? []).flatMap((r) => {
      const d = byLineage.get(r.lineageId);
      return d ? [{ ...named(d), reason: r.reason }] : [];
    }),
    returnSizes: (current.level === 'organisation' ? [...CARE_SETTINGS] : [null]).map((careSetting) => ({
      careSetting,
      before: sizeOf(previous, careSetting),
      after: sizeOf(current, careSetting),
    })),
  };
}
