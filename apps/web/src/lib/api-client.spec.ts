import { afterEach, describe, expect, it } from '@jest/globals';

import { apiGet } from './api-client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const expired = () => json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in again.' });
const session = { user: { id: 'u1', displayName: 'A person' }, csrfToken: 'token' };

/** A promise and the function that settles it. */
function later<T>(): { promise: Promise<T>; settle: (value: T) => void } {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((done) => (settle = done));
  return { promise, settle };
}

/** Stands in for the browser's fetch: the client asks for paths (strings) only. Returns the calls made. */
function answerWith(answer: (url: string) => Response | Promise<Response>): string[] {
  const calls: string[] = [];
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(`${init?.method ?? 'GET'} ${url}`);
    return Promise.resolve(answer(url));
  };
  return calls;
}

/**
 * An API whose access cookie has expired until a refresh: each path answers 401 until then (or, when
 * `before` gives one, that answer), and its own address after.
 */
function expiredUntilRefreshed(before: (url: string) => Promise<Response> | undefined = () => undefined) {
  let refreshed = false;
  return answerWith((url) => {
    if (url === '/api/auth/session') return json(200, session);
    if (url === '/api/auth/refresh') {
      refreshed = true;
      return json(200, session);
    }
    if (refreshed) return json(200, { url });
    return before(url) ?? expired();
  });
}

describe('the API client, when the access cookie has expired', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('refreshes once for requests refused together, even when one is refused after the refresh', async () => {
    const slow = later<Response>();
    const calls = expiredUntilRefreshed((url) => (url === '/api/b' ? slow.promise : undefined));

    const a = apiGet<{ url: string }>('/a');
    const b = apiGet<{ url: string }>('/b');
    // /a is refused, refreshes and is answered; only then is /b (sent with the old cookie) refused.
    expect(await a).toEqual({ url: '/api/a' });
    slow.settle(expired());
    expect(await b).toEqual({ url: '/api/b' });
    expect(calls.filter((call) => call === 'POST /api/auth/refresh')).toHaveLength(1);
    expect(calls.filter((call) => call === 'GET /api/b')).toHaveLength(2);
  });

  it('refreshes and asks again when a request is refused with no refresh since it was sent', async () => {
    const calls = expiredUntilRefreshed();
    expect(await apiGet('/c')).toEqual({ url: '/api/c' });
    expect(calls.filter((call) => !call.endsWith('/auth/session'))).toEqual([
      'GET /api/c',
      'POST /api/auth/refresh',
      'GET /api/c',
    ]);
  });
});
