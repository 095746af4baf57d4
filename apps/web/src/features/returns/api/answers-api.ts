import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AddEvidenceLinkRequest,
  ConfirmAnswerRequest,
  DomainAnswer,
  Evidence,
  EvidenceRules,
  ReturnDetail,
  SaveAnswerRequest,
  SaveAnswerResult,
} from '@wgll/contracts';

import { apiGet, apiSend, apiUrl } from '../../../lib/api-client';
import { returnPath } from '../../../lib/links';
import { invalidateReturns } from '../../../lib/query-cache';
import { evidenceRulesKey, returnKeys } from '../../../lib/query-keys';

/** PUT /api/returns/:id/answers/:domainId */
export function saveAnswer(
  returnId: string,
  domainId: string,
  body: SaveAnswerRequest,
): Promise<SaveAnswerResult> {
  return apiSend<SaveAnswerResult>('PUT', returnPath(returnId, 'answers', domainId), body);
}

/** POST /api/returns/:id/answers/:domainId/confirm: keeps a carried-forward answer as it is. */
export function confirmAnswer(
  returnId: string,
  domainId: string,
  baseVersion: number,
): Promise<SaveAnswerResult> {
  const body: ConfirmAnswerRequest = { baseVersion };
  return apiSend<SaveAnswerResult>('POST', returnPath(returnId, 'answers', domainId, 'confirm'), body);
}

/** The address of an evidence file, for downloading it. */
export function evidenceFileHref(returnId: string, evidenceId: string): string {
  return apiUrl(returnPath(returnId, 'evidence', evidenceId, 'file'));
}

function updateDetail(
  queryClient: QueryClient,
  returnId: string,
  update: (detail: ReturnDetail) => ReturnDetail,
) {
  queryClient.setQueryData<ReturnDetail>(returnKeys.detail(returnId), (detail) => detail && update(detail));
}

/**
 * Puts a saved (or newly seen) answer into the cached return, with the return's new state. The
 * progress, scores and approvals the server derives, the history, the owner's lists and the
 * assignments are all marked stale, so they are read afresh when next shown. When the save
 * withdrew the board's approvals, the return is read again at once, so no page still says approved.
 */
export function rememberAnswer(
  queryClient: QueryClient,
  returnId: string,
  answer: DomainAnswer,
  result: SaveAnswerResult | null,
): void {
  updateDetail(queryClient, returnId, (detail) => {
    const others = detail.answers.filter((item) => item.domainId !== answer.domainId);
    const known = detail.answers.find((item) => item.domainId === answer.domainId);
    if (known && known.version > answer.version) return detail;
    return {
      ...detail,
      answers: [...others, answer],
      state: result?.state ?? detail.state,
      evidence: detail.evidence.map((evidence) => {
        const cited = answer.evidenceIds.includes(evidence.id);
        const usedBy = evidence.usedBy.filter((domainId) => domainId !== answer.domainId);
        return { ...evidence, usedBy: cited ? [...usedBy, answer.domainId] : usedBy };
      }),
    };
  });
  invalidateReturns(queryClient, {
    refetchType: result && result.approvalsWithdrawn > 0 ? 'active' : 'none',
  });
}

/** GET /api/evidence-rules: what file evidence the server accepts. */
export function useEvidenceRules() {
  return useQuery({
    queryKey: evidenceRulesKey,
    queryFn: ({ signal }) => apiGet<EvidenceRules>('/evidence-rules', {}, signal),
    staleTime: Infinity,
  });
}

/**
 * New evidence goes into the cached return at once. The API withdraws the board's approvals when
 * evidence changes, so the return (and everything else about returns) is read again too.
 */
function rememberEvidence(queryClient: QueryClient, returnId: string, evidence: Evidence) {
  updateDetail(queryClient, returnId, (detail) => ({
    ...detail,
    evidence: [...detail.evidence.filter((item) => item.id !== evidence.id), evidence],
  }));
  invalidateReturns(queryClient);
}

/** POST /api/returns/:id/evidence/links */
export function useAddEvidenceLink(returnId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddEvidenceLinkRequest) =>
      apiSend<Evidence>('POST', returnPath(returnId, 'evidence', 'links'), body),
    onSuccess: (evidence) => rememberEvidence(queryClient, returnId, evidence),
  });
}

/** POST /api/returns/:id/evidence/files (multipart: the title first, then the file). */
export function useUploadEvidence(returnId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ title, file }: { title: string; file: File }) => {
      const form = new FormData();
      if (title) form.append('title', title);
      form.append('file', file, file.name);
      return apiSend<Evidence>('POST', returnPath(returnId, 'evidence', 'files'), form);
    },
    onSuccess: (evidence) => rememberEvidence(queryClient, returnId, evidence),
  });
}

/**
 * DELETE /api/returns/:id/evidence/:evidenceId: takes evidence off the return and off every answer
 * citing it (each of those answers' version moves on; a board approval is withdrawn). The return is
 * read again before the removal counts as done, so the page (and the questionnaire's autosave, which
 * takes the new versions of answers without unsaved edits) never shows it half removed. Everything
 * else about returns is marked stale, as after an upload.
 */
export function useRemoveEvidence(returnId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) => apiSend('DELETE', returnPath(returnId, 'evidence', evidenceId)),
    onSuccess: async () => {
      invalidateReturns(queryClient, { except: returnId });
      await queryClient.invalidateQueries({ queryKey: returnKeys.detail(returnId), exact: true });
    },
    // A refusal may mean the return changed meanwhile (sealed, or the evidence already removed).
    onError: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(returnId), exact: true }),
  });
}
