import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { AccessGuard } from './access.guard.js';
import { CookieWriter } from './cookies.js';
import { CsrfService } from './csrf.service.js';
import { PolicyService } from './policy.service.js';

/** Authorisation: the policy (placing resources with the organisations' HierarchyRepository), CSRF, cookies and the global deny-by-default guard. */
@Global()
@Module({
  imports: [OrganisationsModule],
  providers: [PolicyService, CsrfService, CookieWriter, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [PolicyService, CsrfService, CookieWriter],
})
export class AccessModule {}
