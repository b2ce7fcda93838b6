import type { ApiHandlers } from '../api-types';
import type { AdminSession } from '../settings/admin-session';
import type { HostNotifier } from './host-notifier';
import type { NotificationSettingsStore } from './notification-settings';

export type NotificationHandlers = Pick<ApiHandlers, 'getNotificationSettings' | 'saveNotificationSettings' | 'testNotification'>;

/**
 * The host-notification calls. Reading shows no address or secret; changing them and sending a
 * test message are the administrator's (admin PIN session). A kiosk gets none of them (the
 * self-service guard), only getSettings' hostNotificationConfigured.
 */
export function notificationHandlers(deps: { store: NotificationSettingsStore; notifier: HostNotifier; session: AdminSession }): NotificationHandlers {
  const { store, notifier, session } = deps;
  return {
    getNotificationSettings: async () => store.view(),
    async saveNotificationSettings(patch) {
      session.require();
      return store.save(patch);
    },
    async testNotification({ channelId }) {
      session.require();
      return notifier.test(channelId);
    },
  };
}
