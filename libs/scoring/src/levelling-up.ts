import {
  appliesTo,
  type CareSetting,
  type FrameworkVersion,
  type LevelNumber,
  type MeasureId,
} from '@wgll/framework';
import { domainLevel } from './domain-level.js';
import type { DomainAnswer } from './return-scores.js';
import { buildSeries, changeSinceLast, type TrendCycle, type TrendInstrument } from './trends.js';

/**
 * Levelling up (issue 19): the domain levels of an ICS's sealed returns side by side, and a region's
 * organisations below a threshold or declining since the last comparable cycle.
 */

// ---------------------------------------------------------------------------------------------
// Domain levels side by side
// ---------------------------------------------------------------------------------------------

/** One organisation's sealed return (one care setting), as the domain grid reads it. */
export interface DomainGridSource {
  framework: FrameworkVersion;
  careSetting: CareSetting;
  answers: ReadonlyMap<string, DomainAnswer>;
}

/**
 * A cell: the gated level of the domain, the domain marked not applicable, not asked of this
 * organisation (not in its framework version or not for its care setting), not answered, or no sealed
 * return at all.
 */
export type DomainGridCell =
  | { kind: 'level'; level: LevelNumber }
  | { kind: 'not-applicable' }
  | { kind: 'not-asked' }
  | { kind: 'not-answered' }
  | { kind: 'no-return' };

export interface DomainGridRow {
  domainId: string;
  title: string;
  measure: MeasureId;
  /** One per column, in the columns' order. */
  cells: DomainGridCell[];
}

/** A domain's cell for one sealed return, scored as the return was (gated, `domainLevel`). */
export function domainGridCell(source: DomainGridSource | null, domainId: string): DomainGridCell {
  if (!source) return { kind: 'no-return' };
  const domain = source.framework.domains.find((d) => d.id === domainId);
  if (!domain || !appliesTo(domain, source.careSetting)) return { kind: 'not-asked' };
  const answer = source.answers.get(domain.id);
  if (!answer) return { kind: 'not-answered' };
  if (answer.notApplicable)
    // "Not applicable" where the domain does not allow it scores as nothing met (as scoreReturn does).
    return domain.notApplicableAllowed
      ? { kind: 'not-applicable' }
      : { kind: 'level', level: domainLevel(domain, new Set()) };
  return { kind: 'level', level: domainLevel(domain, answer.met) };
}

/**
 * Rows of domains × columns of sealed returns (null: no sealed return). The rows are every domain that
 * applies to the care setting of at least one column's return, in framework order (the first
 * framework version met first, then any domains only later versions have).
 */
export function domainLevelGrid(columns: readonly (DomainGridSource | null)[]): DomainGridRow[] {
  const rows = new Map<string, Omit<DomainGridRow, 'cells'>>();
  for (const source of columns) {
    if (!source) continue;
    for (const domain of source.framework.domains) {
      if (rows.has(domain.id) || !appliesTo(domain, source.careSetting)) continue;
      rows.set(domain.id, { domainId: domain.id, title: domain.title, measure: domain.measure });
    }
  }
  return [...rows.values()].map((row) => ({
    ...row,
    cells: columns.map((source) => domainGridCell(source, row.domainId)),
  }));
}

// ---------------------------------------------------------------------------------------------
// Named lists: below the threshold, declining
// ---------------------------------------------------------------------------------------------

/** An organisation's score (null: none). */
export interface Scored<T> {
  item: T;
  value: number | null;
}

/**
 * The items scoring strictly below the threshold (as the share below counts them), lowest first;
 * ties keep their order.
 */
export function belowThreshold<T>(items: readonly Scored<T>[], threshold: number): Scored<T>[] {
  return items
    .filter((i) => i.value !== null && i.value < threshold)
    .map((i, order) => ({ ...i, order }))
    .sort((a, b) => a.value! - b.value! || a.order - b.order)
    .map(({ order: _order, ...i }) => i);
}

/** A figure with the cycle and the instrument that produced it. */
export interface ComparedPoint {
  cycle: TrendCycle;
  instrument: TrendInstrument;
  value: number | null;
}

export interface Comparison<T> {
  item: T;
  /** The organisation's figure in the earlier cycle (null: none). */
  previous: ComparedPoint | null;
  current: ComparedPoint;
}

export interface Declining<T> {
  item: T;
  previous: ComparedPoint;
  current: ComparedPoint;
  /** Current − previous: below zero. */
  change: number;
}

export interface DecliningResult<T> {
  /** Lowest change first (the largest fall); ties keep their order. */
  declining: Declining<T>[];
  /** How many items have both figures, comparable (the same instrument): the declining are of these. */
  comparable: number;
  /** How many have an earlier figure that is not comparable (another instrument): never declining. */
  notComparable: number;
}

/**
 * Items whose figure fell since their previous one, only like for like: both figures from the same
 * instrument (the published national assessment, or one version of a question bank), as trends join
 * them (`buildSeries`, `changeSinceLast`). A figure from another instrument is a break, never a fall.
 */
export function declining<T>(items: readonly Comparison<T>[]): DecliningResult<T> {
  let comparable = 0;
  let notComparable = 0;
  const out: (Declining<T> & { order: number })[] = [];
  items.forEach((i, order) => {
    if (!i.previous || i.previous.value === null || i.current.value === null) return;
    const change = changeSinceLast(buildSeries([i.previous, i.current]));
    if (!change?.comparable || change.change === null) {
      notComparable += 1;
      return;
    }
    comparable += 1;
    if (change.change < 0)
      out.push({ item: i.item, previous: i.previous, current: i.current, change: change.change, order });
  });
  return {
    declining: out.sort((a, b) => a.change - b.change || a.order - b.order).map(({ order: _o, ...d }) => d),
    comparable,
    notComparable,
  };
}
