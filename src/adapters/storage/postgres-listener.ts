import { Client, escapeIdentifier, type Notification } from 'pg';

import type { ChannelHandlers } from './database';

/** After a lost connection: the first retry waits this long, each later one twice as long, up to the cap. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5_000;

/**
 * LISTEN on one channel over a connection of its own (a pooled connection goes back to the pool between queries, and
 * with it the LISTEN). When the connection is lost — a server restart, `pg_terminate_backend`, a network cut — the
 * subscriber is told at once (`live(false)`: notifications are being missed), and the listener connects again with a
 * growing pause until it listens once more (`live(true)`).
 */
export class PostgresListener {
  private client: Client | undefined;
  private retryMs = RETRY_FIRST_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly handlers: ChannelHandlers,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Resolves once listening; throws when the first connection fails (as opening the database would). */
  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString, connectionTimeoutMillis: 10_000 });
    // Until this client listens, a loss means only that this attempt failed.
    let listening = false;
    const lost = (error: Error): void => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined); // already broken: its own error is the one reported below
      if (listening) this.handlers.live(false);
      this.onError(error);
      this.scheduleRetry();
    };
    client.on('error', lost);
    client.on('end', () => lost(new Error('The listening connection was closed by the server.')));
    client.on('notification', (message: Notification) => {
      if (message.channel === this.channel) this.handlers.notified(message.payload ?? '');
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${escapeIdentifier(this.channel)}`);
    } catch (error) {
      if (this.client === client) lost(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    if (this.client !== client) return; // lost or closed while connecting: `lost` has scheduled what comes next
    listening = true;
    this.retryMs = RETRY_FIRST_MS;
    this.handlers.live(true);
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.retryTimer = setTimeout(() => {
      this.connect().catch(() => undefined); // reported through onError by `lost`, and retried from there
    }, wait);
    this.retryTimer.unref();
  }
}
