import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiException } from '../../common/api-exception.js';
import { AccessGuard } from './access.guard.js';
import type { CsrfService } from './csrf.service.js';
import type { PolicyService } from './policy.service.js';

const context = (method: string): ExecutionContext =>
  ({
    getHandler: () => () => undefined,
    getClass: () => class Undeclared {},
    switchToHttp: () => ({
      getRequest: () => ({ method, cookies: {}, headers: {} }),
      getResponse: () => ({}),
    }),
  }) as unknown as ExecutionContext;

describe('AccessGuard', () => {
  it('denies a route that declares nothing (deny by default)', async () => {
    const guard = new AccessGuard(
      new Reflector(),
      {} as PolicyService,
      { check: () => undefined } as unknown as CsrfService,
    );
    const error = await guard.canActivate(context('GET')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiException);
    expect((error as ApiException).getStatus()).toBe(403);
  });
});
