import type { Language } from '../../../src-preload/contract';
import type { VisitRecord } from '../visits/ledger';
import type { GenericEvent, NotificationMessage } from './platforms';

/**
 * The host's message: visitor's name, reason (their company or purpose), host, time and doors. Never
 * the visitor's document number or phone (the record's masked ones are not used either).
 */
export interface ComposeInput {
  visit: VisitRecord;
  event: 'visitor.registered' | 'visitor.first-pass';
  language: Language;
  doorName: (no: string) => string;
  /** The door of a first pass. */
  doorNo?: string;
  at: Date;
  mentionMobiles: string[];
}

const LABELS = {
  'zh-CN': {
    registered: '访客到访',
    passed: '访客已进门',
    visitor: '访客',
    reason: '单位/事由',
    host: '被访人',
    time: '时间',
    doors: '门禁',
    door: '门',
    none: '—',
  },
  en: {
    registered: 'Visitor arrived',
    passed: 'Visitor passed a door',
    visitor: 'Visitor',
    reason: 'Company/reason',
    host: 'Host',
    time: 'Time',
    doors: 'Doors',
    door: 'Door',
    none: '—',
  },
} as const;

export function formatTime(iso: string | Date, language: Language): string {
  return new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

export function composeMessage(input: ComposeInput): NotificationMessage {
  const { visit, language, doorName } = input;
  const l = LABELS[language];
  const doors = visit.devices.map((d) => doorName(d.no));
  const lines =
    input.event === 'visitor.registered'
      ? [
          `【${l.registered}】`,
          `${l.visitor}: ${visit.visitor.name}`,
          `${l.reason}: ${visit.visitor.reason || l.none}`,
          `${l.host}: ${visit.host.name}`,
          `${l.time}: ${formatTime(visit.begin, language)} – ${formatTime(visit.end, language)}`,
          `${l.doors}: ${doors.join(', ') || l.none}`,
        ]
      : [
          `【${l.passed}】`,
          `${l.visitor}: ${visit.visitor.name}`,
          `${l.host}: ${visit.host.name}`,
          `${l.door}: ${input.doorNo ? doorName(input.doorNo) : l.none}`,
          `${l.time}: ${formatTime(input.at, language)}`,
        ];
  const text = lines.join('\n');
  const event: GenericEvent = {
    event: input.event,
    at: input.at.toISOString(),
    visit: {
      id: visit.id,
      visitorName: visit.visitor.name,
      reason: visit.visitor.reason,
      host: { no: visit.host.no, name: visit.host.name, dept: visit.host.dept ?? '' },
      begin: visit.begin,
      end: visit.end,
      doors: input.event === 'visitor.first-pass' && input.doorNo ? [doorName(input.doorNo)] : doors,
      channel: visit.channel,
    },
    text,
  };
  return { text, mentionMobiles: input.mentionMobiles, event };
}

export function testMessage(language: Language, at: Date): NotificationMessage {
  const text =
    language === 'zh-CN'
      ? `【测试】K30 访客登记终端的被访人通知已接通（${formatTime(at, language)}）`
      : `[Test] Host notifications from the K30 visitor kiosk work (${formatTime(at, language)})`;
  return { text, mentionMobiles: [], event: { event: 'test', at: at.toISOString(), text } };
}
