import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssigneeList, Assignment, AssignRequest } from '@wgll/contracts';

import { apiGet, apiSend } from '../../../lib/api-client';
import { returnPath } from '../../../lib/links';
import { returnKeys } from '../../../lib/query-keys';

/** GET /api/returns/:id/assignees: the people who may be given work on the return. */
export function useAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: returnKeys.assignees(id),
    enabled,
    queryFn: ({ signal }) => apiGet<AssigneeList>(returnPath(id, 'assignees'), {}, signal),
  });
}

/** PUT /api/returns/:id/assignments: gives (or gives again) a measure or a domain to someone. */
export function useAssign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignRequest) => apiSend<Assignment>('PUT', returnPath(id, 'assignments'), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: returnKeys.all }),
  });
}

/** DELETE /api/returns/:id/assignments/:assignmentId */
export function useUnassign(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) => apiSend('DELETE', returnPath(id, 'assignments', assignmentId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: returnKeys.all }),
  });
}
