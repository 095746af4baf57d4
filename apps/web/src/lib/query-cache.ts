import { hashKey, type QueryClient } from '@tanstack/react-query';
import type { ImportDetail, UserSummary } from '@wgll/contracts';

import { auditKeys, cycleKeys, importKeys, resultKeys, returnKeys, userKeys } from './query-keys';

/**
 * What each change makes stale. A change in one feature often shows in another's pages (a saved
 * answer in the results' completion, a new cycle in the results' choices), so the rules live here.
 */

/**
 * After any change to a return, everything about returns (the return, its history, the owner's
 * lists, assignments) is read again: at once where it is on screen, or with `refetchType: 'none'`
 * only when next shown. `except` names a return whose detail the caller has just written from the
 * API's response, so it is not read again straight away.
 */
export function invalidateReturns(
  queryClient: QueryClient,
  { except, refetchType = 'active' }: { except?: string; refetchType?: 'active' | 'none' } = {},
): void {
  const kept = except === undefined ? undefined : hashKey(returnKeys.detail(except));
  void queryClient.invalidateQueries({
    queryKey: returnKeys.all,
    refetchType,
    predicate: (query) => query.queryHash !== kept,
  });
  // Results show the returns' states (completion) and sealed scores.
  void queryClient.invalidateQueries({ queryKey: resultKeys.all, refetchType });
}

/** A new cycle: the cycle lists, and the cycles the results offer. */
export function invalidateAfterNewCycle(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
  void queryClient.invalidateQueries({ queryKey: resultKeys.cycles() });
}

/** A cycle re-dated or retired: the cycles, and the returns and results of every cycle. */
export function invalidateAfterCycleChange(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: cycleKeys.all });
  void queryClient.invalidateQueries({ queryKey: returnKeys.all });
  void queryClient.invalidateQueries({ queryKey: resultKeys.all });
}

/** An import changes which results exist: show the import, read the imports and every result again. */
export function showImport(queryClient: QueryClient, detail: ImportDetail): void {
  queryClient.setQueryData(importKeys.detail(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: importKeys.list() });
  void queryClient.invalidateQueries({ queryKey: resultKeys.all });
}

/** After a change, show the new user everywhere: this user's page now, the lists when next seen. */
export function showUser(queryClient: QueryClient, user: UserSummary): void {
  queryClient.setQueryData(userKeys.detail(user.id), user);
  void queryClient.invalidateQueries({ queryKey: userKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: auditKeys.all });
}

/** A new invitation link: the user's page (its invitation) and the audit log are read again. */
export function invalidateAfterInvitation(queryClient: QueryClient, userId: string): void {
  void queryClient.invalidateQueries({ queryKey: userKeys.detail(userId) });
  void queryClient.invalidateQueries({ queryKey: auditKeys.all });
}
