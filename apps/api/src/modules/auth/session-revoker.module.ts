import { Global, Module } from '@nestjs/common';
import { SessionRevoker } from '../access/session-revoker.js';
import { PrincipalCache } from './principal-cache.js';
import { AuthSessionRevoker } from './session-revoker.js';

/**
 * Binds access's SessionRevoker to auth's implementation. Global because users (which auth
 * imports) needs it too: a module import the other way would be a cycle.
 */
@Global()
@Module({
  providers: [PrincipalCache, { provide: SessionRevoker, useClass: AuthSessionRevoker }],
  exports: [SessionRevoker, PrincipalCache],
})
export class SessionRevokerModule {}
