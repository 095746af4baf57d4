import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      seedOnStart: true,
      logLevel: 'log',
    });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://wgll@db:5432/wgll',
      DATA_DIR: '/var/lib/wgll',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'debug',
      WEB_DIST_DIR: '/srv/web',
      NODE_ENV: 'production',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://wgll@db:5432/wgll',
      dataDir: '/var/lib/wgll',
      seedOnStart: false,
      logLevel: 'debug',
      webDistDir: '/srv/web',
      developmentWrites: false,
    });
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
