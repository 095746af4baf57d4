import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { ConsoleLogger, type LogLevel, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ApiError } from '@wgll/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { drainRequest } from './common/drain-request.js';
import { JSON_BODY_LIMIT, jsonBodyParser } from './common/json-body.js';
import { pagePreloadLink, readPagePreloads } from './common/page-preloads.js';
import { setSecurityHeaders } from './common/security-headers.js';
import type { AppConfig, LogLevelName } from './config/app-config.js';
import { connectDatabase, type DatabaseConnection } from './database/database-connection.js';
import { prepareDatabase } from './database/database-roles.js';
import { seedDemoAccounts } from './database/seed/demo-accounts.js';
import { seedDemoCycle } from './database/seed/demo-cycle.js';
import { seedPublishedResults } from './database/seed/published-results.js';
import { seedDemoWorld } from './database/seed/demo-world/demo-world.js';
import { ImportsService } from './modules/imports/imports.service.js';
import { seedReferenceData } from './database/seed/reference-seeder.js';
import { AuditChainService } from './modules/audit/audit-chain.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { FrameworksService } from './modules/frameworks/frameworks.service.js';
import { DeliveryWorker } from './modules/notifications/delivery-worker.js';
import { ReminderScheduler } from './modules/notifications/reminders.js';
import { ACCESS_COOKIE } from './modules/auth/sessions.service.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
const STATIC_FILE =
  /\.(?:js|mjs|css|map|html|png|svg|ico|jpe?g|gif|webp|json|woff2?|ttf|txt|xml|webmanifest)$/i;

export function createLogger(level: LogLevelName): ConsoleLogger {
  return new ConsoleLogger({
    json: true,
    flattenParams: true,
    logLevels: LEVELS.slice(0, LEVELS.indexOf(level) + 1),
  });
}

export interface RunningApp {
  app: NestFastifyApplication;
  database: DatabaseConnection;
  /** Closes the app, then the embedded database if there is one. */
  close(): Promise<void>;
}

/**
 * Builds the whole API: database (external or embedded), migrations, reference data, OpenAPI,
 * security headers and the built web app. Used by main.ts and by the integration tests.
 */
export async function createApp(
  config: AppConfig,
  logger = createLogger(config.logLevel),
): Promise<RunningApp> {
  const log = new Logger('Bootstrap');
  const database = await connectDatabase(config);
  let app: NestFastifyApplication | undefined;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(database, config),
      new FastifyAdapter({
        bodyLimit: JSON_BODY_LIMIT,
        trustProxy: config.trustProxy,
        frameworkErrors: badAddress,
      }),
      { logger, bufferLogs: false },
    );
    app.setGlobalPrefix('api');
    // JSON: at most 1 MB and 32 levels deep, checked before anything parses or walks the body.
    app.useBodyParser(
      'application/json',
      { bodyLimit: JSON_BODY_LIMIT },
      jsonBodyParser(app.getHttpAdapter().getInstance()),
    );
    // Every response over 1 KB is compressed (brotli or gzip, as the client accepts): API JSON here,
    // the web app's files from the .br/.gz copies made at build (serveWebApp).
    await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
    await app.register(cookie);
    // Not global: modules/auth/ip-limiter.ts applies it to sign-in and invitations.
    await app.register(rateLimit, { global: false });
    // Evidence uploads: parsed only by the upload route, after the access guard; one file per request.
    await app.register(multipart, {
      limits: { fileSize: config.evidence.maxFileBytes, files: 1, fields: 5 },
    });
    // Helmet's headers, built once (common/security-headers.ts), set before routing as Helmet does.
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', (_request, reply, done) => {
        setSecurityHeaders(reply.raw);
        done();
      });
    SwaggerModule.setup(
      'api/docs',
      app,
      () =>
        SwaggerModule.createDocument(
          app!,
          new DocumentBuilder()
            .setTitle('WGLL digital maturity platform API')
            .setDescription(
              'The NHS organisation hierarchy, WGLL frameworks, accounts and access. Sign in with ' +
                'POST /api/auth/sign-in; send the csrfToken from GET /api/auth/session as x-csrf-token on writes.',
            )
            .setVersion('0.1.0')
            .build(),
        ),
      { jsonDocumentUrl: 'api/docs/openapi.json' },
    );
    serveWebApp(app, config.webDistDir, log);
    logRequests(app, logger);
    addResponseHeaders(app);
    drainUnreadBodies(app);

    await app.init();
    const dataSource = app.get(DataSource);
    const prepared = await prepareDatabase(database, dataSource);
    log.log('Database ready', {
      mode: database.mode,
      migrationsApplied: prepared.migrationsApplied,
      role: prepared.role,
    });
    if (database.mode === 'external' && prepared.risks.length > 0) {
      log.warn(
        `The API connects to the database as ${prepared.role}, which ${prepared.risks.join(', ')}: it could ` +
          'change or disable the guards of sealed returns. Connect as a role that owns nothing and migrate ' +
          'with DATABASE_MIGRATION_URL (README, "Database roles").',
      );
    }
    app.get(AuditChainService).start();
    app.get(DeliveryWorker).start();
    if (config.mail.reminders) app.get(ReminderScheduler).start();
    if (config.seedOnStart) {
      const summary = await seedReferenceData(dataSource);
      log.log('Reference data loaded', summarise(summary));
    }
    await app.get(FrameworksService).loadBundled();
    if (config.seedDemo) {
      const demo = await seedDemoAccounts(dataSource, app.get(AuditService));
      log.log('Demo accounts ready', { created: demo.created, accounts: demo.accounts.length });
      const cycle = await seedDemoCycle(dataSource);
      if (cycle) log.log('Demo assessment cycle created', { name: cycle.name });
    }
    if (config.seedPublishedResults) {
      const published = await seedPublishedResults(dataSource, app.get(ImportsService));
      log.log(
        published.created ? 'Published DMA 2025 results imported' : 'Published DMA 2025 results present',
        published,
      );
    }
    // After the published results: the demo world's answers follow each trust's published scores.
    if (config.seedDemo) {
      // Demonstration data never stops the product starting: the next start adds the returns still missing.
      await seedDemoWorld(app, log).then(
        (world) => log.log(world.created ? 'Demo world created' : 'Demo world present', world),
        (error: unknown) => log.error('The demo world could not be completed', { error: String(error) }),
      );
    }
    const running = app;
    return {
      app: running,
      database,
      async close() {
        await running.close();
        await database.stop();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop();
    throw error;
  }
}

function summarise(summary: Record<string, { inserted: number; updated: number; deleted: number }>) {
  const changed = Object.values(summary).reduce((n, t) => n + t.inserted + t.updated + t.deleted, 0);
  return { rowsChanged: changed, organisations: summary.organisation };
}

/** A file the build names by its content (assets/index-B1x2y3z4.js): it never changes at that address. */
const HASHED_ASSET = /\/assets\/[^/]+-[\w-]{8}\.(?:js|css|map|woff2?|svg|png)(?:\.br|\.gz)?$/;

/** Hashed assets: a year, immutable. Everything else (index.html, icons): revalidated on each use. */
export function webCacheControl(path: string): string {
  return HASHED_ASSET.test(path.replaceAll('\\', '/')) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Serves apps/web/dist, choosing the build's precompressed copy (.br, .gz) of a file when the client
 * accepts it; any other non-API GET gets index.html so client-side routes load.
 */
function serveWebApp(app: NestFastifyApplication, dir: string, log: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  const index = join(dir, 'index.html');
  const hasWeb = existsSync(index);
  const preloads = readPagePreloads(join(dir, 'page-preloads.json'));
  if (hasWeb) {
    void app.register(fastifyStatic, {
      root: dir,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', webCacheControl(path)),
    });
  } else {
    log.warn('The web app is not built; serving the API only', { expected: index });
  }
  fastify.get('/*', (request, reply) => {
    // Only page addresses fall back to index.html; a missing file (e.g. a stale /assets/x.js) is a 404.
    // Page addresses may contain dots (/frameworks/x/versions/2026.1), so files are known by extension.
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/') || STATIC_FILE.test(path) || !hasWeb) {
      const body: ApiError = {
        statusCode: 404,
        code: 'NOT_FOUND',
        message: `No route for GET ${request.url}`,
      };
      return reply.status(404).send(body);
    }
    const preload = pagePreloadLink(request.url, Boolean(request.cookies[ACCESS_COOKIE]), preloads);
    if (preload) void reply.header('link', preload);
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html', dir, {
      cacheControl: false,
    });
  });
}

/**
 * Fastify's answer to an address it cannot route (bad percent-encoding, a path parameter over 100
 * characters), before Nest sees the request: in the API's error shape, with its headers.
 */
function badAddress(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body: ApiError = {
    statusCode: tooLong ? 414 : 400,
    code: 'VALIDATION_FAILED',
    message: tooLong
      ? 'A part of the address is longer than this API accepts.'
      : 'The address is not valid: it has a broken %-encoded character.',
  };
  void reply
    .status(body.statusCode)
    .header('permissions-policy', PERMISSIONS_POLICY)
    .header('cache-control', 'no-store')
    .send(body);
}

/** Browser features the app never uses, denied to it and to anything framed or injected. */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/**
 * Permissions-Policy on every response; `Cache-Control: no-store` on every API response (signed-in
 * data, evidence files and seals among them; the API documentation too, for simplicity), so that
 * no browser or proxy keeps a copy. The web app's own files keep their caching.
 */
function addResponseHeaders(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('permissions-policy', PERMISSIONS_POLICY);
    const path = request.url.split('?')[0] ?? '';
    if (path === '/api' || path.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

/**
 * A response sent before the request body was read (a guard's 401/403, an upload refused early, a
 * body over the limit) first reads and discards the rest of the body, so the client gets the answer
 * rather than a reset connection. Past the drain's limits the connection is closed after answering.
 */
function drainUnreadBodies(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.raw.complete) {
      done(null, payload);
      return;
    }
    void drainRequest(request.raw).then((drained) => {
      if (!drained) void reply.header('connection', 'close');
      done(null, payload);
    });
  });
}

function logRequests(app: NestFastifyApplication, logger: ConsoleLogger): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.url.startsWith('/api/')) {
      logger.log(
        'request',
        {
          method: request.method,
          url: request.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'HTTP',
      );
    }
    done();
  });
}
