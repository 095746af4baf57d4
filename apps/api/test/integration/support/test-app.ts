import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import supertest from 'supertest';

import { createApp, type RunningApp } from '../../../src/app.factory.js';
import { type AppConfig, loadConfig } from '../../../src/config/app-config.js';

export interface TestApp {
  running: RunningApp;
  http: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

/**
 * The real app on a real database: the PostgreSQL in DATABASE_URL when set (CI), otherwise an
 * embedded database in a fresh temporary folder. `mode` forces one of them.
 */
export async function startTestApp(
  options: { mode?: 'default' | 'embedded'; webDistDir?: string; config?: Partial<AppConfig> } = {},
): Promise<TestApp> {
  const { mode = 'default', webDistDir } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'wgll-int-'));
  const config = {
    ...loadConfig({ LOG_LEVEL: 'warn' }),
    databaseUrl: mode === 'embedded' ? undefined : process.env.DATABASE_URL || undefined,
    dataDir,
    webDistDir: webDistDir ?? join(dataDir, 'no-web'),
    ...options.config,
  };
  const running = await createApp(config);
  await running.app.getHttpAdapter().getInstance().ready();
  return {
    running,
    http: supertest(running.app.getHttpServer()),
    async close() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
