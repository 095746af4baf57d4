import { isAbsolute, resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['true', '1', 'yes'].includes(value.trim().toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** The environment variables the API reads. Documented in docs/configuration.md (at a glance in the README). */
class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '127.0.0.1';

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/wgll',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message:
      'DATABASE_MIGRATION_URL must be a PostgreSQL URL such as postgres://wgll_owner@127.0.0.1:5432/wgll',
  })
  DATABASE_MIGRATION_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR = './.data';

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'SEED_ON_START must be true or false' })
  SEED_ON_START = true;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevelName = 'log';

  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(32, { message: 'AUTH_SECRET must be at least 32 characters (e.g. openssl rand -base64 48)' })
  AUTH_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'ACCESS_TOKEN_MINUTES must be a whole number' })
  @Min(1)
  @Max(60)
  ACCESS_TOKEN_MINUTES = 15;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SESSION_HOURS must be a whole number' })
  @Min(1)
  @Max(24 * 30)
  SESSION_HOURS = 12;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SIGN_IN_MAX_FAILURES must be a whole number' })
  @Min(1)
  SIGN_IN_MAX_FAILURES = 5;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SIGN_IN_LOCK_MINUTES must be a whole number' })
  @Min(1)
  SIGN_IN_LOCK_MINUTES = 15;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'SIGN_IN_RATE_LIMIT must be a whole number' })
  @Min(1)
  SIGN_IN_RATE_LIMIT = 20;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'INVITATION_DAYS must be a whole number' })
  @Min(1)
  @Max(30)
  INVITATION_DAYS = 7;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/[^/\s]+$/, {
    message: 'PUBLIC_URL must be the address users open, without a path, e.g. https://wgll.example.nhs.uk',
  })
  PUBLIC_URL?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY = false;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: boolean;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'SEED_PUBLISHED_RESULTS must be true or false' })
  SEED_PUBLISHED_RESULTS?: boolean;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'EVIDENCE_MAX_FILE_MB must be a whole number' })
  @Min(1)
  @Max(100)
  EVIDENCE_MAX_FILE_MB = 10;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'BOARD_PACK_CONCURRENCY must be a whole number' })
  @Min(1, { message: 'BOARD_PACK_CONCURRENCY must be between 1 and 16' })
  @Max(16, { message: 'BOARD_PACK_CONCURRENCY must be between 1 and 16' })
  BOARD_PACK_CONCURRENCY = 2;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'BOARD_PACK_QUEUE must be a whole number' })
  @Min(0, { message: 'BOARD_PACK_QUEUE must be between 0 and 1000' })
  @Max(1000, { message: 'BOARD_PACK_QUEUE must be between 0 and 1000' })
  BOARD_PACK_QUEUE = 20;

  @IsOptional()
  @Matches(/^\s*(pdf|docx|xlsx|pptx|png|jpg|jpeg)(\s*,\s*(pdf|docx|xlsx|pptx|png|jpg|jpeg))*\s*$/i, {
    message:
      'EVIDENCE_FILE_TYPES must be a comma-separated list drawn from pdf, docx, xlsx, pptx, png, jpg, jpeg',
  })
  EVIDENCE_FILE_TYPES = 'pdf,docx,xlsx,pptx,png,jpg,jpeg';

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/\S+$/, { message: 'OIDC_ISSUER must be the issuer URL of the OpenID provider' })
  OIDC_ISSUER?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  OIDC_CLIENT_SECRET?: string;

  @IsOptional()
  @IsString()
  OIDC_SCOPES = 'openid profile email';

  @IsOptional()
  @IsString()
  OIDC_LABEL = 'Sign in with NHS';

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^smtps?:\/\/\S+$/, {
    message: 'SMTP_URL must be an SMTP URL such as smtp://user:password@smtp.example.nhs.uk:587',
  })
  SMTP_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  MAIL_FROM?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(74, { message: 'NOTIFY_API_KEY must be a GOV.UK Notify API key (name-serviceid-secret)' })
  NOTIFY_API_KEY?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: 'NOTIFY_TEMPLATE_ID must be the id of a GOV.UK Notify e-mail template',
  })
  NOTIFY_TEMPLATE_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^https?:\/\/[^/\s]+$/, { message: 'NOTIFY_BASE_URL must be an address without a path' })
  NOTIFY_BASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'MAIL_CONCURRENCY must be a whole number' })
  @Min(1, { message: 'MAIL_CONCURRENCY must be between 1 and 32' })
  @Max(32, { message: 'MAIL_CONCURRENCY must be between 1 and 32' })
  MAIL_CONCURRENCY = 4;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'MAIL_MAX_ATTEMPTS must be a whole number' })
  @Min(1, { message: 'MAIL_MAX_ATTEMPTS must be between 1 and 20' })
  @Max(20, { message: 'MAIL_MAX_ATTEMPTS must be between 1 and 20' })
  MAIL_MAX_ATTEMPTS = 6;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'MAIL_RETRY_SECONDS must be a whole number' })
  @Min(1, { message: 'MAIL_RETRY_SECONDS must be between 1 and 3600' })
  @Max(3600, { message: 'MAIL_RETRY_SECONDS must be between 1 and 3600' })
  MAIL_RETRY_SECONDS = 30;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'MAIL_LEASE_SECONDS must be a whole number' })
  @Min(5, { message: 'MAIL_LEASE_SECONDS must be between 5 and 3600' })
  @Max(3600, { message: 'MAIL_LEASE_SECONDS must be between 5 and 3600' })
  MAIL_LEASE_SECONDS = 120;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'REMINDERS must be true or false' })
  REMINDERS = true;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  label: string;
}

export interface AuthConfig {
  /** Signs access tokens. Random per process when unset outside production (sessions then refresh). */
  secret: string | undefined;
  accessTokenMinutes: number;
  sessionHours: number;
  maxFailures: number;
  lockMinutes: number;
  /** Sign-in attempts per minute from one IP address. */
  rateLimitPerMinute: number;
  invitationDays: number;
  /**
   * The address users open: the base of invitation links and of the SSO redirect URI. PUBLIC_URL, or
   * http://localhost:PORT when unset. Never taken from a request's Host header, which a client forges.
   */
  publicUrl: string;
  /** PUBLIC_URL was set: its scheme then decides whether cookies are Secure. */
  publicUrlConfigured: boolean;
  oidc: OidcConfig | undefined;
}

export interface EvidenceConfig {
  maxFileBytes: number;
  /** Lower-case file name extensions accepted for upload. */
  extensions: string[];
}

/** Board packs (PDF): how many are drawn at once, and how many more may wait their turn. */
export interface BoardPackConfig {
  concurrency: number;
  waiting: number;
}

/**
 * How e-mail leaves: SMTP (SMTP_URL), GOV.UK Notify (NOTIFY_API_KEY) or, with neither, the outbox kept
 * in the database for national administrators to read.
 */
export interface MailConfig {
  transport: 'smtp' | 'notify' | 'outbox';
  smtpUrl: string | undefined;
  from: string;
  notify: { apiKey: string; templateId: string; baseUrl: string } | undefined;
  /** Messages sent at once by each API process. */
  concurrency: number;
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  /** The first retry's delay; each later one doubles it. */
  retrySeconds: number;
  /** How long a message being sent stays with its worker; after that (the process died) another takes it. */
  leaseSeconds: number;
  /** This process runs the scheduled reminders (hourly); off, it only sends what others queue. */
  reminders: boolean;
}

export interface AppConfig {
  port: number;
  host: string;
  /** Set: use that PostgreSQL. Unset: run the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  /**
   * The same database as the owner of its tables, for migrations (and the command-line tools); unset:
   * DATABASE_URL migrates too. The API itself then connects as DATABASE_URL's role, which owns nothing.
   */
  databaseMigrationUrl: string | undefined;
  dataDir: string;
  seedOnStart: boolean;
  logLevel: LogLevelName;
  /** The built web app to serve; undefined when it has not been built. */
  webDistDir: string;
  production: boolean;
  trustProxy: boolean;
  /** Seed the demo accounts: default on in embedded mode, off with DATABASE_URL. */
  seedDemo: boolean;
  /** Import NHS England's published DMA 2025 results at start (idempotent): default on with the demo data. */
  seedPublishedResults: boolean;
  auth: AuthConfig;
  evidence: EvidenceConfig;
  boardPack: BoardPackConfig;
  mail: MailConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const defaultWebDist = resolve(import.meta.dirname, '../../../web/dist');

/** Reads and validates the environment once; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: false, skipMissingProperties: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  const production = vars.NODE_ENV === 'production';
  if (production && !vars.AUTH_SECRET) problems.push('AUTH_SECRET is required when NODE_ENV=production');
  const oidcSet = [vars.OIDC_ISSUER, vars.OIDC_CLIENT_ID].filter(Boolean).length;
  if (oidcSet === 1) problems.push('OIDC_ISSUER and OIDC_CLIENT_ID must be set together');
  if (vars.DATABASE_MIGRATION_URL && !vars.DATABASE_URL)
    problems.push('DATABASE_MIGRATION_URL needs DATABASE_URL (the same database, as the application role)');
  if (vars.SMTP_URL && vars.NOTIFY_API_KEY) problems.push('Set SMTP_URL or NOTIFY_API_KEY, not both');
  if (vars.NOTIFY_API_KEY && !vars.NOTIFY_TEMPLATE_ID)
    problems.push('NOTIFY_TEMPLATE_ID is required with NOTIFY_API_KEY (docs/configuration.md, "E-mail")');
  if (problems.length > 0) throw new ConfigError(problems);
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(process.cwd(), p));
  return {
    port: vars.PORT,
    host: vars.HOST,
    databaseUrl: vars.DATABASE_URL,
    databaseMigrationUrl: vars.DATABASE_URL ? vars.DATABASE_MIGRATION_URL : undefined,
    dataDir: abs(vars.DATA_DIR),
    seedOnStart: vars.SEED_ON_START,
    logLevel: vars.LOG_LEVEL,
    webDistDir: vars.WEB_DIST_DIR ? abs(vars.WEB_DIST_DIR) : defaultWebDist,
    production,
    trustProxy: vars.TRUST_PROXY,
    seedDemo: vars.SEED_DEMO ?? !vars.DATABASE_URL,
    seedPublishedResults: vars.SEED_PUBLISHED_RESULTS ?? vars.SEED_DEMO ?? !vars.DATABASE_URL,
    evidence: {
      maxFileBytes: vars.EVIDENCE_MAX_FILE_MB * 1024 * 1024,
      extensions: [...new Set(vars.EVIDENCE_FILE_TYPES.split(',').map((e) => e.trim().toLowerCase()))],
    },
    boardPack: { concurrency: vars.BOARD_PACK_CONCURRENCY, waiting: vars.BOARD_PACK_QUEUE },
    mail: {
      transport: vars.SMTP_URL ? 'smtp' : vars.NOTIFY_API_KEY ? 'notify' : 'outbox',
      smtpUrl: vars.SMTP_URL,
      from: vars.MAIL_FROM ?? 'WGLL digital maturity <no-reply@wgll.invalid>',
      notify:
        vars.NOTIFY_API_KEY && vars.NOTIFY_TEMPLATE_ID
          ? {
              apiKey: vars.NOTIFY_API_KEY,
              templateId: vars.NOTIFY_TEMPLATE_ID,
              baseUrl: vars.NOTIFY_BASE_URL ?? 'https://api.notifications.service.gov.uk',
            }
          : undefined,
      concurrency: vars.MAIL_CONCURRENCY,
      maxAttempts: vars.MAIL_MAX_ATTEMPTS,
      retrySeconds: vars.MAIL_RETRY_SECONDS,
      leaseSeconds: vars.MAIL_LEASE_SECONDS,
      reminders: vars.REMINDERS,
    },
    auth: {
      secret: vars.AUTH_SECRET,
      accessTokenMinutes: vars.ACCESS_TOKEN_MINUTES,
      sessionHours: vars.SESSION_HOURS,
      maxFailures: vars.SIGN_IN_MAX_FAILURES,
      lockMinutes: vars.SIGN_IN_LOCK_MINUTES,
      rateLimitPerMinute: vars.SIGN_IN_RATE_LIMIT,
      invitationDays: vars.INVITATION_DAYS,
      publicUrl: vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`,
      publicUrlConfigured: vars.PUBLIC_URL !== undefined,
      oidc:
        vars.OIDC_ISSUER && vars.OIDC_CLIENT_ID
          ? {
              issuer: vars.OIDC_ISSUER,
              clientId: vars.OIDC_CLIENT_ID,
              clientSecret: vars.OIDC_CLIENT_SECRET,
              scopes: vars.OIDC_SCOPES,
              label: vars.OIDC_LABEL,
            }
          : undefined,
    },
  };
}
