import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ApprovedPlan,
  ApprovePlanRequest,
  AssigneeList,
  CreateActionRequest,
  ImprovementPlan,
  MergeActionsRequest,
  PlanAction,
  PlanApprovalRecord,
  ReturnDetail,
  SavePlanRequest,
  UpdateActionRequest,
} from '@wgll/contracts';

import { ApiRequestError, apiGet, apiSend } from '../../../lib/api-client';
import { returnPath } from '../../../lib/links';
import { planKeys, returnKeys } from '../../../lib/query-keys';

/** GET /api/returns/:id: the return the plan belongs to (its levels today, evidence and people). */
export function useReturnDetail(id: string) {
  return useQuery({
    queryKey: returnKeys.detail(id),
    queryFn: ({ signal }) => apiGet<ReturnDetail>(returnPath(id), {}, signal),
    staleTime: 0,
  });
}

/** GET /api/returns/:id/assignees: the people of the trust who may own an action. */
export function useAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: returnKeys.assignees(id),
    enabled,
    queryFn: ({ signal }) => apiGet<AssigneeList>(returnPath(id, 'assignees'), {}, signal),
  });
}

/** GET /api/returns/:id/plan/approvals/:approvalId: the plan as the board approved it (never changes). */
export function useApprovedPlan(id: string, approvalId: string) {
  return useQuery({
    queryKey: planKeys.approved(id, approvalId),
    queryFn: ({ signal }) =>
      apiGet<ApprovedPlan>(returnPath(id, 'plan', 'approvals', approvalId), {}, signal),
    staleTime: Infinity,
  });
}

function isPlan(value: unknown): value is ImprovementPlan {
  return typeof value === 'object' && value !== null && 'returnId' in value && 'actions' in value;
}

/** After a change: show the plan the API answered with, if it did, and read the plan and roll-ups again. */
function refreshPlan(queryClient: QueryClient, id: string, answer?: unknown): void {
  if (isPlan(answer)) queryClient.setQueryData(planKeys.detail(id), answer);
  void queryClient.invalidateQueries({ queryKey: planKeys.all });
  // The return's history lists plan changes too.
  void queryClient.invalidateQueries({ queryKey: returnKeys.all, refetchType: 'none' });
}

/** The version stored now, sent with a 409 PLAN_CONFLICT or ACTION_CONFLICT. */
export function conflictCurrent<T>(error: unknown): T | null | undefined {
  if (!(error instanceof ApiRequestError) || error.status !== 409 || !error.body) return undefined;
  const body = error.body as unknown as { current?: T | null };
  return 'current' in body ? (body.current ?? null) : undefined;
}

/** PUT /api/returns/:id/plan: the target date and targets. */
export function useSavePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SavePlanRequest) => apiSend<unknown>('PUT', returnPath(id, 'plan'), body),
    onSuccess: (answer) => refreshPlan(queryClient, id, answer),
  });
}

/** POST /api/returns/:id/plan/actions */
export function useCreateAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActionRequest) =>
      apiSend<unknown>('POST', returnPath(id, 'plan', 'actions'), body),
    onSettled: (answer) => refreshPlan(queryClient, id, answer),
  });
}

/** PATCH /api/returns/:id/plan/actions/:actionId */
export function useUpdateAction(id: string, actionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateActionRequest) =>
      apiSend<PlanAction | ImprovementPlan>('PATCH', returnPath(id, 'plan', 'actions', actionId), body),
    onSuccess: (answer) => refreshPlan(queryClient, id, answer),
  });
}

/** DELETE /api/returns/:id/plan/actions/:actionId?baseVersion=: 409 ACTION_CONFLICT when it changed meanwhile. */
export function useRemoveAction(id: string, actionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (baseVersion: number) =>
      apiSend<unknown>('DELETE', `${returnPath(id, 'plan', 'actions', actionId)}?baseVersion=${baseVersion}`),
    onSettled: (answer) => refreshPlan(queryClient, id, answer),
  });
}

/** POST /api/returns/:id/plan/actions/merge: the first keeps its fields and gains the others' elements. */
export function useMergeActions(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeActionsRequest) =>
      apiSend<unknown>('POST', returnPath(id, 'plan', 'actions', 'merge'), body),
    onSettled: (answer) => refreshPlan(queryClient, id, answer),
  });
}

/** POST /api/returns/:id/plan/approvals: the board approves the plan on its own (a sealed return). */
export function useApprovePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApprovePlanRequest) =>
      apiSend<PlanApprovalRecord>('POST', returnPath(id, 'plan', 'approvals'), body),
    onSettled: () => refreshPlan(queryClient, id),
  });
}
