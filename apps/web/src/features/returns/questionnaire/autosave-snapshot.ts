import type { DomainAnswer, FieldError } from '@wgll/contracts';

import { sameDraft, type AnswerDraft } from './answer-draft';

/** The engine's bookkeeping for one domain. */
export interface EntryState {
  domainId: string;
  /** The answer stored on the server, as far as this page knows (null: never answered). */
  stored: DomainAnswer | null;
  /** The version the next save is based on. */
  baseVersion: number;
  /** What the server holds at `baseVersion`, as a draft: the draft is unsaved while it differs. */
  savedDraft: AnswerDraft;
  /** What the person sees and edits. */
  draft: AnswerDraft;
  inFlight: { draft: AnswerDraft; kind: 'save' | 'confirm' } | null;
  timerKind: 'debounce' | 'retry' | null;
  /** Failed attempts in a row. */
  attempts: number;
  conflict: { current: DomainAnswer | null } | null;
  invalid: { message: string; fieldErrors: FieldError[] } | null;
  savedAt: Date | null;
  confirmRequested: boolean;
  /** The draft came back from storage after a reload. */
  restored: boolean;
}

/**
 * saved: nothing to send. pending: waiting for the pause after an edit. saving: a request in flight.
 * retrying: the last attempt failed and another is due. conflict: someone else saved first.
 * invalid: the API refused the answer. stopped: nothing on the page can be saved.
 */
export type DomainPhase = 'saved' | 'pending' | 'saving' | 'retrying' | 'conflict' | 'invalid' | 'stopped';

export interface DomainSaveView {
  domainId: string;
  draft: AnswerDraft;
  stored: DomainAnswer | null;
  unsaved: boolean;
  phase: DomainPhase;
  /** The answer someone else saved, when their save and this person's edit conflict. */
  conflict: { current: DomainAnswer | null } | null;
  invalid: { message: string; fieldErrors: FieldError[] } | null;
  savedAt: Date | null;
  restored: boolean;
}

export interface AutosaveSnapshot {
  domains: ReadonlyMap<string, DomainSaveView>;
  stopped: { code: string; message: string } | null;
  lastSavedAt: Date | null;
  unsaved: number;
  busy: number;
  retrying: number;
  conflicts: number;
  invalid: number;
}

function phaseOf(entry: EntryState, unsaved: boolean, stopped: boolean): DomainPhase {
  if (entry.conflict) return 'conflict';
  if (stopped) return unsaved ? 'stopped' : 'saved';
  if (entry.inFlight) return 'saving';
  if (entry.timerKind === 'retry') return 'retrying';
  if (entry.invalid && unsaved) return 'invalid';
  if (unsaved || entry.confirmRequested) return 'pending';
  return 'saved';
}

function sameView(a: DomainSaveView, b: DomainSaveView): boolean {
  return (Object.keys(a) as (keyof DomainSaveView)[]).every((key) => a[key] === b[key]);
}

/** A fresh snapshot; views of domains that did not change are the previous objects (for memo). */
export function buildSnapshot(
  entries: ReadonlyMap<string, EntryState>,
  stopped: { code: string; message: string } | null,
  lastSavedAt: Date | null,
  previous?: AutosaveSnapshot,
): AutosaveSnapshot {
  const domains = new Map<string, DomainSaveView>();
  const counts = { unsaved: 0, busy: 0, retrying: 0, conflicts: 0, invalid: 0 };
  for (const entry of entries.values()) {
    const unsaved = !sameDraft(entry.draft, entry.savedDraft);
    const phase = phaseOf(entry, unsaved, stopped !== null);
    if (unsaved) counts.unsaved += 1;
    if (phase === 'saving' || phase === 'pending') counts.busy += 1;
    if (phase === 'retrying') counts.retrying += 1;
    if (phase === 'conflict') counts.conflicts += 1;
    if (phase === 'invalid') counts.invalid += 1;
    const view: DomainSaveView = {
      domainId: entry.domainId,
      draft: entry.draft,
      stored: entry.stored,
      unsaved,
      phase,
      conflict: entry.conflict,
      invalid: entry.invalid,
      savedAt: entry.savedAt,
      restored: entry.restored,
    };
    const before = previous?.domains.get(entry.domainId);
    domains.set(entry.domainId, before && sameView(before, view) ? before : view);
  }
  return { domains, stopped, lastSavedAt, ...counts };
}
