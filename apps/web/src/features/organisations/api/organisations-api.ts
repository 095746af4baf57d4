import { useQuery } from '@tanstack/react-query';
import type { IsoDate, OrganisationList, OrganisationListQuery, OrganisationTeam } from '@wgll/contracts';

import { apiGet } from '../../../lib/api-client';
import { organisationKeys } from '../../../lib/query-keys';

/** GET /api/organisations: one page of the directory. */
export function useOrganisationList(query: OrganisationListQuery) {
  return useQuery({
    queryKey: organisationKeys.list(query),
    queryFn: ({ signal }) => apiGet<OrganisationList>('/organisations', { ...query }, signal),
  });
}

/**
 * GET /api/organisations/:code/team: who holds a role for the organisation. A 403 (outside the
 * user's scope) is an answer, not a failure, so it is not retried.
 */
export function useOrganisationTeam(code: string, at: IsoDate | undefined) {
  return useQuery({
    queryKey: organisationKeys.team(code, at),
    queryFn: ({ signal }) =>
      apiGet<OrganisationTeam>(`/organisations/${encodeURIComponent(code)}/team`, { at }, signal),
    staleTime: 0,
  });
}
