import type { ApiError, ErrorCode, FieldError, SessionInfo } from '@wgll/contracts';

/** Codes the API sends, plus the two failures that happen before a JSON error body arrives. */
export type ApiRequestErrorCode = ErrorCode | 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/** A failed API call, carrying the API's stable error code and any field messages. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ApiRequestErrorCode;
  readonly fieldErrors: FieldError[];
  /** On 429 TOO_MANY_ATTEMPTS: seconds until another try is allowed. */
  readonly retryAfterSeconds: number | undefined;
  /** The whole error body, when the API sent one (e.g. `current` on 409 ANSWER_CONFLICT). */
  readonly body: ApiError | undefined;

  constructor(
    status: number,
    code: ApiRequestErrorCode,
    message: string,
    fieldErrors: FieldError[] = [],
    retryAfterSeconds?: number,
    body?: ApiError,
  ) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = retryAfterSeconds;
    this.body = body;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isValidationError(): boolean {
    return this.status === 400;
  }

  get isForbidden(): boolean {
    return this.status === 403 && this.code === 'FORBIDDEN';
  }
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=2`, leaving out empty values; returns '' when nothing is left. */
function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['field'] === 'string' &&
    Array.isArray(candidate['messages']) &&
    candidate['messages'].every((message) => typeof message === 'string')
  );
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate['statusCode'] === 'number' &&
    typeof candidate['code'] === 'string' &&
    typeof candidate['message'] === 'string' &&
    (candidate['errors'] === undefined ||
      (Array.isArray(candidate['errors']) && candidate['errors'].every(isFieldError)))
  );
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** The address of an API path in the browser, for example for a download link: `/api/returns/…`. */
export function apiUrl(path: string): string {
  return `/api${path}`;
}

type SessionListener = (session: SessionInfo | null) => void;

const sessionListeners = new Set<SessionListener>();
let csrfToken: string | undefined;
let refreshing: Promise<SessionInfo | null> | undefined;
/** How many refreshes have given a new access cookie: a request sent before one needs no other. */
let refreshedSessions = 0;

/**
 * Hears about session changes the client finds out about by itself: a refreshed session, or null
 * when the session has ended and could not be refreshed (the user must sign in again).
 */
export function onSessionChange(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** Remembers the CSRF token of the session the API just described. */
export function rememberSession(session: SessionInfo): SessionInfo {
  csrfToken = session.csrfToken;
  return session;
}

async function send(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    csrfToken ??= rememberSession(await request<SessionInfo>('GET', '/auth/session')).csrfToken;
    headers['x-csrf-token'] = csrfToken;
  }
  // Multipart bodies get their content type (with the boundary) from the browser.
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  try {
    return await fetch(apiUrl(path), {
      method,
      headers,
      body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'NETWORK_ERROR', 'The service could not be reached.');
  }
}

async function toResult<T>(response: Response): Promise<T> {
  const body = await readJson(response);
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    if (body === undefined) {
      throw new ApiRequestError(
        response.status,
        'UNEXPECTED_RESPONSE',
        'The service sent an unreadable response.',
      );
    }
    return body as T;
  }
  if (isApiError(body)) {
    const header = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
    const retryAfter =
      typeof body.retryAfterSeconds === 'number'
        ? body.retryAfterSeconds
        : Number.isFinite(header)
          ? header
          : undefined;
    throw new ApiRequestError(body.statusCode, body.code, body.message, body.errors ?? [], retryAfter, body);
  }
  throw new ApiRequestError(
    response.status,
    response.status === 404 ? 'NOT_FOUND' : 'UNEXPECTED_RESPONSE',
    `The service responded with status ${response.status}.`,
  );
}

/**
 * Asks the API for a fresh access cookie. Callers that arrive while a refresh is under way share
 * it. Resolves with the new session, or null (and tells the listeners) when the user must sign in.
 */
function refreshSession(): Promise<SessionInfo | null> {
  refreshing ??= request<SessionInfo>('POST', '/auth/refresh')
    .then((session) => rememberSession(session))
    .catch(() => null)
    .then((session) => {
      const signedIn = session?.user ? session : null;
      if (signedIn) refreshedSessions += 1;
      for (const listener of sessionListeners) listener(signedIn);
      return signedIn;
    })
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

/**
 * One request to the API. When the access cookie has expired (401 UNAUTHENTICATED), refreshes the
 * session once and retries; the /auth routes are left alone, since they decide sessions themselves.
 * A refresh that finished while the request was on its way (another request's) is enough: the
 * request is sent again with the new cookie rather than refreshing a second time.
 */
async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const sentWith = refreshedSessions;
  const response = await send(method, path, body, signal);
  const mayRefresh = response.status === 401 && !path.startsWith('/auth/');
  try {
    return await toResult<T>(response);
  } catch (error) {
    if (!mayRefresh || !(error instanceof ApiRequestError) || error.code !== 'UNAUTHENTICATED') throw error;
    if (refreshedSessions === sentWith && (await refreshSession()) === null) throw error;
    return toResult<T>(await send(method, path, body, signal));
  }
}

/**
 * GET a JSON resource from the API (same origin, prefix /api). Resolves with the body on 2xx;
 * otherwise rejects with an ApiRequestError built from the API's error body.
 */
export function apiGet<T>(
  path: string,
  params: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<T> {
  return request<T>('GET', `${path}${toQueryString(params)}`, undefined, signal);
}

/**
 * POST, PUT, PATCH or DELETE with the session's CSRF token. The body is sent as JSON, or as a
 * multipart form when it is FormData (for example a file upload: the browser sets the content type
 * and boundary). Resolves with the response body, or undefined for 204 No Content.
 */
export function apiSend<T = void>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  return request<T>(method, path, body);
}

/**
 * GET /api/auth/session: who is signed in. When nobody is but the browser holds a refresh cookie
 * (the access cookie is short-lived), one refresh is tried before answering "signed out"; with no
 * refresh cookie there is nothing to try (and no 401 to log).
 */
export async function fetchSession(signal?: AbortSignal): Promise<SessionInfo> {
  const session = rememberSession(await request<SessionInfo>('GET', '/auth/session', undefined, signal));
  if (session.user || !session.refreshable) return session;
  return (await refreshSession()) ?? session;
}
