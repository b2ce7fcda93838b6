import { z } from 'zod';
import type { Language } from '../../../src-preload/contract';
import { maskNumbers } from '../audit/audit-log';
import type { DenyListHitEvent } from '../main-events';
import { formatTime } from './compose';
import type { NotificationMessage } from './platforms';

/**
 * The reception group's alert when a deny-listed person tries to register at the self-service
 * kiosk (the kiosk only tells them to see reception): which kiosk, when, the name they typed, and
 * each matching entry's name and reason. Never a document number or phone, not even masked. Kept
 * in the notification queue until sent, so it is validated when the queue file is read back.
 */
export const DenyAlertSchema = z.object({
  at: z.string(),
  station: z.string().max(200),
  visitorName: z.string().max(200),
  entries: z.array(z.object({ name: z.string().max(80), reason: z.string().max(400) })).max(20),
});
export type DenyAlert = z.infer<typeof DenyAlertSchema>;

/** Only a kiosk's refusal is news for reception: a hit at reception is on the screen of the person at the desk. */
export function denyAlertOf(hit: DenyListHitEvent): DenyAlert | undefined {
  if (hit.channel !== 'kiosk' || hit.outcome !== 'blocked') return undefined;
  // Free text: a number typed into a name or a reason still never leaves whole.
  return {
    at: hit.at,
    station: hit.station,
    visitorName: maskNumbers(hit.visitorName),
    entries: hit.entries.slice(0, 20).map(({ name, reason }) => ({ name: maskNumbers(name), reason: maskNumbers(reason) })),
  };
}

const LABELS = {
  'zh-CN': {
    title: '禁止名单提醒',
    kiosk: '自助终端',
    time: '时间',
    name: '登记姓名',
    entry: '名单条目',
    action: '访客已被请到前台办理，请前台核实身份。',
  },
  en: {
    title: 'Deny list alert',
    kiosk: 'Self-service kiosk',
    time: 'Time',
    name: 'Name given',
    entry: 'Deny-list entry',
    action: 'The visitor was asked to see reception: please check who they are.',
  },
} as const;

export function composeDenyAlert(alert: DenyAlert, language: Language): NotificationMessage {
  const l = LABELS[language];
  const text = [
    language === 'zh-CN' ? `【${l.title}】` : `[${l.title}]`,
    `${l.kiosk}: ${alert.station}`,
    `${l.time}: ${formatTime(alert.at, language)}`,
    `${l.name}: ${alert.visitorName}`,
    ...alert.entries.map((e) => `${l.entry}: ${e.name}${e.reason ? ` — ${e.reason}` : ''}`),
    l.action,
  ].join('\n');
  return { text, mentionMobiles: [], event: { event: 'deny-list.kiosk-hit', at: alert.at, denyListHit: alert, text } };
}
