import { useQuery } from '@tanstack/react-query';
import type { FrameworkVersionList } from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';

import { apiGet } from '../api-client';
import { frameworkKeys } from '../query-keys';

/** GET /api/frameworks: the framework versions the service holds. */
export function useFrameworkVersions() {
  return useQuery({
    queryKey: frameworkKeys.list(),
    queryFn: ({ signal }) => apiGet<FrameworkVersionList>('/frameworks', {}, signal),
  });
}

export function frameworkVersionQuery(frameworkId: string, version: string, careSetting: string | undefined) {
  return {
    queryKey: frameworkKeys.version(frameworkId, version, careSetting),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiGet<FrameworkVersion>(
        `/frameworks/${encodeURIComponent(frameworkId)}/versions/${encodeURIComponent(version)}`,
        { careSetting },
        signal,
      ),
    // A published version never changes.
    staleTime: Infinity,
  };
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
    ...frameworkVersionQuery(frameworkId, version, careSetting),
    enabled,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === frameworkId && previousQuery.queryKey[3] === version
        ? previous
        : undefined,
  });
}
