import type { Server } from 'node:http';
import Provider from 'oidc-provider';

export interface TestIdentity {
  /** The login typed on the provider's page; also the subject (`sub`). */
  login: string;
  email: string;
  emailVerified: boolean;
}

export interface TestOpenIdProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on this machine, standing in for NHS
 * CIS2: authorisation code flow with PKCE, signed ID tokens, and its built-in development login and
 * consent pages. Identities not listed get an unverified email.
 */
export async function startOpenIdProvider(options: {
  port: number;
  redirectUri: string;
  identities: TestIdentity[];
}): Promise<TestOpenIdProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = 'wgll-e2e';
  const clientSecret = 'wgll-e2e-client-secret-for-tests-only';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['wgll-e2e-cookie-key'] },
    findAccount: (_ctx, id) => {
      const identity = options.identities.find((i) => i.login === id);
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: identity?.email ?? `${id}@unknown.example`,
          email_verified: identity?.emailVerified ?? false,
        }),
      };
    },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(options.port, '127.0.0.1', () => resolve(listening));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
