import { type DynamicModule, Global, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { CookieWriter } from './cookies.js';
import { CsrfService } from './csrf.service.js';
import { HierarchyLookup } from './hierarchy-lookup.js';
import { PolicyService } from './policy.service.js';

/** Authorisation: the policy, CSRF, cookies and the global deny-by-default guard. */
@Global()
@Module({
  providers: [PolicyService, CsrfService, CookieWriter, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [PolicyService, CsrfService, CookieWriter],
})
export class AccessModule {
  /**
   * The policy places resources through `hierarchy` (a HierarchyLookup provided by `imports`): the
   * application wires organisations in here, so access itself imports no domain module.
   */
  static forRoot(options: {
    imports: NonNullable<ModuleMetadata['imports']>;
    hierarchy: Type<HierarchyLookup>;
  }): DynamicModule {
    return {
      module: AccessModule,
      imports: options.imports,
      providers: [{ provide: HierarchyLookup, useExisting: options.hierarchy }],
    };
  }
}
