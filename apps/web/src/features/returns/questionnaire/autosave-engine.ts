import type { DomainAnswer, SaveAnswerResult } from '@wgll/contracts';

import { draftFromAnswer, sameDraft, toSaveRequest, type AnswerDraft } from './answer-draft';
import {
  DEBOUNCE_MS,
  realClock,
  retryDelay,
  type AutosaveClock,
  type AutosaveOptions,
} from './autosave-options';
import { buildSnapshot, type AutosaveSnapshot, type EntryState } from './autosave-snapshot';
import { classifySaveFailure, type SaveFailure } from './save-failure';

export { retryDelay };
export type { AutosaveClock, AutosaveOptions };

interface Entry extends EntryState {
  timer: unknown;
  /**
   * A newer stored answer seen while a save was in flight (for example evidence removed from the
   * return, which moves the versions of the answers citing it on): taken once the save returns, if
   * nothing was edited meanwhile.
   */
  newer: DomainAnswer | null;
}

/**
 * Saves each domain's answer as the person edits it, one request per domain at a time. Edits made
 * while a save is in flight are sent next, based on the version that save returns. Failures keep
 * the edit (in memory and in storage) and retry; a conflict waits for the person to choose. Knows
 * nothing of React: `subscribe` and `getSnapshot` suit useSyncExternalStore.
 */
export class AutosaveEngine {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private readonly clock: AutosaveClock;
  private readonly debounceMs: number;
  private enabled = false;
  private stopped: { code: string; message: string } | null = null;
  private lastSavedAt: Date | null = null;
  private snapshot: AutosaveSnapshot;

  constructor(private readonly options: AutosaveOptions) {
    this.clock = options.clock ?? realClock;
    this.debounceMs = options.debounceMs ?? DEBOUNCE_MS;
    this.snapshot = buildSnapshot(this.entries, this.stopped, this.lastSavedAt);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AutosaveSnapshot => this.snapshot;

  /**
   * Takes in the stored answers (on load and whenever the return is fetched again). A domain with
   * nothing unsaved follows the newer stored answer; one with unsaved edits keeps them. On first
   * sight of a domain, an edit kept in storage (from before a reload) is restored and sent.
   */
  sync(answers: readonly DomainAnswer[], domainIds: readonly string[]): void {
    const byDomain = new Map(answers.map((answer) => [answer.domainId, answer]));
    for (const domainId of domainIds) {
      const answer = byDomain.get(domainId) ?? null;
      const entry = this.entries.get(domainId);
      if (!entry) {
        this.entries.set(domainId, this.createEntry(domainId, answer));
        continue;
      }
      if (entry.inFlight && answer && answer.version > (entry.newer?.version ?? entry.baseVersion)) {
        entry.newer = answer;
      }
      const busy = isDirty(entry) || entry.inFlight || entry.conflict || entry.timer !== null;
      if (busy || !answer || answer.version < entry.baseVersion) continue;
      if (answer.version > entry.baseVersion) entry.draft = entry.savedDraft = draftFromAnswer(answer);
      entry.stored = answer;
      entry.baseVersion = answer.version;
    }
    this.emit();
  }

  /** Whether saving is allowed (the person may answer and the return is open); sends restored edits. */
  setEnabled(enabled: boolean): void {
    if (this.enabled === enabled) return;
    this.enabled = enabled;
    if (enabled) for (const entry of this.entries.values()) if (isDirty(entry)) this.schedule(entry, 0);
    this.emit();
  }

  /**
   * A new draft for a domain (or a change to the current one): kept at once, in memory and storage,
   * and saved after a pause (or straight away with `now`).
   */
  edit(domainId: string, change: AnswerDraft | ((draft: AnswerDraft) => AnswerDraft), now = false): void {
    const entry = this.entries.get(domainId);
    if (!entry) return;
    entry.draft = typeof change === 'function' ? change(entry.draft) : change;
    this.keep(entry);
    if (!entry.conflict && !this.stopped) this.schedule(entry, now ? 0 : this.debounceMs);
    this.emit();
  }

  /** Saves a domain's pending edit now (a text field lost focus). */
  flush(domainId: string): void {
    const entry = this.entries.get(domainId);
    if (entry && entry.timerKind === 'debounce') this.schedule(entry, 0);
  }

  /** Sends every pending edit now: the page is being left, or the browser is back online. */
  flushAll(): void {
    for (const entry of this.entries.values()) {
      const waiting = isDirty(entry) && !entry.inFlight && !entry.invalid && !entry.conflict;
      if (entry.timer !== null || waiting) this.schedule(entry, 0);
    }
  }

  /** Keeps a carried-forward answer as it is. A pending change confirms it anyway. */
  confirm(domainId: string): void {
    const entry = this.entries.get(domainId);
    if (!entry || entry.conflict || this.stopped) return;
    entry.confirmRequested = true;
    this.schedule(entry, 0);
    this.emit();
  }

  /** "Keep my changes": send them again, based on the version saved by someone else. */
  keepMine(domainId: string): void {
    const entry = this.entries.get(domainId);
    if (!entry?.conflict) return;
    this.adopt(entry, entry.conflict.current);
    entry.conflict = null;
    this.keep(entry);
    this.schedule(entry, 0);
    this.emit();
  }

  /** "Use the saved version": drop this person's edit for the one stored. */
  takeSaved(domainId: string): void {
    const entry = this.entries.get(domainId);
    if (!entry?.conflict) return;
    const current = entry.conflict.current;
    this.adopt(entry, current);
    entry.draft = entry.savedDraft;
    entry.conflict = null;
    entry.confirmRequested = false;
    this.keep(entry);
    if (current) this.options.onAnswer?.(current, null);
    this.emit();
  }

  /**
   * Tries saving again after autosave stopped (for example once the person has signed in again). If
   * the reason still holds, the first save stops it again.
   */
  resume(): void {
    if (!this.stopped) return;
    this.stopped = null;
    for (const entry of this.entries.values()) if (isDirty(entry) && !entry.conflict) this.schedule(entry, 0);
    this.emit();
  }

  /** Stops timers (the engine is being thrown away). Unsaved edits stay in storage. */
  dispose(): void {
    for (const entry of this.entries.values()) this.clearTimer(entry);
    this.listeners.clear();
  }

  private createEntry(domainId: string, answer: DomainAnswer | null): Entry {
    const savedDraft = draftFromAnswer(answer);
    const entry: Entry = {
      domainId,
      stored: answer,
      baseVersion: answer?.version ?? 0,
      savedDraft,
      draft: savedDraft,
      inFlight: null,
      timer: null,
      timerKind: null,
      attempts: 0,
      conflict: null,
      invalid: null,
      savedAt: null,
      confirmRequested: false,
      restored: false,
      newer: null,
    };
    const kept = this.options.storage.read(this.options.scope, domainId);
    if (kept && !sameDraft(kept.draft, savedDraft)) {
      entry.draft = kept.draft;
      entry.baseVersion = kept.baseVersion;
      entry.restored = true;
      if (this.enabled) this.schedule(entry, 0);
    } else if (kept) {
      this.options.storage.remove(this.options.scope, domainId);
    }
    return entry;
  }

  /** Takes `answer` as what is stored now. */
  private adopt(entry: Entry, answer: DomainAnswer | null): void {
    entry.stored = answer;
    entry.baseVersion = answer?.version ?? 0;
    entry.savedDraft = draftFromAnswer(answer);
  }

  /** Keeps an unsaved draft in storage, or forgets it once saved. */
  private keep(entry: Entry): void {
    const { scope, storage } = this.options;
    if (isDirty(entry))
      storage.write(scope, entry.domainId, { draft: entry.draft, baseVersion: entry.baseVersion });
    else storage.remove(scope, entry.domainId);
  }

  private schedule(entry: Entry, ms: number, kind: 'debounce' | 'retry' = 'debounce'): void {
    if (!this.enabled || this.stopped) return;
    // A retry already waiting sends the latest draft; an edit does not hurry it (unless asked to).
    if (entry.timerKind === 'retry' && kind === 'debounce' && ms > 0) return;
    this.clearTimer(entry);
    entry.timerKind = kind;
    entry.timer = this.clock.setTimeout(() => {
      entry.timer = null;
      entry.timerKind = null;
      this.send(entry);
    }, ms);
  }

  private clearTimer(entry: Entry): void {
    if (entry.timer !== null) this.clock.clearTimeout(entry.timer);
    entry.timer = null;
    entry.timerKind = null;
  }

  private send(entry: Entry): void {
    // One request per domain: the one in flight sends what follows when it ends.
    if (entry.inFlight || entry.conflict || this.stopped || !this.enabled) return;
    const dirty = isDirty(entry);
    if (!dirty && !entry.confirmRequested) {
      this.emit();
      return;
    }
    const kind = dirty ? 'save' : 'confirm';
    const draft = entry.draft;
    entry.inFlight = { draft, kind };
    const { transport } = this.options;
    const request =
      kind === 'save'
        ? transport.save(entry.domainId, toSaveRequest(draft, entry.baseVersion))
        : transport.confirm(entry.domainId, entry.baseVersion);
    request.then(
      (result) => this.succeeded(entry, draft, result),
      (error: unknown) => this.failed(entry, classifySaveFailure(error)),
    );
    this.emit();
  }

  private succeeded(entry: Entry, sent: AnswerDraft, result: SaveAnswerResult): void {
    entry.inFlight = null;
    entry.attempts = 0;
    entry.invalid = null;
    entry.restored = false;
    entry.confirmRequested = false;
    entry.stored = result.answer;
    entry.baseVersion = result.answer.version;
    // What was sent is what is stored: the draft is saved unless it changed meanwhile.
    entry.savedDraft = sent;
    entry.savedAt = this.lastSavedAt = this.clock.now();
    // Stored later than this save (seen while it was in flight): follow it, unless edited meanwhile.
    const newer = entry.newer;
    entry.newer = null;
    if (newer && newer.version > entry.baseVersion && !isDirty(entry)) {
      this.adopt(entry, newer);
      entry.draft = entry.savedDraft;
    }
    this.keep(entry);
    this.options.onAnswer?.(result.answer, result);
    if (isDirty(entry)) this.schedule(entry, 0);
    this.emit();
  }

  private failed(entry: Entry, failure: SaveFailure): void {
    entry.inFlight = null;
    entry.newer = null;
    switch (failure.kind) {
      case 'conflict':
        entry.conflict = { current: failure.current };
        this.clearTimer(entry);
        this.options.onConflict?.(entry.domainId);
        break;
      case 'stop':
        this.stopped = { code: failure.code, message: failure.message };
        for (const other of this.entries.values()) this.clearTimer(other);
        break;
      case 'invalid':
        entry.invalid = { message: failure.message, fieldErrors: failure.fieldErrors };
        entry.confirmRequested = false;
        break;
      case 'retry':
        entry.attempts += 1;
        this.schedule(entry, failure.afterMs ?? retryDelay(entry.attempts), 'retry');
        break;
    }
    this.emit();
  }

  private emit(): void {
    this.snapshot = buildSnapshot(this.entries, this.stopped, this.lastSavedAt, this.snapshot);
    for (const listener of this.listeners) listener();
  }
}

export function isDirty(entry: Pick<EntryState, 'draft' | 'savedDraft'>): boolean {
  return !sameDraft(entry.draft, entry.savedDraft);
}
