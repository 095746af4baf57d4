import { useQuery } from '@tanstack/react-query';
import type { IcsDetail, IcsList, IsoDate } from '@wgll/contracts';

import { apiGet } from '../api-client';
import { icsKeys } from '../query-keys';

/** GET /api/ics: the ICSs valid on a date, with their regions and members. */
export function useIcsList(at: IsoDate | undefined, region?: string) {
  return useQuery({
    queryKey: icsKeys.list(at, region),
    queryFn: ({ signal }) => apiGet<IcsList>('/ics', { at, region }, signal),
  });
}

/** GET /api/ics/:code, keeping the last page on screen while another date loads. */
export function useIcs(code: string, at: IsoDate | undefined) {
  return useQuery({
    queryKey: icsKeys.detail(code, at),
    queryFn: ({ signal }) => apiGet<IcsDetail>(`/ics/${encodeURIComponent(code)}`, { at }, signal),
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === code ? previous : undefined,
  });
}
