import { useQuery } from '@tanstack/react-query';
import type { Cycle, CycleList } from '@wgll/contracts';

import { apiGet } from '../api-client';
import { cycleKeys } from '../query-keys';

/** GET /api/cycles: the assessment cycles in use (with the retired ones too when asked, for administrators). */
export function useCycles({ includeRetired = false }: { includeRetired?: boolean } = {}) {
  return useQuery({
    queryKey: cycleKeys.list(includeRetired),
    queryFn: ({ signal }) =>
      apiGet<CycleList>('/cycles', includeRetired ? { includeRetired: 'true' } : {}, signal),
  });
}

/** The cycle to show first: the open one, else the one that opens latest. */
export function defaultCycle(cycles: Cycle[]): Cycle | undefined {
  const open = cycles.find((cycle) => cycle.status === 'open');
  if (open) return open;
  return sortCycles(cycles)[0];
}

/** Newest first, for lists and choices. */
export function sortCycles(cycles: Cycle[]): Cycle[] {
  return [...cycles].sort((a, b) => b.opensOn.localeCompare(a.opensOn));
}
