import pg from 'pg';
import { describeError } from '../../../k30/protocol/describe-error';
import type { Logger } from '../../ports';

export interface SiteListenerOptions {
  config: pg.ClientConfig;
  /** What to LISTEN to (visits, shared documents). */
  channels: readonly string[];
  reconnectMs: number;
  log: Logger;
  onNotify(payload: string, channel: string): void;
  /** Connected and listening (again): notifications may have been missed meanwhile. */
  onUp(): Promise<void>;
  onDown(error: unknown): void;
}

/**
 * One connection per station that LISTENs for the other stations' changes. When it drops (the
 * database restarted, the network failed) it reconnects on its own, every `reconnectMs`, and the
 * station catches up with what it missed through `onUp`.
 */
export class SiteListener {
  private client?: pg.Client;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private connecting = false;

  constructor(private readonly options: SiteListenerOptions) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.stopped || this.connecting || this.client) return;
    this.connecting = true;
    const client = new pg.Client(this.options.config);
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('Connection terminated')));
    client.on('notification', (message) => {
      if (this.options.channels.includes(message.channel) && message.payload) this.options.onNotify(message.payload, message.channel);
    });
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${channel}`);
      if (this.stopped) {
        await client.end().catch(() => {});
        return;
      }
      this.client = client;
      await this.options.onUp();
    } catch (error) {
      this.lost(client, error);
    } finally {
      this.connecting = false;
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client && this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    if (this.stopped) return;
    this.options.onDown(error);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.connect(), this.options.reconnectMs);
    this.timer.unref();
    this.options.log.warn(`site database: listening stopped (${describeError(error)}); retrying`);
  }
}
