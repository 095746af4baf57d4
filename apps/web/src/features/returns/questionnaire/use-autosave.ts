import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DomainAnswer } from '@wgll/contracts';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';

import { useCurrentUser } from '../../../lib/api/session-api';
import { confirmAnswer, rememberAnswer, saveAnswer } from '../api/answers-api';
import { AutosaveEngine } from './autosave-engine';
import { sessionDraftStorage } from './draft-storage';

/**
 * One engine per return for the life of the tab, so a save in flight or waiting to retry carries on
 * when the person moves to another measure or page of the return, and comes back to its state.
 */
const engines = new Map<string, AutosaveEngine>();

type Listener = (event: AutosaveEvent) => void;
export type AutosaveEvent =
  { kind: 'conflict'; domainId: string } | { kind: 'approvals-withdrawn'; domainId: string; count: number };
const eventListeners = new Map<string, Set<Listener>>();

function emitEvent(returnId: string, event: AutosaveEvent) {
  for (const listener of eventListeners.get(returnId) ?? []) listener(event);
}

/** Engines and kept edits belong to one user: another user signing in on the tab never sends them. */
function engineFor(userId: string, returnId: string, queryClient: QueryClient): AutosaveEngine {
  const scope = `${userId}:${returnId}`;
  let engine = engines.get(scope);
  if (!engine) {
    engine = new AutosaveEngine({
      scope,
      storage: sessionDraftStorage(),
      transport: {
        save: (domainId, request) => saveAnswer(returnId, domainId, request),
        confirm: (domainId, baseVersion) => confirmAnswer(returnId, domainId, baseVersion),
      },
      onAnswer: (answer, result) => {
        rememberAnswer(queryClient, returnId, answer, result);
        if (result && result.approvalsWithdrawn > 0) {
          emitEvent(returnId, {
            kind: 'approvals-withdrawn',
            domainId: answer.domainId,
            count: result.approvalsWithdrawn,
          });
        }
      },
      onConflict: (domainId) => emitEvent(returnId, { kind: 'conflict', domainId }),
    });
    engines.set(scope, engine);
  }
  return engine;
}

interface UseAutosaveOptions {
  returnId: string;
  /** The stored answers (from the return) and the return's domains; undefined while loading. */
  answers: readonly DomainAnswer[] | undefined;
  domainIds: readonly string[] | undefined;
  /** False when the person may not answer or the return is closed: nothing is sent. */
  enabled: boolean;
  onEvent?: Listener;
}

/**
 * Autosave for a return's answers: the engine's live state, and the actions the questionnaire
 * needs. Also retries at once when the browser comes back online, sends pending edits when the
 * page is left, and warns before the tab is closed while anything is unsaved.
 */
export function useAutosave({ returnId, answers, domainIds, enabled, onEvent }: UseAutosaveOptions) {
  const queryClient = useQueryClient();
  const userId = useCurrentUser()?.id ?? 'signed-out';
  const current = useMemo(() => engineFor(userId, returnId, queryClient), [userId, returnId, queryClient]);
  const snapshot = useSyncExternalStore(current.subscribe, current.getSnapshot);

  useEffect(() => {
    if (answers && domainIds) current.sync(answers, domainIds);
  }, [current, answers, domainIds]);

  useEffect(() => {
    if (domainIds) current.setEnabled(enabled);
  }, [current, enabled, domainIds]);

  useEffect(() => {
    if (!onEvent) return undefined;
    const listeners = eventListeners.get(returnId) ?? new Set<Listener>();
    eventListeners.set(returnId, listeners);
    listeners.add(onEvent);
    return () => void listeners.delete(onEvent);
  }, [returnId, onEvent]);

  useEffect(() => {
    // Coming back to the page (for example after signing in again) tries saving again.
    current.resume();
    const retry = () => current.flushAll();
    window.addEventListener('online', retry);
    return () => {
      window.removeEventListener('online', retry);
      // Leaving the page: send what is waiting for the pause rather than hold it back.
      current.flushAll();
    };
  }, [current]);

  const hasUnsaved = snapshot.unsaved > 0 || snapshot.busy > 0;
  useEffect(() => {
    if (!hasUnsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsaved]);

  const edit = useCallback((...args: Parameters<AutosaveEngine['edit']>) => current.edit(...args), [current]);
  const flush = useCallback((domainId: string) => current.flush(domainId), [current]);
  const confirm = useCallback((domainId: string) => current.confirm(domainId), [current]);
  const keepMine = useCallback((domainId: string) => current.keepMine(domainId), [current]);
  const takeSaved = useCallback((domainId: string) => current.takeSaved(domainId), [current]);
  const resume = useCallback(() => current.resume(), [current]);

  return { snapshot, edit, flush, confirm, keepMine, takeSaved, resume };
}
