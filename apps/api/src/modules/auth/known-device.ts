import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_SECRET } from '../../app.tokens.js';
import { CookieWriter } from '../access/cookies.js';
import { normaliseEmail } from '../../common/email.js';

export const DEVICE_COOKIE = 'wgll_device';
const DEVICE_PATH = '/api/auth';
/** How long a browser stays known after its last successful sign-in. */
export const KNOWN_DEVICE_DAYS = 90;
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * The known-device cookie: after a successful sign-in, the browser gets a random device id, its expiry
 * and an HMAC binding both to the account's email (the email itself is not in the cookie). Sign-in
 * attempts that present a valid cookie for the email typed are counted for that device alone, so
 * someone who locks an address from elsewhere does not lock its owner out of the browsers they use.
 * The cookie is no credential: it only gives its holder a separate count of attempts.
 */
@Injectable()
export class KnownDevices {
  private readonly key: Buffer;

  constructor(
    @Inject(AUTH_SECRET) secret: string,
    private readonly cookies: CookieWriter,
  ) {
    // A key of its own, derived from the secret that signs access tokens.
    this.key = createHmac('sha256', secret).update('wgll known-device cookie').digest();
  }

  /** The device id the request's cookie vouches for, for this email; null when none or invalid. */
  deviceFor(request: FastifyRequest, email: string): string | null {
    const value = request.cookies[DEVICE_COOKIE];
    if (!value) return null;
    const [id, expires, signature] = value.split('.');
    if (!id || !expires || !signature || !DEVICE_ID.test(id) || !/^\d{1,12}$/.test(expires)) return null;
    if (Number(expires) * 1000 <= Date.now()) return null;
    const expected = Buffer.from(this.sign(email, id, expires), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return id;
  }

  /** Marks this browser as known for the email (keeps its device id when it already was). */
  remember(request: FastifyRequest, reply: FastifyReply, email: string): void {
    const normalised = normaliseEmail(email);
    const id = this.deviceFor(request, normalised) ?? randomBytes(16).toString('base64url');
    const maxAgeSeconds = KNOWN_DEVICE_DAYS * 86_400;
    const expires = String(Math.floor(Date.now() / 1000) + maxAgeSeconds);
    this.cookies.set(
      request,
      reply,
      DEVICE_COOKIE,
      `${id}.${expires}.${this.sign(normalised, id, expires)}`,
      {
        path: DEVICE_PATH,
        sameSite: 'strict',
        maxAgeSeconds,
      },
    );
  }

  private sign(email: string, id: string, expires: string): string {
    return createHmac('sha256', this.key)
      .update(`${normaliseEmail(email)}\n${id}\n${expires}`)
      .digest('base64url');
  }
}
