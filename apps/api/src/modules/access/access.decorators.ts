import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Action } from '@wgll/contracts';
import type { FastifyRequest } from 'fastify';
import type { Principal, RequestOrigin } from './principal.js';

/**
 * What a route needs. Every route declares exactly one (a test enumerates them); the global
 * AccessGuard denies a route without one.
 * - public: anyone, signed in or not.
 * - signed-in: any signed-in user (shared reference data: the ODS hierarchy, frameworks).
 * - allow: the policy must allow `action` on the resource named by a path parameter (read on the
 *   `at` query date) or, with no resource, nationally.
 */
export type AccessRule =
  { kind: 'public' } | { kind: 'signed-in' } | { kind: 'allow'; action: Action; resource?: ResourceParam };

/**
 * The path parameter naming the resource: an ODS code, or the id of a record placed through a
 * locator (`return`: an assessment return, placed as its organisation or ICB on its cycle's date).
 */
export type ResourceParam = {
  type: 'organisation' | 'ics' | 'region' | 'return';
  param: string;
  /**
   * Place the resource on today's hierarchy whatever `at` says: for routes whose data is today's
   * (an organisation's team is who holds roles now), so the check and the data share one date.
   */
  today?: true;
  /**
   * Without `?at=`, place the resource on the reference date of the cycle the request is about (its
   * `?cycle=`, else the cycle the route shows by default: `results`, the newest with results;
   * `completion`, the one open today) rather than today: for results, which follow the hierarchy of
   * their cycle. The web can then ask for the default cycle's figures before it has the cycle list.
   */
  cycleDate?: 'results' | 'completion';
};

export const ACCESS_RULE = 'wgll:access-rule';

export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);
/** `@Allow('user:manage')` or `@Allow('organisation:view', { type: 'organisation', param: 'code' })`. */
export const Allow = (action: Action, resource?: ResourceParam) =>
  SetMetadata(ACCESS_RULE, { kind: 'allow', action, resource } satisfies AccessRule);

export const SKIP_CSRF = 'wgll:skip-csrf';
/**
 * For a public route acting only on a signed token in its address, which mail programs call without
 * the web app's form token (one-click unsubscribe, RFC 8058). It reads no cookie, so there is no
 * forgery to prevent.
 */
export const SkipCsrf = () => SetMetadata(SKIP_CSRF, true);

export type AuthenticatedRequest = FastifyRequest & { user?: Principal };

/** The signed-in user (routes that are not @Public always have one). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | undefined => {
    return ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  },
);

export function originOf(request: FastifyRequest): RequestOrigin {
  const agent = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof agent === 'string' ? agent.slice(0, 500) : null };
}

/** The request's IP address and user agent, for the audit log. */
export const Origin = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestOrigin =>
  originOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
