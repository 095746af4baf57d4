import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NationalTarget,
  NationalTargetList,
  NationalTargets,
  RegionTargets,
  SaveTargetRequest,
} from '@wgll/contracts';

import { apiGet, apiSend } from '../../../lib/api-client';

const targetKeys = {
  all: ['targets'] as const,
  list: (includeRetired: boolean) => ['targets', 'list', includeRetired] as const,
  detail: (id: string) => ['targets', 'detail', id] as const,
  region: (code: string) => ['targets', 'region', code] as const,
  national: () => ['targets', 'national'] as const,
};

/** GET /api/targets: the national targets (with the retired ones for the administrators' list). */
export function useTargets(includeRetired = false) {
  return useQuery({
    queryKey: targetKeys.list(includeRetired),
    queryFn: ({ signal }) =>
      apiGet<NationalTargetList>('/targets', includeRetired ? { includeRetired: 'true' } : {}, signal),
  });
}

export function useTarget(id: string) {
  return useQuery({
    queryKey: targetKeys.detail(id),
    queryFn: ({ signal }) => apiGet<NationalTarget>(`/targets/${encodeURIComponent(id)}`, {}, signal),
  });
}

/** GET /api/regions/:code/targets: each target's progress in the region. */
export function useRegionTargets(code: string) {
  return useQuery({
    queryKey: targetKeys.region(code),
    queryFn: ({ signal }) =>
      apiGet<RegionTargets>(`/regions/${encodeURIComponent(code)}/targets`, {}, signal),
  });
}

/** GET /api/national/targets: each target's progress in England and in each region. */
export function useNationalTargets() {
  return useQuery({
    queryKey: targetKeys.national(),
    queryFn: ({ signal }) => apiGet<NationalTargets>('/national/targets', {}, signal),
  });
}

/** POST /api/targets, or PUT /api/targets/:id with `baseVersion` (national administrators). */
export function useSaveTarget(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTargetRequest) =>
      id
        ? apiSend<NationalTarget>('PUT', `/targets/${encodeURIComponent(id)}`, body)
        : apiSend<NationalTarget>('POST', '/targets', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetKeys.all }),
  });
}

/** POST /api/targets/:id/retire (national administrators). */
export function useRetireTarget(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<NationalTarget>('POST', `/targets/${encodeURIComponent(id)}/retire`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetKeys.all }),
  });
}
