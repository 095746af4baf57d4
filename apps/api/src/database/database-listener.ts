import type { Logger } from '@nestjs/common';
import pg from 'pg';

const RECONNECT_MS = 1000;

export interface DatabaseListenerOptions {
  /** The database, as the application connects to it. */
  url: string;
  /** The PostgreSQL channel listened on. */
  channel: string;
  /** How the connection names itself (pg_stat_activity.application_name). */
  applicationName: string;
  /** Names the listener in log lines, e.g. "Results listener". */
  label: string;
  logger: Logger;
  onNotification(payload: string): void;
  /** Listening (again): `reconnecting` when a connection was lost before, so notifications may have been missed. */
  onListening(reconnecting: boolean): void;
  /** The connection was lost: until `onListening`, notifications are missed. */
  onLost(): void;
}

/**
 * One connection that LISTENs on a PostgreSQL channel for as long as the API runs, reconnecting
 * after any failure (a connection that silently died is noticed through TCP keepalive).
 */
export class DatabaseListener {
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: DatabaseListenerOptions) {}

  /** Listening now: notifications are being received. */
  get listening(): boolean {
    return this.client !== null;
  }

  start(): Promise<void> {
    return this.listen(false);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Opens the listening connection; on any failure, tries again shortly. */
  private async listen(reconnecting: boolean): Promise<void> {
    if (this.stopped) return;
    const { url, channel, applicationName, label, logger } = this.options;
    const client = new pg.Client({
      connectionString: url,
      application_name: applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      const wasListening = this.client === client;
      if (wasListening) this.client = null;
      client.removeAllListeners('notification');
      if (wasListening) this.options.onLost();
      if (this.stopped) return;
      logger.warn(`${label} lost (${error?.message ?? 'connection ended'}); reconnecting`);
      void client.end().catch(() => undefined);
      this.retry ??= setTimeout(() => {
        this.retry = null;
        void this.listen(true);
      }, RECONNECT_MS);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => {
      if (message.channel === channel) this.options.onNotification(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost) return; // cut already: a new attempt is under way
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    if (reconnecting) logger.log(`${label} reconnected`);
    this.options.onListening(reconnecting);
  }
}
