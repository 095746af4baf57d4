import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-jwt';
import { AUTH_SECRET } from '../../app.tokens.js';
import type { Principal } from '../access/principal.js';
import { ACCESS_COOKIE, type AccessTokenPayload, SessionsService } from './sessions.service.js';

export const TOKEN_ISSUER = 'wgll';
export const TOKEN_AUDIENCE = 'wgll-api';

/**
 * Passport strategy for the access-token cookie: verifies the JWT (signature, expiry, issuer,
 * audience), then the user and roles (kept in memory only until the database announces a change:
 * PrincipalCache), so a revoked session or a disabled account stops at once rather than when the
 * token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(AUTH_SECRET) secret: string,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: (request: FastifyRequest) => request.cookies?.[ACCESS_COOKIE] ?? null,
      // A key object, not the string: given a string, jsonwebtoken first tries (and fails) to parse
      // it as a public key on every request, which cost more than the rest of the check. jsonwebtoken
      // takes a KeyObject; passport-jwt's types predate that.
      secretOrKey: createSecretKey(Buffer.from(secret)) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Principal | false> {
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return false;
    return (await this.sessions.principal(payload.sub, payload.sid)) ?? false;
  }
}
