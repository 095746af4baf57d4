import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Approval,
  ApproveRequest,
  CreateOrganisationReturnsRequest,
  CreateReturnsResult,
  CreateSystemReturnRequest,
  ReopenRequest,
  ReturnDetail,
  ReturnHistory,
  ReturnList,
  ReturnSummary,
  SealVerification,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';

import { apiGet, apiSend } from '../../../lib/api-client';

export const returnKeys = {
  all: ['returns'] as const,
  detail: (id: string) => [...returnKeys.all, 'detail', id] as const,
  ofOrganisation: (code: string, cycleId: string | undefined) =>
    [...returnKeys.all, 'organisation', code, cycleId ?? null] as const,
  ofIcs: (code: string, cycleId: string | undefined) =>
    [...returnKeys.all, 'ics', code, cycleId ?? null] as const,
  history: (id: string, page: number) => [...returnKeys.all, 'history', id, page] as const,
  myAssignments: () => [...returnKeys.all, 'my-assignments'] as const,
};

export const returnUrl = (id: string) => `/returns/${encodeURIComponent(id)}`;

/** GET /api/returns/:id: the return with its answers, scores, evidence, assignments and approvals. */
export function useReturn(id: string) {
  return useQuery({
    queryKey: returnKeys.detail(id),
    queryFn: ({ signal }) => apiGet<ReturnDetail>(`/returns/${encodeURIComponent(id)}`, {}, signal),
  });
}

/** The framework version a return is answered against, with only its care setting's domains. */
export function useReturnFramework(detail: Pick<ReturnSummary, 'framework' | 'careSetting'> | undefined) {
  return useQuery({
    queryKey: [
      'frameworks',
      'version',
      detail?.framework.frameworkId,
      detail?.framework.version,
      detail?.careSetting,
    ],
    enabled: detail !== undefined,
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      apiGet<FrameworkVersion>(
        `/frameworks/${encodeURIComponent(detail!.framework.frameworkId)}/versions/${encodeURIComponent(detail!.framework.version)}`,
        { careSetting: detail!.careSetting ?? undefined },
        signal,
      ),
  });
}

/** GET /api/organisations/:code/returns: a trust's returns (one cycle, or all). */
export function useOrganisationReturns(code: string, cycleId: string | undefined) {
  return useQuery({
    queryKey: returnKeys.ofOrganisation(code, cycleId),
    queryFn: ({ signal }) =>
      apiGet<ReturnList>(`/organisations/${encodeURIComponent(code)}/returns`, { cycleId }, signal),
  });
}

/** GET /api/ics/:code/returns: an ICB's own system-level returns. */
export function useIcsReturns(code: string, cycleId: string | undefined) {
  return useQuery({
    queryKey: returnKeys.ofIcs(code, cycleId),
    queryFn: ({ signal }) =>
      apiGet<ReturnList>(`/ics/${encodeURIComponent(code)}/returns`, { cycleId }, signal),
  });
}

/** GET /api/returns/:id/history: one page of the return's audit events, newest first. */
export function useReturnHistory(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: returnKeys.history(id, page),
    queryFn: ({ signal }) => apiGet<ReturnHistory>(`${returnUrl(id)}/history`, { page, pageSize }, signal),
    placeholderData: (previous) => previous,
  });
}

/** GET /api/returns/:id/seals/:revision: the sealed snapshot (read for its scores). */
export function useSealSnapshot(id: string, revision: number) {
  return useQuery({
    queryKey: [...returnKeys.all, 'seal', id, revision] as const,
    queryFn: ({ signal }) => apiGet<unknown>(`${returnUrl(id)}/seals/${revision}`, {}, signal),
    // A seal never changes.
    staleTime: Infinity,
  });
}

/** GET /api/returns/:id/seals/:revision/verification: recomputes the hash now, when asked. */
export function useVerifySeal(id: string, revision: number) {
  return useMutation({
    mutationFn: () => apiGet<SealVerification>(`${returnUrl(id)}/seals/${revision}/verification`),
  });
}

/** After any change to a return: everything about returns is read again when next shown. */
function refreshReturns(queryClient: QueryClient, detail?: ReturnDetail): void {
  if (detail) queryClient.setQueryData(returnKeys.detail(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: returnKeys.all });
}

/** POST /api/organisations/:code/returns: starts a trust's returns for a cycle. */
export function useStartOrganisationReturns(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationReturnsRequest) =>
      apiSend<CreateReturnsResult>('POST', `/organisations/${encodeURIComponent(code)}/returns`, body),
    onSuccess: () => refreshReturns(queryClient),
  });
}

/** POST /api/ics/:code/returns: starts the ICB's own system-level return for a cycle. */
export function useStartSystemReturn(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSystemReturnRequest) =>
      apiSend<CreateReturnsResult>('POST', `/ics/${encodeURIComponent(code)}/returns`, body),
    onSuccess: () => refreshReturns(queryClient),
  });
}

/** POST /api/returns/:id/ready: every domain is answered; the board may now approve. */
export function useMarkReady(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<ReturnDetail>('POST', `${returnUrl(id)}/ready`),
    onSuccess: (detail) => refreshReturns(queryClient, detail),
    // A refusal may mean the return changed meanwhile: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(id) }),
  });
}

/** POST /api/returns/:id/approvals: records the board's approval. */
export function useApproveReturn(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApproveRequest) => apiSend<Approval>('POST', `${returnUrl(id)}/approvals`, body),
    onSuccess: () => refreshReturns(queryClient),
    // A refusal may mean the return changed meanwhile: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(id) }),
  });
}

/** POST /api/returns/:id/submit: seals the approved return. */
export function useSubmitReturn(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<ReturnDetail>('POST', `${returnUrl(id)}/submit`),
    onSuccess: (detail) => refreshReturns(queryClient, detail),
    // A refusal may mean the return changed meanwhile: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(id) }),
  });
}

/** POST /api/returns/:id/reopen: starts the next revision of a submitted return. */
export function useReopenReturn(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReopenRequest) => apiSend<ReturnDetail>('POST', `${returnUrl(id)}/reopen`, body),
    onSuccess: (detail) => refreshReturns(queryClient, detail),
    // A refusal may mean the return changed meanwhile: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(id) }),
  });
}
