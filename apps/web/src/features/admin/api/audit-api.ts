import { useQuery } from '@tanstack/react-query';
import type { AuditList, AuditListQuery } from '@wgll/contracts';

import { apiGet } from '../../../lib/api-client';

/** GET /api/audit: one page of the audit log, newest first. */
export function useAuditList(query: AuditListQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => apiGet<AuditList>('/audit', { ...query }, signal),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}
