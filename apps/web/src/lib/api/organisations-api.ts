import { useQuery } from '@tanstack/react-query';
import type { IsoDate, OrganisationDetail, OrganisationList } from '@wgll/contracts';

import { apiGet } from '../api-client';
import { organisationKeys } from '../query-keys';

/** GET /api/organisations/:code, keeping the last page on screen while another date loads. */
export function useOrganisation(code: string, at: IsoDate | undefined) {
  return useQuery({
    queryKey: organisationKeys.detail(code, at),
    queryFn: ({ signal }) =>
      apiGet<OrganisationDetail>(`/organisations/${encodeURIComponent(code)}`, { at }, signal),
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === code ? previous : undefined,
  });
}

/** GET /api/me/organisations: the organisations the signed-in user may see named on a date. */
export function useMyOrganisations(at: IsoDate, pageSize: number) {
  return useQuery({
    queryKey: organisationKeys.mine(at, pageSize),
    queryFn: ({ signal }) => apiGet<OrganisationList>('/me/organisations', { at, pageSize }, signal),
  });
}
