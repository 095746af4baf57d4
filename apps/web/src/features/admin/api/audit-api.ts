import { useMutation, useQuery } from '@tanstack/react-query';
import type { AuditChainVerification, AuditList, AuditListQuery } from '@wgll/contracts';

import { apiGet } from '../../../lib/api-client';
import { auditKeys } from '../../../lib/query-keys';

/** GET /api/audit: one page of the audit log, newest first. */
export function useAuditList(query: AuditListQuery) {
  return useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => apiGet<AuditList>('/audit', { ...query }, signal),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

/** GET /api/audit/verification: links pending entries and recomputes every hash, when asked. */
export function useAuditCheck() {
  return useMutation({
    mutationFn: () => apiGet<AuditChainVerification>('/audit/verification'),
  });
}
