import { useQuery } from '@tanstack/react-query';
import type { CareSetting, IcsDomainLevels, MeasureId, RegionWatchLists } from '@wgll/contracts';

import { apiGet } from '../../../lib/api-client';
import { resultKeys } from '../../../lib/query-keys';

/** GET /api/ics/:code/domain-levels: the members' domain levels from their sealed returns (issue 19). */
export function useIcsDomainLevels(
  code: string,
  search: { cycle?: string; careSetting?: CareSetting; measure?: MeasureId },
) {
  return useQuery({
    queryKey: [...resultKeys.all, 'ics-domain-levels', code, search] as const,
    queryFn: ({ signal }) =>
      apiGet<IcsDomainLevels>(`/ics/${encodeURIComponent(code)}/domain-levels`, search, signal),
    placeholderData: (previous, query) => (query?.queryKey[2] === code ? previous : undefined),
  });
}

/** GET /api/regions/:code/watch-lists: organisations below the threshold and declining (issue 19). */
export function useRegionWatchLists(
  code: string,
  search: { cycle?: string; careSetting?: CareSetting; threshold?: number },
) {
  return useQuery({
    queryKey: [...resultKeys.all, 'region-watch-lists', code, search] as const,
    queryFn: ({ signal }) =>
      apiGet<RegionWatchLists>(`/regions/${encodeURIComponent(code)}/watch-lists`, search, signal),
    placeholderData: (previous, query) => (query?.queryKey[2] === code ? previous : undefined),
  });
}
