import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateCycleRequest, Cycle, UpdateCycleRequest } from '@wgll/contracts';

import { apiSend } from '../../../lib/api-client';
import { invalidateAfterCycleChange, invalidateAfterNewCycle } from '../../../lib/query-cache';

/** POST /api/cycles/:id/retire (national administrators). */
export function useRetireCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend<Cycle>('POST', `/cycles/${encodeURIComponent(id)}/retire`),
    onSuccess: () => invalidateAfterCycleChange(queryClient),
  });
}

/** POST /api/cycles (national administrators). */
export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCycleRequest) => apiSend<Cycle>('POST', '/cycles', body),
    onSuccess: () => invalidateAfterNewCycle(queryClient),
  });
}

/** PATCH /api/cycles/:id: moves the opening and closing dates. */
export function useUpdateCycle(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCycleRequest) =>
      apiSend<Cycle>('PATCH', `/cycles/${encodeURIComponent(id)}`, body),
    onSuccess: () => invalidateAfterCycleChange(queryClient),
  });
}
