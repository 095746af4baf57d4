import 'reflect-metadata';
import { createApp, createLogger } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './database/seed/demo-accounts.js';

function demoSignIn(): string {
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const rows = DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(width)}  ${a.role} (${a.scopeName})`);
  return (
    `\n  Sign in with a demo account (password: ${DEMO_PASSWORD}):\n${rows.join('\n')}\n` +
    "  Also (same password): this year's cycle under way in South East and North East London, with people\n" +
    '  for each trust and ICB there, e.g. lead.rj1@, board.rj1@, contributor.rj1@, ics.qmf@demo.wgll.example\n' +
    '  (README, "Demo data").\n\n'
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const running = await createApp(config, logger);
  await running.app.listen({ port: config.port, host: config.host });
  const address = running.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = ['0.0.0.0', '127.0.0.1', '::'].includes(config.host) ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  logger.log(
    'Listening',
    { url, docs: `${url}/api/docs`, databaseMode: running.database.mode, startupMs: Date.now() - started },
    'Bootstrap',
  );
  process.stdout.write(
    `\n  WGLL digital maturity platform is running at ${url}\n` +
      `  API documentation: ${url}/api/docs\n` +
      `  Database: ${running.database.mode === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}\n` +
      (config.seedDemo ? demoSignIn() : '') +
      '  Press Ctrl+C to stop.\n\n',
  );
  const stop = (signal: string) => {
    logger.log('Stopping', { signal }, 'Bootstrap');
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  }
  process.exit(1);
});
