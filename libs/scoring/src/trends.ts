import {
  JOINING_RELATIONS,
  type FrameworkVersion,
  type LineageRelation,
  type MeasureId,
} from '@wgll/framework';

/**
 * Trends over cycles. A figure is only joined to the one before when both come from the same
 * instrument: NHS England's published national assessment, or one version of a question bank. Where
 * the instrument changes the series shows a break with its reason, never a silent line.
 */

/** What produced a figure. */
export type TrendInstrument =
  | { kind: 'published'; label: string }
  | { kind: 'question-bank'; frameworkId: string; version: string; label: string };

/** A cycle as a trend names it. `id` is null for a year known only from a publication (2024/25). */
export interface TrendCycle {
  id: string | null;
  name: string;
  referenceDate: string;
}

/** Why a figure is not joined to the one before it. */
export interface TrendBreak {
  reason: string;
  /** Split or merged domains: the titles (in the earlier version) of the domains they came from. */
  from: string[];
}

export interface TrendPoint {
  cycle: TrendCycle;
  instrument: TrendInstrument;
  value: number | null;
  /** Null: joined to the point before (or the first point). */
  break: TrendBreak | null;
}

export interface TrendPointInput {
  cycle: TrendCycle;
  instrument: TrendInstrument;
  value: number | null;
}

export const PUBLISHED_LABEL = "NHS England's published national assessment";

export function sameInstrument(a: TrendInstrument, b: TrendInstrument): boolean {
  if (a.kind === 'published' || b.kind === 'published') return a.kind === b.kind;
  return a.frameworkId === b.frameworkId && a.version === b.version;
}

const byDate = <T extends { cycle: TrendCycle }>(points: readonly T[]): T[] =>
  [...points].sort(
    (a, b) =>
      a.cycle.referenceDate.localeCompare(b.cycle.referenceDate) || a.cycle.name.localeCompare(b.cycle.name),
  );

/** Plain English: why figures from `before` and `after` are not joined. */
export function instrumentBreakReason(
  before: { cycle: TrendCycle; instrument: TrendInstrument },
  after: { cycle: TrendCycle; instrument: TrendInstrument },
): string {
  const then = before.instrument;
  const now = after.instrument;
  if (then.kind === 'question-bank' && now.kind === 'question-bank' && then.frameworkId === now.frameworkId) {
    return (
      `The question bank changed from version ${then.version} (${before.cycle.name}) to version ` +
      `${now.version} (${after.cycle.name}): its domains and levels differ, so the scores are not compared.`
    );
  }
  return (
    `A different instrument: ${then.label} in ${before.cycle.name}, ${now.label} in ${after.cycle.name}. ` +
    `They ask different questions, so the scores are not compared.`
  );
}

/**
 * A series ordered by cycle reference date, with a break before each point whose instrument differs
 * from the previous point's. Whatever else a point carries (a value, a distribution) is kept.
 */
export function buildSeries<T extends { cycle: TrendCycle; instrument: TrendInstrument }>(
  points: readonly T[],
): Array<T & { break: TrendBreak | null }> {
  const ordered = byDate(points);
  return ordered.map((point, i) => {
    const before = ordered[i - 1];
    return {
      ...point,
      break:
        before && !sameInstrument(before.instrument, point.instrument)
          ? { reason: instrumentBreakReason(before, point), from: [] }
          : null,
    };
  });
}

/** The change from the previous point to the last, with what it compares; a number only like for like. */
export interface TrendChange {
  previous: TrendCycle;
  current: TrendCycle;
  comparable: boolean;
  /** What is compared, or (not comparable) why not. */
  label: string;
  /** Current − previous; null when not comparable or a value is missing. */
  change: number | null;
}

/** What a change between two points of the same instrument compares. */
export function likeForLikeLabel(instrument: TrendInstrument): string {
  return instrument.kind === 'published'
    ? `the same instrument: ${PUBLISHED_LABEL}`
    : `the same framework version ${instrument.version}, comparable domains`;
}

export function changeSinceLast(series: readonly TrendPoint[]): TrendChange | null {
  const current = series[series.length - 1];
  const previous = series[series.length - 2];
  if (!current || !previous) return null;
  if (current.break) {
    return {
      previous: previous.cycle,
      current: current.cycle,
      comparable: false,
      label: current.break.reason,
      change: null,
    };
  }
  return {
    previous: previous.cycle,
    current: current.cycle,
    comparable: true,
    label: likeForLikeLabel(current.instrument),
    change: current.value !== null && previous.value !== null ? current.value - previous.value : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Domain trends through lineage
// ---------------------------------------------------------------------------------------------

/** One sealed result's domain levels, and the framework version it answered. */
export interface DomainCycleInput {
  cycle: TrendCycle;
  framework: FrameworkVersion;
  /** Domain id → level (null: not applicable). A domain absent was not in the return. */
  levels: Record<string, number | null>;
}

export interface DomainSeries {
  lineageId: string;
  /** The domain's id and title in the newest version that has it. */
  domainId: string;
  title: string;
  measure: MeasureId;
  /** How the newest version that has it relates to the one before (null when none came before). */
  relation: LineageRelation | null;
  /** Set when the lineage ended: split, merged or retired after the last point. */
  ended: string | null;
  points: TrendPoint[];
}

/** A question bank as an instrument, e.g. "our question bank (WGLL self-assessment 2026, version 2026.1)". */
export const questionBankInstrument = (
  f: Pick<FrameworkVersion, 'frameworkId' | 'version' | 'title'>,
): TrendInstrument => ({
  kind: 'question-bank',
  frameworkId: f.frameworkId,
  version: f.version,
  label: `our question bank (${f.title}, version ${f.version})`,
});

const questionBank = questionBankInstrument;

/** ": the note" without its full stop (the sentence goes on), or nothing. */
const withNote = (note: string | undefined) => (note ? `: ${note.replace(/\.\s*$/, '')}` : '');

const quoted = (titles: string[]) => titles.map((t) => `"${t}"`).join(' and ');

/**
 * Domain series keyed by framework and lineage (lineage ids belong to one framework). Across two versions where the later follows the earlier
 * (`previousVersion`), `same` and `reworded` domains join; `changed` continues with a break; `split` and
 * `merged` start a new series with a break saying what they came from; `new` starts a series. Versions
 * that do not follow each other directly are never joined.
 */
export function buildDomainSeries(cycles: readonly DomainCycleInput[]): DomainSeries[] {
  const series = new Map<string, DomainSeries>();
  let before: DomainCycleInput | undefined;
  for (const current of byDate(cycles)) {
    const instrument = questionBank(current.framework);
    const sameVersion = before && sameInstrument(questionBank(before.framework), instrument);
    const follows =
      before &&
      !sameVersion &&
      before.framework.frameworkId === current.framework.frameworkId &&
      current.framework.previousVersion?.version === before.framework.version;
    const titleIn = (f: FrameworkVersion, lineageId: string) =>
      f.domains.find((d) => d.lineage.id === lineageId)?.title ?? lineageId;
    const seen = new Set<string>();
    const keyOf = (id: string) => `${current.framework.frameworkId}|${id}`;
    const endings = new Map<string, string>();
    for (const domain of current.framework.domains) {
      if (!(domain.id in current.levels)) continue;
      const { id: lineageId, relation, from = [], note } = domain.lineage;
      seen.add(keyOf(lineageId));
      let brk: TrendBreak | null = null;
      const key = `${current.framework.frameworkId}|${lineageId}`;
      const existing = series.get(key);
      if (before && existing && !sameVersion) {
        if (!follows) {
          brk = {
            reason: instrumentBreakReason(
              { cycle: before.cycle, instrument: questionBank(before.framework) },
              { cycle: current.cycle, instrument },
            ),
            from: [],
          };
        } else if (!JOINING_RELATIONS.has(relation)) {
          brk = {
            reason:
              `The levels of this domain changed meaning in version ${current.framework.version}` +
              `${withNote(note)}. The levels before and after are not compared.`,
            from: [],
          };
        }
      } else if (follows && (relation === 'split' || relation === 'merged')) {
        const titles = from.map((id) => titleIn(before!.framework, id));
        brk = {
          reason:
            `${relation === 'split' ? 'Split from' : 'Merged from'} ${quoted(titles)} of version ` +
            `${before!.framework.version}${withNote(note)}. The levels before and after are not compared.`,
          from: titles,
        };
        for (const id of from)
          endings.set(
            keyOf(id),
            `${relation === 'split' ? 'Split' : 'Merged'} in version ${current.framework.version}`,
          );
      }
      const entry: DomainSeries = existing ?? {
        lineageId,
        domainId: domain.id,
        title: domain.title,
        measure: domain.measure,
        relation: null,
        ended: null,
        points: [],
      };
      entry.domainId = domain.id;
      entry.title = domain.title;
      entry.measure = domain.measure;
      if (follows) entry.relation = relation;
      entry.points.push({
        cycle: current.cycle,
        instrument,
        value: current.levels[domain.id] ?? null,
        break: brk,
      });
      series.set(key, entry);
    }
    for (const [id, ending] of endings) {
      const old = series.get(id);
      if (old && !seen.has(id)) old.ended ??= ending;
    }
    if (follows) {
      for (const retired of current.framework.previousVersion?.retired ?? []) {
        const old = series.get(keyOf(retired.lineageId));
        if (old) old.ended ??= `Retired in version ${current.framework.version}: ${retired.reason}`;
      }
    }
    before = current;
  }
  return [...series.values()];
}
