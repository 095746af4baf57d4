import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCycleRequest, Cycle, CycleList, UpdateCycleRequest } from '@wgll/contracts';

import { apiGet, apiSend } from '../../../lib/api-client';
import { resultKeys } from '../../results/api/results-api';
import { returnKeys } from '../../returns/api/returns-api';

const cycleKeys = {
  all: ['cycles'] as const,
  list: (includeRetired = false) => [...cycleKeys.all, 'list', { includeRetired }] as const,
};

/** GET /api/cycles: the assessment cycles in use (with the retired ones too when asked, for administrators). */
export function useCycles({ includeRetired = false }: { includeRetired?: boolean } = {}) {
  return useQuery({
    queryKey: cycleKeys.list(includeRetired),
    queryFn: ({ signal }) =>
      apiGet<CycleList>('/cycles', includeRetired ? { includeRetired: 'true' } : {}, signal),
  });
}

/** POST /api/cycles/:id/retire (national administrators). */
export function useRetireCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend<Cycle>('POST', `/cycles/${encodeURIComponent(id)}/retire`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
      void queryClient.invalidateQueries({ queryKey: returnKeys.all });
      void queryClient.invalidateQueries({ queryKey: resultKeys.all });
    },
  });
}

/** POST /api/cycles (national administrators). */
export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCycleRequest) => apiSend<Cycle>('POST', '/cycles', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
      void queryClient.invalidateQueries({ queryKey: resultKeys.cycles() });
    },
  });
}

/** PATCH /api/cycles/:id: moves the opening and closing dates. */
export function useUpdateCycle(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCycleRequest) =>
      apiSend<Cycle>('PATCH', `/cycles/${encodeURIComponent(id)}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
      void queryClient.invalidateQueries({ queryKey: returnKeys.all });
      void queryClient.invalidateQueries({ queryKey: resultKeys.all });
    },
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
