import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG } from '../../app.tokens.js';
import { isLoopbackHost } from '../../common/request-url.js';
import type { AppConfig, OidcConfig } from '../../config/app-config.js';
import { CookieWriter } from '../access/cookies.js';
import type { RequestOrigin } from '../access/principal.js';
import { AuditService } from '../audit/audit.service.js';
import { UserEntity } from '../users/entities/user.entity.js';
import { SessionsService } from './sessions.service.js';

const SSO_COOKIE = 'wgll_sso';
const SSO_PATH = '/api/auth/oidc';
const SSO_AUDIENCE = 'wgll-sso';

export const SSO_FAILED = '/sign-in?error=sso-failed';
export const SSO_NOT_RECOGNISED = '/sign-in/not-recognised';

interface SsoState {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

/**
 * OpenID Connect sign-in (authorisation code + PKCE, state and nonce) with openid-client, for NHS
 * CIS2 or any compliant provider. The identity links to a pre-provisioned account by subject, or
 * on first use by a verified email; nobody is created here.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OidcService');
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly cookies: CookieWriter,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  get settings(): OidcConfig | undefined {
    return this.config.auth.oidc;
  }

  /** The provider's authorisation URL (or SSO_FAILED); the PKCE verifier, state and nonce go in a signed cookie. */
  async start(returnTo: string, request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const settings = this.settings!;
    let configuration: client.Configuration;
    try {
      configuration = await this.discover(settings);
    } catch (error) {
      this.logger.warn('The OpenID provider could not be reached', {
        issuer: settings.issuer,
        reason: error instanceof Error ? error.message : String(error),
      });
      return SSO_FAILED;
    }
    const sso: SsoState = {
      verifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
      returnTo,
    };
    const sealed = await this.jwt.signAsync(sso, { audience: SSO_AUDIENCE, expiresIn: 600 });
    this.cookies.set(request, reply, SSO_COOKIE, sealed, {
      path: SSO_PATH,
      sameSite: 'lax',
      maxAgeSeconds: 600,
    });
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(),
      scope: settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(sso.verifier),
      code_challenge_method: 'S256',
      state: sso.state,
      nonce: sso.nonce,
    }).href;
  }

  /** Completes sign-in and returns where to send the browser next. */
  async callback(request: FastifyRequest, reply: FastifyReply, origin: RequestOrigin): Promise<string> {
    const settings = this.settings!;
    const sealed = request.cookies[SSO_COOKIE];
    this.cookies.clear(request, reply, SSO_COOKIE, SSO_PATH);
    let sso: SsoState;
    let claims: client.IDToken;
    try {
      if (!sealed) throw new Error('No SSO state cookie (expired, or the flow was started elsewhere)');
      sso = await this.jwt.verifyAsync<SsoState>(sealed, { audience: SSO_AUDIENCE });
      const currentUrl = new URL(this.redirectUri());
      currentUrl.search = new URL(request.url, 'http://callback').search;
      const configuration = await this.discover(settings);
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: sso.verifier,
        expectedState: sso.state,
        expectedNonce: sso.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims()!;
      // Providers (CIS2 among them) may give the email only at the userinfo endpoint.
      if (typeof claims['email'] !== 'string') {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        claims = { ...claims, email: info.email, email_verified: info.email_verified };
      }
    } catch (error) {
      this.logger.warn('Single sign-on did not complete', {
        reason: error instanceof Error ? error.message : String(error),
      });
      return SSO_FAILED;
    }
    const user = await this.link(settings.issuer, claims, origin);
    if (!user) return SSO_NOT_RECOGNISED;
    await this.sessions.start(user.id, 'sso', origin, request, reply);
    await this.audit.record({
      action: 'sign-in.sso-succeeded',
      actor: user,
      target: { type: 'user', id: user.id, label: user.email },
      origin,
    });
    return sso.returnTo;
  }

  /** The account for an identity: by issuer + subject, else by verified email (then linked). */
  private async link(
    issuer: string,
    claims: client.IDToken,
    origin: RequestOrigin,
  ): Promise<UserEntity | null> {
    const users = this.dataSource.getRepository(UserEntity);
    const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : null;
    const verified = claims['email_verified'] === true;
    let user = await users.findOneBy({ oidcIssuer: issuer, oidcSubject: claims.sub });
    if (!user && email && verified) {
      const candidate = await users.findOneBy({ email, oidcSubject: IsNull() });
      if (candidate && candidate.status !== 'disabled') {
        await this.dataSource.transaction(async (manager) => {
          await manager.update(
            UserEntity,
            { id: candidate.id },
            { oidcIssuer: issuer, oidcSubject: claims.sub, status: 'active' },
          );
          await this.audit.record(
            {
              action: 'sign-in.sso-linked',
              actor: candidate,
              target: { type: 'user', id: candidate.id, label: candidate.email },
              origin,
              details: { issuer, subject: claims.sub },
            },
            manager,
          );
        });
        user = { ...candidate, status: 'active' };
      }
    }
    if (!user || user.status !== 'active') {
      await this.audit.record({
        action: 'sign-in.sso-unknown',
        actor: email ? { email } : null,
        origin,
        details: {
          issuer,
          subject: claims.sub,
          email,
          emailVerified: verified,
          disabled: user?.status === 'disabled',
        },
      });
      return null;
    }
    return user;
  }

  private redirectUri(): string {
    // PUBLIC_URL (or its default), never the request's Host header.
    return `${this.config.auth.publicUrl}${SSO_PATH}/callback`;
  }

  private discover(settings: OidcConfig): Promise<client.Configuration> {
    const issuer = new URL(settings.issuer);
    // Plain http only for a provider on this machine (development and tests).
    const insecure = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
    this.configuration ??= client
      .discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }
}
