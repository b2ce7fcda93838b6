import type { Visit } from '../../../src-preload/contract';
import { VisitStateSchema } from '../../../src-preload/contract';
import { useLanguage, useT, type MessageKey } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import { historyDetail } from './history-detail';

/** History events (besides state names) that main records (src-main/services: note(...)). */
const EVENT_KEYS: Record<string, MessageKey> = {
  'device-confirmed': 'history.device-confirmed',
  'device-failed': 'history.device-failed',
  passed: 'history.passed',
  'push-failed': 'history.push-failed',
  'removal-failed': 'history.removal-failed',
  'removal-rescheduled': 'history.removal-rescheduled',
  'deny-list-override': 'history.deny-list-override',
  'photo-retake': 'history.photo-retake',
};

/** The visit's state changes, oldest first, translated; doors by name (see history-detail.ts). */
export function VisitHistory({ visit, doorName }: { visit: Visit; doorName: (no: string) => string }) {
  const t = useT();
  const language = useLanguage();
  if (!visit.history.length) return <p className="muted">{t('visit.noHistory')}</p>;
  return (
    <ol className="history">
      {visit.history.map((entry, i) => {
        const state = VisitStateSchema.safeParse(entry.event);
        return (
          <li key={`${entry.at}-${i}`} className="history-entry">
            <time dateTime={entry.at} className="history-time">
              {formatDateTime(entry.at, language)}
            </time>
            <span className="history-event">
              {state.success ? t(`state.${state.data}`) : EVENT_KEYS[entry.event] ? t(EVENT_KEYS[entry.event]) : entry.event}
            </span>
            {entry.detail && <span className="muted history-detail">{historyDetail(entry.event, entry.detail, t, doorName)}</span>}
          </li>
        );
      })}
    </ol>
  );
}
