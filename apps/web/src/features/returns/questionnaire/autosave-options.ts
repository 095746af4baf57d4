import type { DomainAnswer, SaveAnswerRequest, SaveAnswerResult } from '@wgll/contracts';

import type { DraftStorage } from './draft-storage';

export interface AutosaveTransport {
  save(domainId: string, request: SaveAnswerRequest): Promise<SaveAnswerResult>;
  confirm(domainId: string, baseVersion: number): Promise<SaveAnswerResult>;
}

export interface AutosaveClock {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): Date;
}

export interface AutosaveOptions {
  /** Whose edits of which return the engine keeps in storage: the user and the return. */
  scope: string;
  transport: AutosaveTransport;
  storage: DraftStorage;
  clock?: AutosaveClock;
  /** The pause after the last edit before saving. */
  debounceMs?: number;
  /** Told after every successful save or confirm, and when a saved version replaces the person's own. */
  onAnswer?: (answer: DomainAnswer, result: SaveAnswerResult | null) => void;
  onConflict?: (domainId: string) => void;
}

export const DEBOUNCE_MS = 800;
const MAX_RETRY_MS = 30_000;

/** 1 s, 2 s, 4 s… up to 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), MAX_RETRY_MS);
}

export const realClock: AutosaveClock = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => new Date(),
};
