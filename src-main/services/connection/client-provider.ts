import { K30Client } from '../../k30/client';
import type { ResponseSignPolicy, RetryOptions } from '../../k30/client/types';
import type { K30Credentials } from '../../k30/protocol/credentials';
import { DEFAULT_PROFILE, PROFILE_NAMES } from '../../k30/protocol/crypto-profiles';
import { AppError } from '../app-error';
import type { Logger } from '../ports';
import type { ChangedKey, ConnectionSettings, SettingsService } from '../settings/settings-service';

/** The built-in simulator the app talks to while no server is configured. */
export interface DemoTarget {
  url: string;
  credentials: K30Credentials;
}

export interface ClientProviderOptions {
  /** The demo simulator, when one runs: used while `settings.server` is ''. */
  demo?: () => DemoTarget | undefined;
  log: Logger;
  /** Per attempt; the client's default when absent. */
  timeoutMs?: number;
  retries?: RetryOptions;
  /** The clock answers' timestamps are checked against. */
  now?: () => Date;
}

/** The settings a connection depends on: any other change keeps the cached client. */
const CONNECTION_KEYS = new Set<ChangedKey>([
  'server',
  'companyno',
  'useCompanyNoAsSecret',
  'appSecret',
  'aesKey',
  'aesIv',
  'profile',
  'photoEncoding',
  'responseSignPolicy',
]);

/**
 * The one place K30 clients are made. `get()` is cached and rebuilt when a connection setting
 * changes (the rate limiter is process-wide, so a rebuild does not reset it). With no server set
 * and a demo simulator running, clients point at the simulator with its credentials.
 */
export class ClientProvider {
  private cached: { client: K30Client; demoUrl: string | undefined } | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    readonly settings: SettingsService,
    private readonly opts: ClientProviderOptions,
  ) {
    this.unsubscribe = settings.onChange((changed) => {
      if (changed.some((key) => CONNECTION_KEYS.has(key))) this.cached = undefined;
    });
  }

  /** True while clients point at the demo simulator. */
  isDemo(): boolean {
    return this.settings.values.server === '' && this.opts.demo?.() !== undefined;
  }

  /** The crypto profile `get()` uses (the simulator's in demo mode). Opens no secret. */
  activeProfile(): string {
    const values = this.settings.values;
    if (values.server === '') return this.opts.demo?.()?.credentials.profile || DEFAULT_PROFILE;
    return values.profile;
  }

  /** Where to connect, secrets opened. Throws AppError('not-configured'). */
  private target(): ConnectionSettings & { demoUrl?: string } {
    const values = this.settings.values;
    if (values.server === '') {
      const demo = this.opts.demo?.();
      if (!demo) throw new AppError('not-configured', 'No K30 server is set');
      return {
        server: demo.url,
        credentials: { ...demo.credentials },
        photoEncoding: values.photoEncoding,
        responseSignPolicy: values.responseSignPolicy,
        demoUrl: demo.url,
      };
    }
    return this.settings.connectionSettings();
  }

  private build(target: ConnectionSettings): K30Client {
    return new K30Client({
      server: target.server,
      credentials: target.credentials,
      photoEncoding: target.photoEncoding,
      responseSignPolicy: target.responseSignPolicy,
      timeoutMs: this.opts.timeoutMs,
      retries: this.opts.retries,
      logger: this.opts.log,
      now: this.opts.now,
    });
  }

  /** The client for the current settings. Throws AppError('not-configured'). */
  get(): K30Client {
    const demoUrl = this.settings.values.server === '' ? this.opts.demo?.()?.url : undefined;
    if (this.cached && this.cached.demoUrl === demoUrl) return this.cached.client;
    const target = this.target();
    const client = this.build(target);
    this.cached = { client, demoUrl: target.demoUrl };
    this.opts.log.info(
      `k30: client for ${target.demoUrl ? 'the demo simulator' : 'the configured server'} (profile ${target.credentials.profile ?? 'default'})`,
    );
    return client;
  }

  /**
   * A client for the same connection under another crypto profile, for the profile search: its
   * answers must be signed (responseSignPolicy 'strict'), so a wrong profile that happens to decode
   * is not taken for the right one. Not cached. Throws AppError('not-configured').
   */
  forProfile(profile: string): K30Client {
    if (!PROFILE_NAMES.includes(profile)) throw new AppError('invalid-input', 'Unknown crypto profile', 'profile');
    const target = this.target();
    return this.build({ ...target, credentials: { ...target.credentials, profile }, responseSignPolicy: 'strict' });
  }

  /** A client for the current connection with another answer policy, for the connection test. Not cached. */
  withSignPolicy(responseSignPolicy: ResponseSignPolicy): K30Client {
    return this.build({ ...this.target(), responseSignPolicy });
  }

  /** Stops following settings changes. */
  dispose(): void {
    this.unsubscribe();
    this.cached = undefined;
  }
}
