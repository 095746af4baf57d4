import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IsoDate, RegionDetail, RegionSummary } from '@wgll/contracts';

import { apiGet } from '../api-client';
import { regionKeys } from '../query-keys';

/** GET /api/regions: the 7 NHS England regions. */
export function useRegions() {
  return useQuery({
    queryKey: regionKeys.list(),
    queryFn: ({ signal }) => apiGet<RegionSummary[]>('/regions', {}, signal),
    staleTime: Infinity,
  });
}

/** GET /api/regions/:code. */
export function regionQuery(code: string, at: IsoDate | undefined) {
  return queryOptions({
    queryKey: regionKeys.detail(code, at),
    queryFn: ({ signal }) => apiGet<RegionDetail>(`/regions/${encodeURIComponent(code)}`, { at }, signal),
  });
}

/** GET /api/regions/:code, keeping the last page on screen while another date loads. */
export function useRegion(code: string, at: IsoDate | undefined) {
  return useQuery({
    ...regionQuery(code, at),
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === code ? previous : undefined,
  });
}
