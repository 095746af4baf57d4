import { appliesTo, type CareSetting, type FrameworkVersion, type LevelNumber } from '@wgll/framework';
import { domainLevel } from './domain-level.js';
import type { DomainTargetLevel } from './plans.js';
import type { DomainAnswer } from './return-scores.js';

/** One sealed return of a group (an ICS), with its plan's targets and actions. */
export interface GapSource {
  /** The organisation's code: an organisation with several returns (care settings) counts once. */
  organisation: string;
  framework: FrameworkVersion;
  careSetting: CareSetting | null;
  answers: ReadonlyMap<string, DomainAnswer>;
  targets: readonly DomainTargetLevel[];
  actions: readonly { domainId: string; elementIds: readonly string[]; dueDate: string | null }[];
}

/** An element unmet in most of a group's organisations (CommonGap in libs/contracts plans.d.ts). */
export interface CommonGapRow {
  domainId: string;
  domainTitle: string;
  elementId: string;
  elementText: string;
  level: LevelNumber;
  unmet: number;
  /** Organisations whose return meets the element (of `of`), whatever their level in the domain. */
  met: number;
  of: number;
  planned: number;
  earliestDue: string | null;
  latestDue: string | null;
}

export interface CommonGapOptions {
  /** Fewer organisations than this in the group: no common gaps at all (small numbers). Default 3. */
  minOrganisations?: number;
  /** An element must be a gap of at least this many organisations. Default 2. */
  minUnmet?: number;
}

/** Fewer organisations than this and a group shows counts only (no common gaps). */
export const COMMON_GAPS_MIN_ORGANISATIONS = 3;

interface Tally {
  of: Set<string>;
  met: Set<string>;
  unmet: Set<string>;
  planned: Set<string>;
  dues: string[];
  order: number;
  row: Pick<CommonGapRow, 'domainId' | 'domainTitle' | 'elementId' | 'elementText' | 'level'>;
}

/**
 * The elements that most of a group's organisations have yet to meet, for aiming system support.
 *
 * An element is a gap of an organisation when its sealed return includes the domain (the domain
 * applies to its care setting and is answered, not marked not applicable), the element is not met,
 * and it lies within what the organisation is working towards in that domain: at or below the next
 * level above today's, or its plan's target there if higher. (Elements of far-off levels, unmet almost
 * everywhere, would otherwise bury the ones that hold organisations back now.)
 *
 * A common gap is an element that is a gap of more than half of the organisations whose return
 * includes its domain, and of at least `minUnmet` (2) of them. With fewer than `minOrganisations` (3)
 * organisations in the group, none is shown: the counts would tell one organisation's answers. For
 * each, `planned` counts those of the organisations with the gap that have an action for the element
 * (in any state), with the earliest and latest due dates of those actions, and `met` how many of the
 * organisations meet it (an organisation with several returns meets it when one of them does).
 *
 * Without plans (no targets, no actions) it is the ICS's common gaps of its sealed returns: what holds
 * most organisations back from their next level.
 *
 * Ordered by the share of organisations with the gap (highest first), then level, then framework order.
 */
export function commonGaps(sources: readonly GapSource[], options: CommonGapOptions = {}): CommonGapRow[] {
  const minOrganisations = options.minOrganisations ?? COMMON_GAPS_MIN_ORGANISATIONS;
  const minUnmet = options.minUnmet ?? 2;
  if (new Set(sources.map((s) => s.organisation)).size < minOrganisations) return [];

  // Keyed by framework version and element, so that returns of different versions never mix.
  const tallies = new Map<string, Tally>();
  for (const source of sources) {
    const targets = new Map(source.targets.map((t) => [t.domainId, t.level]));
    const plannedDue = new Map<string, (string | null)[]>();
    for (const a of source.actions)
      for (const id of a.elementIds) plannedDue.set(id, [...(plannedDue.get(id) ?? []), a.dueDate]);
    const version = `${source.framework.frameworkId}@${source.framework.version}`;
    source.framework.domains.forEach((domain, domainIndex) => {
      if (source.careSetting !== null && !appliesTo(domain, source.careSetting)) return;
      const answer = source.answers.get(domain.id);
      if (!answer || (answer.notApplicable && domain.notApplicableAllowed)) return;
      const met = answer.notApplicable ? new Set<string>() : answer.met;
      const reach = Math.max(Math.min(domainLevel(domain, met) + 1, 5), targets.get(domain.id) ?? 0);
      domain.levels.forEach((level) =>
        level.elements.forEach((element, elementIndex) => {
          const key = `${version}|${element.id}`;
          let tally = tallies.get(key);
          if (!tally) {
            tally = {
              of: new Set(),
              met: new Set(),
              unmet: new Set(),
              planned: new Set(),
              dues: [],
              order: domainIndex * 10_000 + level.level * 100 + elementIndex,
              row: {
                domainId: domain.id,
                domainTitle: domain.title,
                elementId: element.id,
                elementText: element.text,
                level: level.level,
              },
            };
            tallies.set(key, tally);
          }
          tally.of.add(source.organisation);
          if (met.has(element.id)) tally.met.add(source.organisation);
          if (met.has(element.id) || level.level > reach) return;
          tally.unmet.add(source.organisation);
          const dues = plannedDue.get(element.id);
          if (dues) {
            tally.planned.add(source.organisation);
            for (const d of dues) if (d !== null) tally.dues.push(d);
          }
        }),
      );
    });
  }

  return [...tallies.values()]
    .filter((t) => t.unmet.size >= minUnmet && t.unmet.size * 2 > t.of.size)
    .sort(
      (a, b) =>
        b.unmet.size / b.of.size - a.unmet.size / a.of.size || a.row.level - b.row.level || a.order - b.order,
    )
    .map((t) => {
      const dues = [...t.dues].sort();
      return {
        ...t.row,
        unmet: t.unmet.size,
        met: t.met.size,
        of: t.of.size,
        planned: t.planned.size,
        earliestDue: dues[0] ?? null,
        latestDue: dues[dues.length - 1] ?? null,
      };
    });
}
