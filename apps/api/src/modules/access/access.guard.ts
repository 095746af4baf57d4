import { type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ApiException, NotFoundApiException } from '../../common/api-exception.js';
import { ACCESS_RULE, type AccessRule, type AuthenticatedRequest, SKIP_CSRF } from './access.decorators.js';
import { CsrfService } from './csrf.service.js';
import { forbidden, PolicyService } from './policy.service.js';
import type { Principal } from './principal.js';

function returnNotFound(): ApiException {
  return new NotFoundApiException('RETURN_NOT_FOUND', 'There is no such return.');
}

/**
 * The global guard: deny by default. In order: CSRF on state-changing requests; the route's
 * declared rule (none → 403); the access-token cookie through Passport's JWT strategy (none or
 * invalid → 401); then the policy for `@Allow` routes (→ 403; a return that does not exist → 404).
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: PolicyService,
    private readonly csrf: CsrfService,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const skipCsrf = this.reflector.getAllAndOverride<boolean | undefined>(SKIP_CSRF, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!(skipCsrf && rule?.kind === 'public')) this.csrf.check(request);
    if (!rule) throw forbidden();
    await super.canActivate(context);
    if (rule.kind === 'public') return true;
    const user = request.user;
    if (!user) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'Sign in to continue.');
    }
    if (rule.kind === 'signed-in') return true;
    const query = request.query as Record<string, unknown> | undefined;
    const cycleDate =
      rule.resource?.cycleDate && query?.['at'] === undefined
        ? await this.policy.cycleDate(rule.resource.cycleDate, query?.['cycle'])
        : undefined;
    const at = PolicyService.dateOf(rule.resource?.today ? undefined : (cycleDate ?? query?.['at']));
    const resource = rule.resource
      ? await this.policy.resolve(
          rule.resource.type,
          String((request.params as Record<string, string>)[rule.resource.param] ?? ''),
          at,
        )
      : ({ type: 'national' } as const);
    // A return that does not exist is not found, for anyone signed in: its id is a random UUID, so
    // saying so tells nothing about returns the user may not see (and the page can say "Page not found").
    if (!resource && rule.resource?.type === 'return') throw returnNotFound();
    this.policy.assert(user, rule.action, resource);
    return true;
  }

  /** No user is not an error here: canActivate decides by the route's rule. */
  override handleRequest<TUser = Principal>(error: unknown, user: TUser | false): TUser {
    if (error instanceof Error) throw error;
    return (user || undefined) as TUser;
  }
}
