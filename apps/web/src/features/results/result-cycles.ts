import type { ResultCycle } from '@wgll/contracts';

/** The cycle to show first: the newest with any results, else the newest. */
export function defaultResultCycle(cycles: ResultCycle[]): ResultCycle | undefined {
  return cycles.find((cycle) => cycle.organisationResults + cycle.systemResults > 0) ?? cycles[0];
}

/** The cycle the address asks for (`?cycle=`), else the one to show first. */
export function chosenResultCycle(cycles: ResultCycle[], requested: string | null): ResultCycle | undefined {
  return cycles.find((cycle) => cycle.id === requested) ?? defaultResultCycle(cycles);
}
