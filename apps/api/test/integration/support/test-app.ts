import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';
import { DataSource } from 'typeorm';

import { createApp, type RunningApp } from '../../../src/app.factory.js';
import { type AppConfig, type AuthConfig, loadConfig } from '../../../src/config/app-config.js';

export interface TestApp {
  running: RunningApp;
  dataSource: DataSource;
  http: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

/**
 * The real app on a real database: the PostgreSQL in DATABASE_URL when set (CI), otherwise an
 * embedded database in a fresh temporary folder. `mode` forces one of them.
 */
export async function startTestApp(
  options: {
    mode?: 'default' | 'embedded';
    webDistDir?: string;
    config?: Partial<AppConfig>;
    auth?: Partial<AuthConfig>;
  } = {},
): Promise<TestApp> {
  const { mode = 'default', webDistDir } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'wgll-int-'));
  const config = {
    ...loadConfig({ LOG_LEVEL: 'warn' }),
    databaseUrl: mode === 'embedded' ? undefined : process.env.DATABASE_URL || undefined,
    // CI: the owner migrates, the app connects as a role that owns nothing (README, "Database roles").
    databaseMigrationUrl: mode === 'embedded' ? undefined : process.env.DATABASE_MIGRATION_URL || undefined,
    dataDir,
    webDistDir: webDistDir ?? join(dataDir, 'no-web'),
    seedDemo: false,
    seedPublishedResults: false,
    ...options.config,
  };
  // Tests run the reminders themselves (ReminderScheduler.tick): none starts on a timer to write
  // notices while another test counts what a request wrote.
  config.mail = { ...config.mail, reminders: false };
  // Every test signs in from 127.0.0.1: a per-IP limit would trip; one test lowers it on purpose.
  config.auth = { ...config.auth, rateLimitPerMinute: 10_000, ...options.auth };
  const running = await createApp(config);
  await running.app.getHttpAdapter().getInstance().ready();
  return {
    running,
    dataSource: running.app.get(DataSource),
    http: supertest(running.app.getHttpServer()),
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
