import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FrameworkVersionSummary } from '@wgll/contracts';

import { apiSend } from '../../../lib/api-client';
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
