import type { HostNotification } from '../../../src-preload/contract';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';

/** "Host notified 10:02", "Notifying the host", or "Notification failed: why". */
export function HostNotificationInfo({ notification }: { notification: HostNotification }) {
  const t = useT();
  const language = useLanguage();
  const text =
    notification.state === 'sent'
      ? t('notify.state.sent', { time: notification.at ? formatDateTime(notification.at, language) : '' })
      : notification.state === 'failed'
        ? t('notify.state.failed', { reason: t(`notify.failure.${notification.reason ?? 'unreachable'}`) })
        : t('notify.state.pending');
  return (
    <span data-testid="host-notification" data-state={notification.state}>
      {text}
    </span>
  );
}
