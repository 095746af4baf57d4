import { useQuery } from '@tanstack/react-query';
import type { MyAssignmentList } from '@wgll/contracts';

import { apiGet } from '../api-client';
import { returnKeys } from '../query-keys';

/** GET /api/me/assignments: the work given to the signed-in user. */
export function useMyAssignments() {
  return useQuery({
    queryKey: returnKeys.myAssignments(),
    queryFn: ({ signal }) => apiGet<MyAssignmentList>('/me/assignments', {}, signal),
  });
}
