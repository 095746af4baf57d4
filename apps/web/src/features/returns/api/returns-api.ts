import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Approval,
  ApproveRequest,
  CreateOrganisationReturnsRequest,
  CreateReturnsResult,
  CreateSystemReturnRequest,
  DeclineRequest,
  ReadableReturn,
  ReopenRequest,
  ReturnDetail,
  ReturnHistory,
  ReturnList,
  ReturnOwner,
  ReturnSummary,
  SealVerification,
} from '@wgll/contracts';
import type { FrameworkVersion } from '@wgll/framework';

import { apiGet, apiSend } from '../../../lib/api-client';
import { frameworkVersionQuery, useFrameworkVersion } from '../../../lib/api/frameworks-api';
import { icsReturnsPath, organisationReturnsPath, returnPath } from '../../../lib/links';
import { invalidateReturns } from '../../../lib/query-cache';
import { returnKeys } from '../../../lib/query-keys';

/** The API path of a trust's or an ICB's returns. */
const ownerReturnsApiPath = (ownerType: ReturnOwner['type'], code: string) =>
  ownerType === 'ics' ? icsReturnsPath(code) : organisationReturnsPath(code);

/** GET /api/returns/:id: the return with its answers, scores, evidence, assignments and approvals. */
export function returnQuery(id: string) {
  return {
    queryKey: returnKeys.detail(id),
    queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<ReturnDetail>(returnPath(id), {}, signal),
  };
}

/** When the return asked for as the app started arrived (see prefetchReturn), by id. */
const prefetchedAt = new Map<string, number>();

/** How long an answer asked for as the app started counts as read by the page it started on. */
const PREFETCH_FRESH_MS = 10_000;

/**
 * GET /api/returns/:id as the app starts on a return's page, in parallel with the page's code, and
 * beside it GET /api/returns/:id/framework, its framework version (the questionnaire's questions),
 * rather than after it. The version is kept where the pages look for it (the version's own query),
 * once the return says which it is.
 */
export function prefetchReturn(queryClient: QueryClient, id: string): void {
  const framework = apiGet<FrameworkVersion>(returnPath(id, 'framework'));
  // A failure is left for the page, which asks for the version again.
  framework.catch(() => undefined);
  void queryClient
    .fetchQuery(returnQuery(id))
    .then((detail) => {
      const state = queryClient.getQueryState(returnKeys.detail(id));
      if (state) prefetchedAt.set(id, state.dataUpdatedAt);
      return queryClient.prefetchQuery({
        ...frameworkVersionQuery(
          detail.framework.frameworkId,
          detail.framework.version,
          detail.careSetting ?? undefined,
        ),
        queryFn: () => framework,
      });
    })
    .catch(() => undefined);
}

export function useReturn(id: string) {
  return useQuery({
    ...returnQuery(id),
    // Others change returns too (answers, approvals): read it again each time a page shows it, except
    // the answer asked for as the app started, on its first page.
    staleTime: 0,
    refetchOnMount: (query) =>
      query.state.dataUpdatedAt !== prefetchedAt.get(id) ||
      Date.now() - query.state.dataUpdatedAt > PREFETCH_FRESH_MS,
  });
}

/** The framework version a return is answered against, with only its care setting's domains. */
export function useReturnFramework(detail: Pick<ReturnSummary, 'framework' | 'careSetting'> | undefined) {
  return useFrameworkVersion(
    detail?.framework.frameworkId ?? '',
    detail?.framework.version ?? '',
    detail?.careSetting ?? undefined,
    { enabled: detail !== undefined },
  );
}

/**
 * GET /api/organisations/:code/returns (a trust's returns) or GET /api/ics/:code/returns (an ICB's
 * own system-level returns), for one cycle or all.
 */
export function useOwnerReturns(ownerType: ReturnOwner['type'], code: string, cycleId: string | undefined) {
  return useQuery({
    queryKey:
      ownerType === 'ics' ? returnKeys.ofIcs(code, cycleId) : returnKeys.ofOrganisation(code, cycleId),
    queryFn: ({ signal }) => apiGet<ReturnList>(ownerReturnsApiPath(ownerType, code), { cycleId }, signal),
    staleTime: 0,
  });
}

/** GET /api/returns/:id/history: one page of the return's audit events, newest first. */
export function useReturnHistory(id: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: returnKeys.history(id, page),
    queryFn: ({ signal }) => apiGet<ReturnHistory>(returnPath(id, 'history'), { page, pageSize }, signal),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

/** GET /api/returns/:id/seals/:revision: the sealed snapshot (read for its scores). */
export function useSealSnapshot(id: string, revision: number) {
  return useQuery({
    queryKey: returnKeys.seal(id, revision),
    queryFn: ({ signal }) => apiGet<unknown>(returnPath(id, 'seals', revision), {}, signal),
    // A seal never changes.
    staleTime: Infinity,
  });
}

/** GET /api/returns/:id/seals/:revision/readable: the sealed copy in words (titles, element texts). */
export function useSealReadable(id: string, revision: number) {
  return useQuery({
    queryKey: [...returnKeys.seal(id, revision), 'readable'],
    queryFn: ({ signal }) =>
      apiGet<ReadableReturn>(returnPath(id, 'seals', revision, 'readable'), {}, signal),
    // A seal never changes.
    staleTime: Infinity,
  });
}

/** GET /api/returns/:id/seals/:revision/verification: recomputes the hash now, when asked. */
export function useVerifySeal(id: string, revision: number) {
  return useMutation({
    mutationFn: () => apiGet<SealVerification>(returnPath(id, 'seals', revision, 'verification')),
  });
}

/** After a change that answered with the return: show it now, and read everything else again. */
function refreshReturns(queryClient: QueryClient, detail?: ReturnDetail): void {
  if (detail) queryClient.setQueryData(returnKeys.detail(detail.id), detail);
  invalidateReturns(queryClient, { except: detail?.id });
}

/**
 * POST /api/organisations/:code/returns (a trust's returns, one for each care setting given) or
 * POST /api/ics/:code/returns (the ICB's own system-level return), for a cycle.
 */
export function useStartReturns(ownerType: ReturnOwner['type'], code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationReturnsRequest | CreateSystemReturnRequest) =>
      apiSend<CreateReturnsResult>('POST', ownerReturnsApiPath(ownerType, code), body),
    onSuccess: () => refreshReturns(queryClient),
  });
}

/** POST /api/returns/:id/ready: every domain is answered; the board may now approve. */
export function useMarkReady(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<ReturnDetail>('POST', returnPath(id, 'ready')),
    onSuccess: (detail) => refreshReturns(queryClient, detail),
    // A refusal may mean the return changed meanwhile: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(id) }),
  });
}

/** POST /api/returns/:id/approvals: records the board's approval. */
export function useApproveReturn(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApproveRequest) => apiSend<Approval>('POST', returnPath(id, 'approvals'), body),
    onSuccess: () => refreshReturns(queryClient),
    // A refusal may mean the return changed meanwhile: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(id) }),
  });
}

/** POST /api/returns/:id/declines: the board sends the return back to draft with its comments. */
export function useDeclineReturn(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeclineRequest) => apiSend<ReturnDetail>('POST', returnPath(id, 'declines'), body),
    onSuccess: (detail) => refreshReturns(queryClient, detail),
    // A refusal may mean the return changed meanwhile: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(id) }),
  });
}

/** POST /api/returns/:id/submit: seals the approved return. */
export function useSubmitReturn(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<ReturnDetail>('POST', returnPath(id, 'submit')),
    onSuccess: (detail) => refreshReturns(queryClient, detail),
    // A refusal may mean the return changed meanwhile: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(id) }),
  });
}

/** POST /api/returns/:id/reopen: starts the next revision of a submitted return. */
export function useReopenReturn(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReopenRequest) => apiSend<ReturnDetail>('POST', returnPath(id, 'reopen'), body),
    onSuccess: (detail) => refreshReturns(queryClient, detail),
    // A refusal may mean the return changed meanwhile: read it again.
    onError: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(id) }),
  });
}
