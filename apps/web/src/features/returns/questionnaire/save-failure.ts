import type { AnswerConflictError, DomainAnswer, FieldError } from '@wgll/contracts';

import { ApiRequestError } from '../../../lib/api-client';

/** What a failed save means for autosave. */
export type SaveFailure =
  /** Someone else saved the answer first: the person must choose. */
  | { kind: 'conflict'; current: DomainAnswer | null }
  /** Nothing on this page can be saved any more (sealed, cycle closed, no permission, signed out). */
  | { kind: 'stop'; code: string; message: string }
  /** The API refused this answer: show why on the domain; try again after the next edit. */
  | { kind: 'invalid'; message: string; fieldErrors: FieldError[] }
  /** Worth trying again: the network, the server, or too many requests. */
  | { kind: 'retry'; afterMs: number | undefined };

const STOP_MESSAGES: Record<string, string> = {
  RETURN_SEALED: 'This return has been submitted and sealed, so its answers can no longer be changed.',
  CYCLE_NOT_OPEN: 'The assessment cycle is not open, so answers can no longer be changed.',
  RETURN_STATE: 'The return can no longer be changed in its current state.',
  RETURN_NOT_FOUND: 'This return no longer exists.',
  FORBIDDEN: 'Your account is no longer allowed to answer this return.',
  UNAUTHENTICATED: 'You have been signed out. Sign in again to carry on.',
  CSRF_FAILED: 'Your session has changed. Reload the page, or sign in again, to carry on.',
};

const DEFAULT_STOP = 'Your changes cannot be saved at the moment.';

function stopMessage(code: string): string {
  return STOP_MESSAGES[code] ?? DEFAULT_STOP;
}

function isConflictBody(body: unknown): body is AnswerConflictError {
  return typeof body === 'object' && body !== null && (body as { code?: unknown }).code === 'ANSWER_CONFLICT';
}

/** Sorts a failed save or confirm into what autosave should do about it. */
export function classifySaveFailure(error: unknown): SaveFailure {
  if (!(error instanceof ApiRequestError)) return { kind: 'retry', afterMs: undefined };
  if (error.code === 'ANSWER_CONFLICT') {
    return { kind: 'conflict', current: isConflictBody(error.body) ? (error.body.current ?? null) : null };
  }
  if (error.code in STOP_MESSAGES || error.status === 401 || error.status === 403) {
    return { kind: 'stop', code: error.code, message: stopMessage(error.code) };
  }
  if (error.code === 'TOO_MANY_ATTEMPTS' || error.status === 429) {
    return {
      kind: 'retry',
      afterMs: error.retryAfterSeconds === undefined ? undefined : error.retryAfterSeconds * 1000,
    };
  }
  if (error.status === 0 || error.status >= 500 || error.code === 'UNEXPECTED_RESPONSE') {
    return { kind: 'retry', afterMs: undefined };
  }
  if (error.status === 409) return { kind: 'stop', code: error.code, message: stopMessage(error.code) };
  // 400 (unknown elements or evidence, a comment too long…), 404 (the domain is not in the return).
  return { kind: 'invalid', message: error.message, fieldErrors: error.fieldErrors };
}
