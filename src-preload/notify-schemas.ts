/**
 * The contract's host-notification, visit-code and slip shapes (re-exported by contract.ts).
 * Imports nothing but zod. Webhook addresses and signing secrets never appear here: the renderer
 * learns only whether each is set.
 */
import { z } from 'zod';

/** Why a notification did not arrive: the renderer translates each. */
export const NotificationFailureSchema = z.enum([
  /** No connection (refused, DNS, reset) on every attempt. */
  'unreachable',
  'timeout',
  /** The platform refused it (HTTP 4xx): not retried. */
  'refused',
  /** HTTP 5xx on every attempt. */
  'server-error',
  /** HTTP 200 but the platform's body said no (bad signature, keyword, rate limit…). */
  'platform-error',
  /** The stored address or secret cannot be opened on this machine. */
  'secret-unreadable',
  /** The channel was removed or emptied while the message waited. */
  'no-channel',
]);
export type NotificationFailure = z.infer<typeof NotificationFailureSchema>;

/** A visit's host notification: queued, sent (at), or failed (with why). */
export const HostNotificationSchema = z.object({
  state: z.enum(['pending', 'sent', 'failed']),
  /** When it was sent, or when it finally failed. */
  at: z.string().optional(),
  reason: NotificationFailureSchema.optional(),
  attempts: z.number().int().nonnegative(),
});
export type HostNotification = z.infer<typeof HostNotificationSchema>;

export const NotificationKindSchema = z.enum(['wecom', 'dingtalk', 'feishu', 'webhook']);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

const channelId = z.string().regex(/^[a-z0-9-]{1,32}$/);

/** A channel as the renderer sees it: never its address or secret, only whether they are set. */
export const PublicNotificationChannelSchema = z.object({
  id: z.string(),
  kind: NotificationKindSchema,
  label: z.string(),
  urlSet: z.boolean(),
  secretSet: z.boolean(),
  /** Mention the host by mobile number (WeCom, DingTalk; Feishu bots cannot). */
  mentionHost: z.boolean(),
});
export type PublicNotificationChannel = z.infer<typeof PublicNotificationChannelSchema>;

export const NotificationSettingsSchema = z.object({
  channels: z.array(PublicNotificationChannelSchema),
  /** The channel every host's notification goes to unless a department route says otherwise ('' = none). */
  defaultChannelId: z.string(),
  /** Department name → channel id. */
  routes: z.array(z.object({ department: z.string(), channelId: z.string() })),
  notifyOnFirstPass: z.boolean(),
  /** The reception group: told when a deny-listed person tries the self-service kiosk ('' = the default channel). */
  receptionChannelId: z.string(),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

/** A change: url and secret are write-only (absent = keep, '' = clear, else replace). */
export const NotificationSettingsPatchSchema = z
  .object({
    channels: z
      .array(
        z
          .object({
            id: channelId,
            kind: NotificationKindSchema,
            label: z.string().trim().max(40),
            url: z
              .union([
                z.literal(''),
                z
                  .string()
                  .trim()
                  .url()
                  .max(500)
                  .regex(/^https?:\/\//i),
              ])
              .optional(),
            secret: z.string().trim().max(200).optional(),
            mentionHost: z.boolean(),
          })
          .strict(),
      )
      .max(20)
      .optional(),
    defaultChannelId: z.union([z.literal(''), channelId]).optional(),
    routes: z
      .array(z.object({ department: z.string().trim().min(1).max(64), channelId }).strict())
      .max(200)
      .optional(),
    notifyOnFirstPass: z.boolean().optional(),
    receptionChannelId: z.union([z.literal(''), channelId]).optional(),
  })
  .strict();
export type NotificationSettingsPatch = z.infer<typeof NotificationSettingsPatchSchema>;

export const NotificationTestSchema = z.object({ ok: z.boolean(), failure: NotificationFailureSchema.optional(), status: z.number().int().optional() });
export type NotificationTest = z.infer<typeof NotificationTestSchema>;

/** What the kiosk's "I'm leaving" answers: signed out (doors removed now, or removal retried). */
export const SignOutByCodeResultSchema = z.object({ removal: z.enum(['done', 'pending']) });

/** A visit code as typed or scanned (main normalises and checks it). */
export const VisitCodeInputSchema = z.object({ code: z.string().max(32) }).strict();
