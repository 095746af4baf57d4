import type { FrameworkDomain, FrameworkVersion, MeasureId } from '@wgll/framework';
import { domainLevel } from './domain-level.js';

/**
 * National targets (issue 19): what counts for one organisation, how many organisations of an area
 * count, and whether the share is on course to reach the target by its date.
 */

/** What counts: a domain at or above a level, an element met, or a measure (or overall) score at or above a value. */
export type TargetCriterion =
  | { kind: 'domain'; frameworkId: string; lineageId: string; level: number }
  | { kind: 'element'; frameworkId: string; lineageId: string; elementId: string }
  | { kind: 'measure'; measure: MeasureId | 'overall'; value: number };

/** Where an organisation (or one of its returns) stands against a target. */
export type TargetStatus = 'met' | 'not-yet' | 'no-data';

/** The domain a target's lineage is read from in one framework version. */
export type ResolvedDomain =
  { domain: FrameworkDomain; note: string | null } | { domain: null; note: string };

/**
 * The lineages a target follows from `lineageId`: itself, and every domain it was merged into, in
 * any version of the framework (a merge gives the merged domain a new lineage id naming those it came
 * from). A split is not followed: which part would carry the target is a decision for its author.
 */
export function followedLineages(lineageId: string, versions: readonly FrameworkVersion[]): Set<string> {
  const followed = new Set([lineageId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const v of versions) {
      for (const d of v.domains) {
        if (
          d.lineage.relation === 'merged' &&
          !followed.has(d.lineage.id) &&
          (d.lineage.from ?? []).some((f) => followed.has(f))
        ) {
          followed.add(d.lineage.id);
          grew = true;
        }
      }
    }
  }
  return followed;
}

/** The domain of `version` that carries the target's lineage (its own, or one it was merged into). */
export function resolveTargetDomain(
  lineageId: string,
  version: FrameworkVersion,
  versions: readonly FrameworkVersion[],
): ResolvedDomain {
  const own = version.domains.find((d) => d.lineage.id === lineageId);
  if (own) return { domain: own, note: null };
  const followed = followedLineages(lineageId, [...versions, version]);
  const merged = version.domains.find((d) => followed.has(d.lineage.id));
  if (merged) {
    return {
      domain: merged,
      note: `Version ${version.version} merged ${lineageId} into "${merged.title}" (${merged.id}); read from that domain.`,
    };
  }
  const split = version.domains.filter(
    (d) => d.lineage.relation === 'split' && (d.lineage.from ?? []).includes(lineageId),
  );
  return {
    domain: null,
    note: split.length
      ? `Version ${version.version} split ${lineageId} into ${split.map((d) => d.id).join(' and ')}; the target does not say which to read.`
      : `Version ${version.version} has no domain carrying ${lineageId}.`,
  };
}

/** One sealed return's answer to the target's domain: elements met, or "not applicable". */
export type TargetAnswer = { notApplicable: true } | { notApplicable?: false; met: ReadonlySet<string> };

/**
 * Where one sealed return stands against a domain or element target, once its domain is resolved.
 * No answer, "not applicable", or an element the version does not have: no data.
 */
export function returnStatus(
  criterion: Extract<TargetCriterion, { kind: 'domain' | 'element' }>,
  domain: FrameworkDomain | null,
  answer: TargetAnswer | undefined,
): TargetStatus {
  if (!domain || !answer || answer.notApplicable) return 'no-data';
  if (criterion.kind === 'domain') {
    return domainLevel(domain, answer.met) >= criterion.level ? 'met' : 'not-yet';
  }
  const exists = domain.levels.some((l) => l.elements.some((e) => e.id === criterion.elementId));
  if (!exists) return 'no-data';
  return answer.met.has(criterion.elementId) ? 'met' : 'not-yet';
}

/** Where a score stands against a measure target (at or above the value); no score is no data. */
export function scoreStatus(value: number, score: number | null | undefined): TargetStatus {
  if (score === null || score === undefined || !Number.isFinite(score)) return 'no-data';
  // Compare in thousandths so a mean like 2.9999999 from floating point is not below 3.
  return Math.round(score * 1000) >= Math.round(value * 1000) ? 'met' : 'not-yet';
}

/**
 * An organisation with several returns (one per care setting the target covers): not yet when any
 * return with data is not yet there, met when some are met and none is not yet, else no data.
 */
export function organisationStatus(statuses: readonly TargetStatus[]): TargetStatus {
  if (statuses.includes('not-yet')) return 'not-yet';
  if (statuses.includes('met')) return 'met';
  return 'no-data';
}

export interface TargetCounts {
  /** Organisations in scope with at least one of the target's care settings. */
  total: number;
  met: number;
  notYet: number;
  noData: number;
  /** met / total: organisations without data count as not there. Null when there are none. */
  share: number | null;
  /** met / (met + notYet): among those with data. Null when none has data. */
  shareOfKnown: number | null;
}

export function countStatuses(statuses: readonly TargetStatus[]): TargetCounts {
  const met = statuses.filter((s) => s === 'met').length;
  const notYet = statuses.filter((s) => s === 'not-yet').length;
  const total = statuses.length;
  return {
    total,
    met,
    notYet,
    noData: total - met - notYet,
    share: total > 0 ? met / total : null,
    shareOfKnown: met + notYet > 0 ? met / (met + notYet) : null,
  };
}

/** Whether `met` of `total` reaches `percent` % (exactly, without floating point). */
export function reaches(met: number, total: number, percent: number): boolean {
  return total > 0 && met * 100 >= percent * total;
}

export type TargetOutlook = 'reached' | 'on-track' | 'off-track' | 'missed' | 'not-enough-data';

/** One cycle's figure: the cycle's reference date and its counts. */
export interface OutlookPoint {
  date: string;
  counts: TargetCounts;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

/**
 * Whether the target is on course: reached when the latest cycle with data reaches the share; missed
 * when not and the date has passed; otherwise the straight line through the first and the latest
 * cycles with data, carried on to the target date, decides (on track when it reaches the share there).
 * A cycle counts as having data when at least one organisation has data. One such cycle is not
 * enough to tell a direction.
 */
export function targetOutlook(
  points: readonly OutlookPoint[],
  percent: number,
  due: string,
  today: string,
): TargetOutlook {
  const known = [...points]
    .filter((p) => p.counts.total > 0 && p.counts.met + p.counts.notYet > 0)
    .sort((a, b) => a.date.localeCompare(b.date));
  const last = known.at(-1);
  if (!last) return today > due ? 'missed' : 'not-enough-data';
  if (reaches(last.counts.met, last.counts.total, percent)) return 'reached';
  if (today > due) return 'missed';
  const first = known[0]!;
  if (known.length < 2 || first.date === last.date) return 'not-enough-data';
  const slope = (last.counts.share! - first.counts.share!) / days(first.date, last.date);
  if (slope <= 0) return 'off-track';
  const projected = last.counts.share! + slope * days(last.date, due);
  return projected * 100 >= percent - 1e-9 ? 'on-track' : 'off-track';
}
