import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FrameworkVersionList, FrameworkVersionSummary } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';

import { apiGet, apiSend } from '../../../lib/api-client';

export const frameworkKeys = {
  all: ['frameworks'] as const,
  list: () => [...frameworkKeys.all, 'list'] as const,
  version: (frameworkId: string, version: string, careSetting: string | undefined) =>
    [...frameworkKeys.all, 'version', frameworkId, version, careSetting ?? null] as const,
};

/** GET /api/frameworks: the framework versions the service holds. */
export function useFrameworkVersions() {
  return useQuery({
    queryKey: frameworkKeys.list(),
    queryFn: ({ signal }) => apiGet<FrameworkVersionList>('/frameworks', {}, signal),
  });
}

/**
 * GET /api/frameworks/:frameworkId/versions/:version, with the domains for one care setting when
 * one is given. Keeps the version on screen while another care setting loads. With `enabled`
 * false nothing is fetched (for example while the version is not known yet).
 */
export function useFrameworkVersion(
  frameworkId: string,
  version: string,
  careSetting: string | undefined,
  { enabled = true }: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: frameworkKeys.version(frameworkId, version, careSetting),
    enabled,
    queryFn: ({ signal }) =>
      apiGet<FrameworkVersion>(
        `/frameworks/${encodeURIComponent(frameworkId)}/versions/${encodeURIComponent(version)}`,
        { careSetting },
        signal,
      ),
    // A published version never changes.
    staleTime: Infinity,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === frameworkId && previousQuery.queryKey[3] === version
        ? previous
        : undefined,
  });
}

/** POST /api/frameworks/:frameworkId/versions/:version/retire (national administrators). */
export function useRetireFrameworkVersion(frameworkId: string, version: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiSend<FrameworkVersionSummary>(
        'POST',
        `/frameworks/${encodeURIComponent(frameworkId)}/versions/${encodeURIComponent(version)}/retire`,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.list() });
    },
  });
}
