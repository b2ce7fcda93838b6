/**
 * The notification settings form's rules, pure: a draft from what main shows (no address or
 * secret, only whether each is set), and the patch that saves it (write-only fields sent only when
 * typed or cleared).
 */
import type { NotificationKind, NotificationSettings, NotificationSettingsPatch } from '../../../src-preload/contract';

export interface ChannelDraft {
  id: string;
  kind: NotificationKind;
  label: string;
  mentionHost: boolean;
  urlSet: boolean;
  secretSet: boolean;
  /** Typed here ('' = unchanged unless cleared). */
  url: string;
  secret: string;
  clearUrl: boolean;
  clearSecret: boolean;
}

export interface NotificationDraft {
  channels: ChannelDraft[];
  defaultChannelId: string;
  routes: { department: string; channelId: string }[];
  notifyOnFirstPass: boolean;
  /** The reception group for deny-list alerts ('' = the default channel). */
  receptionChannelId: string;
}

/** Platforms whose robots can mention the host by mobile number (Feishu's custom bot cannot). */
export const CAN_MENTION: ReadonlySet<NotificationKind> = new Set(['wecom', 'dingtalk']);
/** Platforms with a signing secret. */
export const HAS_SECRET: ReadonlySet<NotificationKind> = new Set(['dingtalk', 'feishu', 'webhook']);

export function draftOf(view: NotificationSettings): NotificationDraft {
  return {
    channels: view.channels.map((c) => ({ ...c, url: '', secret: '', clearUrl: false, clearSecret: false })),
    defaultChannelId: view.defaultChannelId,
    routes: view.routes.map((r) => ({ ...r })),
    notifyOnFirstPass: view.notifyOnFirstPass,
    receptionChannelId: view.receptionChannelId,
  };
}

/** A new channel with an id not yet taken. */
export function newChannel(taken: string[], kind: NotificationKind = 'wecom'): ChannelDraft {
  let n = 1;
  while (taken.includes(`channel-${n}`)) n++;
  return {
    id: `channel-${n}`,
    kind,
    label: '',
    mentionHost: CAN_MENTION.has(kind),
    urlSet: false,
    secretSet: false,
    url: '',
    secret: '',
    clearUrl: false,
    clearSecret: false,
  };
}

export function patchOf(draft: NotificationDraft): NotificationSettingsPatch {
  const ids = new Set(draft.channels.map((c) => c.id));
  return {
    channels: draft.channels.map((c) => ({
      id: c.id,
      kind: c.kind,
      label: c.label.trim(),
      mentionHost: c.mentionHost && CAN_MENTION.has(c.kind),
      ...(c.clearUrl ? { url: '' } : c.url.trim() ? { url: c.url.trim() } : {}),
      ...(c.clearSecret || !HAS_SECRET.has(c.kind) ? (c.secretSet || c.clearSecret ? { secret: '' } : {}) : c.secret.trim() ? { secret: c.secret.trim() } : {}),
    })),
    defaultChannelId: ids.has(draft.defaultChannelId) ? draft.defaultChannelId : '',
    routes: draft.routes.filter((r) => r.department.trim() && ids.has(r.channelId)).map((r) => ({ department: r.department.trim(), channelId: r.channelId })),
    notifyOnFirstPass: draft.notifyOnFirstPass,
    // A removed channel's alerts fall back to the default channel.
    receptionChannelId: ids.has(draft.receptionChannelId) ? draft.receptionChannelId : '',
  };
}
