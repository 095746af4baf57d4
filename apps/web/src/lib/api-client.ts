import type { ApiError, ErrorCode, FieldError } from '@wgll/contracts';

/** Codes the API sends, plus the two failures that happen before a JSON error body arrives. */
export type ApiRequestErrorCode = ErrorCode | 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

/** A failed API call, carrying the API's stable error code and any field messages. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: ApiRequestErrorCode;
  readonly fieldErrors: FieldError[];

  constructor(status: number, code: ApiRequestErrorCode, message: string, fieldErrors: FieldError[] = []) {
    super(message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isValidationError(): boolean {
    return this.status === 400;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=2`, leaving out empty values; returns '' when nothing is left. */
export function toQueryString(params: Record<string, QueryValue>): string {
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

export function isApiError(value: unknown): value is ApiError {
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
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * GET a JSON resource from the API (same origin, prefix /api). Resolves with the body on 2xx;
 * otherwise rejects with an ApiRequestError built from the API's error body.
 */
export async function apiGet<T>(
  path: string,
  params: Record<string, QueryValue> = {},
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}${toQueryString(params)}`, {
      headers: { Accept: 'application/json' },
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'NETWORK_ERROR', 'The service could not be reached.');
  }

  const body = await readJson(response);
  if (response.ok) {
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
    throw new ApiRequestError(body.statusCode, body.code, body.message, body.errors ?? []);
  }
  throw new ApiRequestError(
    response.status,
    response.status === 404 ? 'NOT_FOUND' : 'UNEXPECTED_RESPONSE',
    `The service responded with status ${response.status}.`,
  );
}
