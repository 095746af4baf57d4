import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      databaseMigrationUrl: undefined,
      seedOnStart: true,
      logLevel: 'log',
    });
    expect(config.dataDir).toMatch(/\.data$/);
    // Links are built from a configured origin, never from a request's Host header.
    expect(config.auth).toMatchObject({ publicUrl: 'http://localhost:3000', publicUrlConfigured: false });
    expect(loadConfig({ PORT: '8080' }).auth.publicUrl).toBe('http://localhost:8080');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://wgll@db:5432/wgll',
      DATABASE_MIGRATION_URL: 'postgres://wgll_owner@db:5432/wgll',
      DATA_DIR: '/var/lib/wgll',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'debug',
      WEB_DIST_DIR: '/srv/web',
      NODE_ENV: 'production',
      AUTH_SECRET: 'a'.repeat(40),
      ACCESS_TOKEN_MINUTES: '10',
      SESSION_HOURS: '8',
      SIGN_IN_MAX_FAILURES: '3',
      SIGN_IN_LOCK_MINUTES: '30',
      SIGN_IN_RATE_LIMIT: '50',
      INVITATION_DAYS: '3',
      PUBLIC_URL: 'https://wgll.example.nhs.uk',
      TRUST_PROXY: 'true',
      SEED_DEMO: 'true',
      OIDC_ISSUER: 'https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/oidc',
      OIDC_CLIENT_ID: 'wgll',
      OIDC_CLIENT_SECRET: 'shh',
      OIDC_SCOPES: 'openid email',
      OIDC_LABEL: 'Sign in with NHS CIS2',
      EVIDENCE_MAX_FILE_MB: '25',
      EVIDENCE_FILE_TYPES: 'pdf, PNG',
      BOARD_PACK_CONCURRENCY: '4',
      BOARD_PACK_QUEUE: '0',
      SMTP_URL: 'smtp://mail:secret@smtp.example.nhs.uk:587',
      MAIL_FROM: 'WGLL <no-reply@example.nhs.uk>',
      MAIL_CONCURRENCY: '8',
      MAIL_MAX_ATTEMPTS: '3',
      MAIL_RETRY_SECONDS: '10',
      MAIL_LEASE_SECONDS: '60',
      REMINDERS: 'false',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://wgll@db:5432/wgll',
      databaseMigrationUrl: 'postgres://wgll_owner@db:5432/wgll',
      dataDir: '/var/lib/wgll',
      seedOnStart: false,
      logLevel: 'debug',
      webDistDir: '/srv/web',
      production: true,
      trustProxy: true,
      seedDemo: true,
      seedPublishedResults: true,
      evidence: { maxFileBytes: 25 * 1024 * 1024, extensions: ['pdf', 'png'] },
      boardPack: { concurrency: 4, waiting: 0 },
      mail: {
        transport: 'smtp',
        smtpUrl: 'smtp://mail:secret@smtp.example.nhs.uk:587',
        from: 'WGLL <no-reply@example.nhs.uk>',
        notify: undefined,
        concurrency: 8,
        maxAttempts: 3,
        retrySeconds: 10,
        leaseSeconds: 60,
        reminders: false,
      },
      auth: {
        secret: 'a'.repeat(40),
        accessTokenMinutes: 10,
        sessionHours: 8,
        maxFailures: 3,
        lockMinutes: 30,
        rateLimitPerMinute: 50,
        invitationDays: 3,
        publicUrl: 'https://wgll.example.nhs.uk',
        publicUrlConfigured: true,
        oidc: {
          issuer: 'https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/oidc',
          clientId: 'wgll',
          clientSecret: 'shh',
          scopes: 'openid email',
          label: 'Sign in with NHS CIS2',
        },
      },
    });
  });

  it('queues board packs two at a time with twenty waiting by default, within bounds', () => {
    expect(loadConfig({}).boardPack).toEqual({ concurrency: 2, waiting: 20 });
    expect(() => loadConfig({ BOARD_PACK_CONCURRENCY: '0' })).toThrow(
      /BOARD_PACK_CONCURRENCY must be between 1 and 16/,
    );
    expect(() => loadConfig({ BOARD_PACK_QUEUE: 'many' })).toThrow(/BOARD_PACK_QUEUE must be a whole number/);
  });

  it('needs AUTH_SECRET in production, and both OIDC_ISSUER and OIDC_CLIENT_ID or neither', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET is required/);
    expect(() => loadConfig({ AUTH_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://id.example' })).toThrow(/must be set together/);
    expect(loadConfig({}).auth.oidc).toBeUndefined();
  });

  it('seeds demo accounts by default only in embedded mode', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/wgll' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/wgll', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('imports the published 2025 results with the demo data by default, or on its own setting', () => {
    expect(loadConfig({}).seedPublishedResults).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/wgll' }).seedPublishedResults).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@db/wgll', SEED_DEMO: 'true' }).seedPublishedResults).toBe(
      true,
    );
    const own = loadConfig({ DATABASE_URL: 'postgres://x@db/wgll', SEED_PUBLISHED_RESULTS: 'true' });
    expect([own.seedDemo, own.seedPublishedResults]).toEqual([false, true]);
    expect(loadConfig({ SEED_PUBLISHED_RESULTS: 'false' }).seedPublishedResults).toBe(false);
  });

  it('needs DATABASE_URL with DATABASE_MIGRATION_URL', () => {
    expect(() => loadConfig({ DATABASE_MIGRATION_URL: 'postgres://o@db/wgll' })).toThrow(
      /DATABASE_MIGRATION_URL needs DATABASE_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://a@db/wgll', DATABASE_MIGRATION_URL: 'x' })).toThrow(
      /DATABASE_MIGRATION_URL must be a PostgreSQL URL/,
    );
  });

  it('treats an empty DATABASE_URL as unset (embedded mode)', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be a whole number',
        expect.stringMatching(/^DATABASE_URL must be a PostgreSQL URL/),
        expect.stringMatching(/^LOG_LEVEL must be one of/),
      ]),
    );
  });
});
