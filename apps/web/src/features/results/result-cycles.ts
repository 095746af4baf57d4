import type { ResultCycle } from '@wgll/contracts';

/** The cycle to show first: the newest with any results, else the newest. */
export function defaultResultCycle(cycles: ResultCycle[]): ResultCycle | undefined {
  return cycles.find((cycle) => cycle.organisationResults + cycle.systemResults > 0) ?? cycles[0];
}

/**
 * The cycle to ask for figures of: `null` for the one to show first, which the API chooses by the
 * same rule (and reads on its reference date), so the request need not wait for the cycle list; the
 * cycle the address names, once the list has come; undefined while it is coming, or when there are
 * no cycles (nothing to ask for).
 */
export type FiguresCycle = ResultCycle | null | undefined;

export function figuresCycle(cycles: ResultCycle[] | undefined, requested: string | null): FiguresCycle {
  if (cycles?.length === 0) return undefined;
  if (requested === null) return null;
  if (!cycles) return undefined;
  const cycle = chosenResultCycle(cycles, requested);
  return cycle === defaultResultCycle(cycles) ? null : cycle;
}

/** The cycle the address asks for (`?cycle=`), else the one to show first. */
export function chosenResultCycle(cycles: ResultCycle[], requested: string | null): ResultCycle | undefined {
  return cycles.find((cycle) => cycle.id === requested) ?? defaultResultCycle(cycles);
}
