import { z } from 'zod';
import {
  NotificationKindSchema,
  NotificationSettingsPatchSchema,
  type NotificationSettings,
  type NotificationSettingsPatch,
} from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { KeyValueStore, Logger, SecretBox } from '../ports';
import type { ChannelTarget } from './platforms';

/**
 * Where host notifications go: channels (kind, label, whether to mention the host), the default
 * channel, department routes, whether a first door pass is announced too, and which channel is the
 * reception group (told of deny-list hits at the self-service kiosk). Each channel's
 * webhook address and secret are sealed by the SecretBox under their own store keys, like the K30
 * app secret: the address of a group robot is its credential (anyone holding it can post there).
 * Nothing here logs a value, and the renderer sees only whether each is set.
 */
const CONFIG_KEY = 'notificationConfig';
const sealedKey = (part: 'url' | 'secret', id: string) => `sealed_notify_${part}_${id}`;

const StoredConfigSchema = z.object({
  channels: z.array(z.object({ id: z.string(), kind: NotificationKindSchema, label: z.string(), mentionHost: z.boolean() })),
  defaultChannelId: z.string(),
  routes: z.array(z.object({ department: z.string(), channelId: z.string() })),
  notifyOnFirstPass: z.boolean(),
  // Stored before reception alerts existed: none chosen, so the default channel.
  receptionChannelId: z.string().default(''),
});
type StoredConfig = z.infer<typeof StoredConfigSchema>;

const EMPTY: StoredConfig = { channels: [], defaultChannelId: '', routes: [], notifyOnFirstPass: false, receptionChannelId: '' };

export interface ResolvedChannel extends ChannelTarget {
  id: string;
  mentionHost: boolean;
}

export class NotificationSettingsStore {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly box: SecretBox,
    private readonly log: Logger,
  ) {}

  private config(): StoredConfig {
    const parsed = StoredConfigSchema.safeParse(this.store.get(CONFIG_KEY));
    return parsed.success ? parsed.data : structuredClone(EMPTY);
  }

  private isSet(part: 'url' | 'secret', id: string): boolean {
    const raw = this.store.get(sealedKey(part, id));
    return typeof raw === 'string' && raw !== '';
  }

  /** What the renderer may see: no address, no secret. */
  view(): NotificationSettings {
    const c = this.config();
    return {
      channels: c.channels.map((ch) => ({ ...ch, urlSet: this.isSet('url', ch.id), secretSet: this.isSet('secret', ch.id) })),
      defaultChannelId: c.defaultChannelId,
      routes: c.routes,
      notifyOnFirstPass: c.notifyOnFirstPass,
      receptionChannelId: c.receptionChannelId,
    };
  }

  get notifyOnFirstPass(): boolean {
    return this.config().notifyOnFirstPass;
  }

  /** Whether a host's notification would go anywhere: a default channel, or a route, with an address. */
  isConfigured(): boolean {
    const c = this.config();
    const usable = (id: string) => c.channels.some((ch) => ch.id === id) && this.isSet('url', id);
    return (c.defaultChannelId !== '' && usable(c.defaultChannelId)) || c.routes.some((r) => usable(r.channelId));
  }

  /** The channel for a host of this department: its route, else the default; undefined when none. */
  channelIdFor(department: string | undefined): string | undefined {
    const c = this.config();
    const route = department ? c.routes.find((r) => r.department === department.trim()) : undefined;
    const id = route?.channelId ?? c.defaultChannelId;
    return id && c.channels.some((ch) => ch.id === id) && this.isSet('url', id) ? id : undefined;
  }

  /**
   * Where reception is alerted: the channel chosen for it, else the default channel (the group a
   * front desk reads for its hosts; a kiosk that turns someone away must reach somebody), as long
   * as it has an address; undefined when neither has.
   */
  receptionChannel(): string | undefined {
    const c = this.config();
    const usable = (id: string) => id !== '' && c.channels.some((ch) => ch.id === id) && this.isSet('url', id);
    return [c.receptionChannelId, c.defaultChannelId].find(usable);
  }

  /**
   * A channel with its address and secret opened (main only). Undefined when the channel is gone or
   * has no address; AppError('not-configured') when the sealed values cannot be opened here.
   */
  resolve(id: string): ResolvedChannel | undefined {
    const channel = this.config().channels.find((ch) => ch.id === id);
    if (!channel || !this.isSet('url', id)) return undefined;
    return {
      id,
      kind: channel.kind,
      mentionHost: channel.mentionHost,
      url: this.open('url', id),
      secret: this.isSet('secret', id) ? this.open('secret', id) : '',
    };
  }

  private open(part: 'url' | 'secret', id: string): string {
    try {
      return this.box.open(String(this.store.get(sealedKey(part, id))));
    } catch {
      this.log.error(`notifications: the stored ${part} of channel ${id} cannot be opened on this machine`);
      throw new AppError('not-configured', `the stored ${part} of notification channel ${id} cannot be read on this machine; enter it again`);
    }
  }

  /** Every stored address and secret that opens, for masking logs (main only). Never throws. */
  secretValues(): string[] {
    const values: string[] = [];
    for (const ch of this.config().channels) {
      for (const part of ['url', 'secret'] as const) {
        if (!this.isSet(part, ch.id)) continue;
        try {
          values.push(this.box.open(String(this.store.get(sealedKey(part, ch.id)))));
        } catch {
          /* logged where it matters */
        }
      }
    }
    return values;
  }

  /** Applies a change (validated here too). Addresses and secrets: absent = keep, '' = clear, else replace. */
  save(patch: NotificationSettingsPatch): NotificationSettings {
    const parsed = NotificationSettingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // The path only: a zod message may quote the value, and this may be an address.
      throw new AppError('invalid-input', `invalid notification settings at ${issue?.path.join('.') || 'top level'}`, issue?.path.join('.') || undefined);
    }
    const next = parsed.data;
    const current = this.config();
    const channels = next.channels ?? current.channels;
    const ids = new Set(channels.map((ch) => ch.id));
    if (ids.size !== channels.length) throw new AppError('invalid-input', 'two notification channels have the same id', 'channels');
    const defaultChannelId = next.defaultChannelId ?? current.defaultChannelId;
    const routes = next.routes ?? current.routes;
    if (defaultChannelId && !ids.has(defaultChannelId)) throw new AppError('invalid-input', 'the default channel does not exist', 'defaultChannelId');
    if (routes.some((r) => !ids.has(r.channelId))) throw new AppError('invalid-input', 'a department route names a channel that does not exist', 'routes');
    const receptionChannelId = next.receptionChannelId ?? current.receptionChannelId;
    if (receptionChannelId && !ids.has(receptionChannelId))
      throw new AppError('invalid-input', 'the reception alert channel does not exist', 'receptionChannelId');

    // Seal everything before writing anything: a failing SecretBox changes nothing.
    const writes: [string, string][] = [];
    for (const ch of next.channels ?? []) {
      if (ch.url !== undefined) writes.push([sealedKey('url', ch.id), ch.url === '' ? '' : this.box.seal(ch.url)]);
      if (ch.secret !== undefined) writes.push([sealedKey('secret', ch.id), ch.secret === '' ? '' : this.box.seal(ch.secret)]);
    }
    for (const [key, value] of writes) this.store.set(key, value);
    // A removed channel's sealed values go with it.
    for (const old of current.channels) {
      if (ids.has(old.id)) continue;
      this.store.set(sealedKey('url', old.id), '');
      this.store.set(sealedKey('secret', old.id), '');
    }
    const stored: StoredConfig = {
      channels: channels.map(({ id, kind, label, mentionHost }) => ({ id, kind, label, mentionHost })),
      defaultChannelId,
      routes,
      notifyOnFirstPass: next.notifyOnFirstPass ?? current.notifyOnFirstPass,
      receptionChannelId,
    };
    this.store.set(CONFIG_KEY, stored);
    for (const listener of [...this.listeners]) listener();
    return this.view();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
