import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../app.tokens.js';
import type { AppConfig } from '../../config/app-config.js';
import { tooManyAttempts } from './sign-in.service.js';

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Throttles sign-in and invitation attempts per IP address with @fastify/rate-limit (registered in
 * app.factory.ts with `global: false`): SIGN_IN_RATE_LIMIT a minute, then 429 with Retry-After.
 */
@Injectable()
export class IpLimiter {
  private limiter: Limiter | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(request: FastifyRequest): Promise<void> {
    const limiter = (this.limiter ??= this.adapterHost.httpAdapter
      .getInstance<FastifyInstance>()
      .createRateLimit({ max: this.config.auth.rateLimitPerMinute, timeWindow: 60_000 }));
    const result = await limiter(request);
    if (!result.isAllowed && result.isExceeded) throw tooManyAttempts(result.ttlInSeconds);
  }
}
