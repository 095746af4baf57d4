import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfirmMatchesRequest, ImportDetail, ImportList } from '@wgll/contracts';

import { apiGet, apiSend } from '../../../lib/api-client';
import { showImport } from '../../../lib/query-cache';
import { importKeys } from '../../../lib/query-keys';

/** GET /api/imports: every import of a published data file (national administrators). */
export function useImports() {
  return useQuery({
    queryKey: importKeys.list(),
    queryFn: ({ signal }) => apiGet<ImportList>('/imports', {}, signal),
  });
}

/** GET /api/imports/:id: one import, its sheets and its names. */
export function useImport(id: string) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => apiGet<ImportDetail>(`/imports/${encodeURIComponent(id)}`, {}, signal),
  });
}

/** POST /api/imports/dma: uploads NHS England's DMA data file (xlsx) into a cycle. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cycleId, file }: { cycleId: string; file: File }) => {
      const form = new FormData();
      // The cycle goes first: the API reads the fields before the file.
      form.append('cycleId', cycleId);
      form.append('file', file, file.name);
      return apiSend<ImportDetail>('POST', '/imports/dma', form);
    },
    onSuccess: (detail) => showImport(queryClient, detail),
  });
}

/** POST /api/imports/:id/matches: confirms matches; applies the import when none is left to review. */
export function useConfirmMatches(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmMatchesRequest) =>
      apiSend<ImportDetail>('POST', `/imports/${encodeURIComponent(id)}/matches`, body),
    onSuccess: (detail) => showImport(queryClient, detail),
  });
}
