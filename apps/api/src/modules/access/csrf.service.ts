import { HttpStatus, Injectable } from '@nestjs/common';
import Tokens from '@fastify/csrf';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiException } from '../../common/api-exception.js';
import { CookieWriter } from './cookies.js';

export const CSRF_COOKIE = 'wgll_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF protection for cookie-authenticated requests: a secret in an httpOnly cookie, and a token
 * derived from it that the web app sends as a header on every state-changing request. Another
 * site can make the browser send the cookie but cannot read the token.
 */
@Injectable()
export class CsrfService {
  private readonly tokens = Tokens();

  constructor(private readonly cookies: CookieWriter) {}

  /** A token for this browser, creating its secret cookie on first use. */
  tokenFor(request: FastifyRequest, reply: FastifyReply): string {
    const existing = request.cookies[CSRF_COOKIE];
    if (existing) return this.tokens.create(existing);
    const secret = this.tokens.secretSync();
    this.cookies.set(request, reply, CSRF_COOKIE, secret, { path: '/', sameSite: 'strict' });
    // Later requests in this response cycle (e.g. sign-in returning a new token) see the same secret.
    request.cookies[CSRF_COOKIE] = secret;
    return this.tokens.create(secret);
  }

  /** Throws 403 CSRF_FAILED for a state-changing request without a valid token. */
  check(request: FastifyRequest): void {
    if (!UNSAFE.has(request.method)) return;
    const secret = request.cookies[CSRF_COOKIE];
    const token = request.headers[CSRF_HEADER];
    if (!secret || typeof token !== 'string' || !this.tokens.verify(secret, token)) {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'CSRF_FAILED',
        'This request did not include a valid form token. Reload the page and try again.',
      );
    }
  }
}
