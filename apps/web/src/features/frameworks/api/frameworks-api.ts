import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FrameworkVersionSummary } from '@wgll/contracts';
import type { VersionChanges } from '@wgll/framework';

import { apiGet, apiSend } from '../../../lib/api-client';
import { frameworkKeys } from '../../../lib/query-keys';

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

/** GET /api/frameworks/:frameworkId/versions/:version/changes: what changed since the version it follows. */
export function useVersionChanges(frameworkId: string, version: string) {
  return useQuery({
    queryKey: frameworkKeys.changes(frameworkId, version),
    queryFn: ({ signal }) =>
      apiGet<VersionChanges>(
        `/frameworks/${encodeURIComponent(frameworkId)}/versions/${encodeURIComponent(version)}/changes`,
        {},
        signal,
      ),
    // Published versions never change.
    staleTime: Infinity,
  });
}
