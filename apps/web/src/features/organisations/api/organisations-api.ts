import { useQuery } from '@tanstack/react-query';
import type {
  IsoDate,
  OrganisationDetail,
  OrganisationList,
  OrganisationListQuery,
  OrganisationTeam,
} from '@wgll/contracts';

import { apiGet } from '../../../lib/api-client';

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (query: OrganisationListQuery) => [...organisationKeys.all, 'list', query] as const,
  detail: (code: string, at: IsoDate | undefined) =>
    [...organisationKeys.all, 'detail', code, at ?? null] as const,
};

/** GET /api/organisations: one page of the directory. */
export function useOrganisationList(query: OrganisationListQuery) {
  return useQuery({
    queryKey: organisationKeys.list(query),
    queryFn: ({ signal }) => apiGet<OrganisationList>('/organisations', { ...query }, signal),
  });
}

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
    queryKey: [...organisationKeys.all, 'mine', at, pageSize] as const,
    queryFn: ({ signal }) => apiGet<OrganisationList>('/me/organisations', { at, pageSize }, signal),
  });
}

/**
 * GET /api/organisations/:code/team: who holds a role for the organisation. A 403 (outside the
 * user's scope) is an answer, not a failure, so it is not retried.
 */
export function useOrganisationTeam(code: string, at: IsoDate | undefined) {
  return useQuery({
    queryKey: [...organisationKeys.all, 'team', code, at ?? null] as const,
    queryFn: ({ signal }) =>
      apiGet<OrganisationTeam>(`/organisations/${encodeURIComponent(code)}/team`, { at }, signal),
    staleTime: 0,
  });
}
