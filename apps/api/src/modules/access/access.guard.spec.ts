import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@wgll/contracts';
import { ApiException } from '../../common/api-exception.js';
import { ACCESS_RULE, type AccessRule } from './access.decorators.js';
import { AccessGuard } from './access.guard.js';
import type { CsrfService } from './csrf.service.js';
import type { HierarchyLookup } from './hierarchy-lookup.js';
import { type Located, PolicyService } from './policy.service.js';
import type { Principal } from './principal.js';

const RETURN_ID = '7d0c4c43-4b7a-4f51-9d0e-5b1f3c2a9e01';

function context(method: string, rule?: AccessRule, params: Record<string, string> = {}, user?: Principal) {
  const handler = () => undefined;
  if (rule) Reflect.defineMetadata(ACCESS_RULE, rule, handler);
  return {
    getHandler: () => handler,
    getClass: () => class Undeclared {},
    switchToHttp: () => ({
      getRequest: () => ({ method, cookies: {}, headers: {}, params, query: {}, user }),
      getResponse: () => ({}),
    }),
  } as unknown as ExecutionContext;
}

const person = (role: Role, scopeCode: string | null): Principal => ({
  id: `${role}-user`,
  email: `${role}@nhs.net`,
  displayName: role,
  sessionId: 's1',
  method: 'password',
  grants: [{ id: 'g1', role, scopeCode, grantedAt: new Date(0) }],
});

/** The hierarchy knows RJ1 in QKK, London, and nothing else. */
const hierarchy: HierarchyLookup = {
  placeOrganisation: (code) => Promise.resolve(code === 'RJ1' ? { ics: 'QKK', region: 'Y56' } : undefined),
  placeIcs: (code) => Promise.resolve(code === 'QKK' ? { region: 'Y56' } : undefined),
  regionExists: (code) => Promise.resolve(code === 'Y56'),
};

function guardPlacingReturnAt(located: Located | null) {
  const policy = new PolicyService(hierarchy);
  policy.registerLocator('return', (id) => Promise.resolve(id === RETURN_ID ? located : null));
  return new AccessGuard(new Reflector(), policy, { check: () => undefined } as unknown as CsrfService);
}

async function refusal(guard: AccessGuard, ctx: ExecutionContext): Promise<ApiException> {
  const error = await guard.canActivate(ctx).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiException);
  return error as ApiException;
}

const viewReturn: AccessRule = {
  kind: 'allow',
  action: 'return:view',
  resource: { type: 'return', param: 'id' },
};
const viewOrganisation: AccessRule = {
  kind: 'allow',
  action: 'organisation:view',
  resource: { type: 'organisation', param: 'code' },
};
const lead = person('trust-lead', 'RJ1');
const admin = person('national-administrator', null);

describe('AccessGuard', () => {
  // Passport's JWT check is not what these cases are about: the user is on the request already.
  const passport = jest.spyOn(
    Object.getPrototypeOf(AccessGuard.prototype) as { canActivate: () => Promise<boolean> },
    'canActivate',
  );
  beforeAll(() => {
    passport.mockResolvedValue(true);
  });
  afterAll(() => {
    passport.mockRestore();
  });

  it('denies a route that declares nothing (deny by default)', async () => {
    const guard = guardPlacingReturnAt(null);
    expect((await refusal(guard, context('GET'))).getStatus()).toBe(403);
  });

  it('lets a trust lead see a return of their trust', async () => {
    const guard = guardPlacingReturnAt({ type: 'organisation', code: 'RJ1', at: '2026-04-01' });
    await expect(guard.canActivate(context('GET', viewReturn, { id: RETURN_ID }, lead))).resolves.toBe(true);
  });

  it('says a return that does not exist is not found (404), whoever asks', async () => {
    const guard = guardPlacingReturnAt({ type: 'organisation', code: 'RJ1', at: '2026-04-01' });
    const unknown = '0b7c8a52-1111-4c2d-9e3f-000000000000';
    for (const user of [lead, admin]) {
      const error = await refusal(guard, context('GET', viewReturn, { id: unknown }, user));
      expect(error.getStatus()).toBe(404);
      expect(error.code).toBe('RETURN_NOT_FOUND');
    }
  });

  it('says a return whose organisation or ICB is missing from the hierarchy is not found (404, not 500)', async () => {
    for (const located of [
      { type: 'organisation', code: 'GONE1', at: '2026-04-01' },
      { type: 'ics', code: 'QGONE', at: '2026-04-01' },
      // A return row naming neither (the database does not allow it; nothing here relies on that).
      { type: 'ics', code: null as unknown as string, at: '2026-04-01' },
    ] as Located[]) {
      const guard = guardPlacingReturnAt(located);
      const error = await refusal(guard, context('GET', viewReturn, { id: RETURN_ID }, lead));
      expect(error.getStatus()).toBe(404);
      expect(error.code).toBe('RETURN_NOT_FOUND');
    }
  });

  it('refuses an organisation code that does not exist with 403, as one outside the scope (a code’s existence is not told)', async () => {
    const guard = guardPlacingReturnAt(null);
    for (const code of ['ZZZ99', 'RC9']) {
      const error = await refusal(guard, context('GET', viewOrganisation, { code }, lead));
      expect(error.getStatus()).toBe(403);
      expect(error.code).toBe('FORBIDDEN');
    }
    // A national administrator is let through: the route itself answers 404.
    await expect(guard.canActivate(context('GET', viewOrganisation, { code: 'ZZZ99' }, admin))).resolves.toBe(
      true,
    );
  });
});
