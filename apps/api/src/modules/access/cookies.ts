import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../app.tokens.js';
import { isLoopbackHost } from '../../common/request-url.js';
import type { AppConfig } from '../../config/app-config.js';

/**
 * Sets httpOnly cookies. Secure everywhere except on localhost, or as PUBLIC_URL's scheme says when
 * it is set (so an http deployment on a private network can opt out explicitly).
 */
@Injectable()
export class CookieWriter {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  isSecure(request: FastifyRequest): boolean {
    const { publicUrl, publicUrlConfigured } = this.config.auth;
    if (publicUrlConfigured) return publicUrl.startsWith('https:');
    return !isLoopbackHost(request.hostname.replace(/:\d+$/, ''));
  }

  set(
    request: FastifyRequest,
    reply: FastifyReply,
    name: string,
    value: string,
    options: { path: string; sameSite: 'strict' | 'lax'; maxAgeSeconds?: number },
  ): void {
    void reply.setCookie(name, value, {
      path: options.path,
      httpOnly: true,
      sameSite: options.sameSite,
      secure: this.isSecure(request),
      ...(options.maxAgeSeconds !== undefined ? { maxAge: options.maxAgeSeconds } : {}),
    });
  }

  clear(request: FastifyRequest, reply: FastifyReply, name: string, path: string): void {
    void reply.clearCookie(name, { path, httpOnly: true, secure: this.isSecure(request) });
  }
}
