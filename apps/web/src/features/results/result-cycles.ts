import type { ResultCycle } from '@wgll/contracts';

/** The cycle to show first: the newest with any results, else the newest. */
export function defaultResultCycle(cycles: ResultCycle[]): ResultCycle | undefined {
  return cycles.find((cycle) => cycle.organisationResults + cycle.systemResults > 0) ?? cycles[0];
}
