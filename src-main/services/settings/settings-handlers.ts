import type { ApiHandlers } from '../api-types';
import { AppError } from '../app-error';
import type { ClientProvider } from '../connection/client-provider';
import { testSiteDatabase } from '../visits/pg/site-database-test';
import { connectionFailureOf, findCryptoProfile, testConnectionTrust } from '../connection/connection-test';
import type { SettingsService } from './settings-service';
import { ADMIN_SESSION_MS, AdminSession } from './admin-session';

export interface SettingsHandlerDeps {
  settings: SettingsService;
  clients: ClientProvider;
  /** True while clients point at the demo simulator. */
  isDemo: () => boolean;
  /** Puts the window in or out of kiosk mode (after the setting changed). */
  setSelfServiceMode?: (on: boolean) => void;
  /** Opens DevTools on the app's window (Electron glue); false where there is none. */
  openDevTools?: () => boolean;
  now?: () => number;
  /** Shared with other handlers that want the PIN; made here when not given. */
  session?: AdminSession;
  /**
   * Whether a PIN is an administrator's (identity: the admin PIN or an admin member of staff, who
   * then acts); by default the admin PIN alone.
   */
  isAdminPin?: (pin: string) => boolean;
}

/** What anyone at the desk may change without the admin PIN. */
const DESK_SETTINGS: ReadonlySet<string> = new Set(['language', 'cameraId']);

export { ADMIN_SESSION_MS };

export type SettingsHandlers = Pick<
  ApiHandlers,
  | 'getSettings'
  | 'saveSettings'
  | 'verifyAdminPin'
  | 'setAdminPin'
  | 'testConnection'
  | 'testSiteDatabase'
  | 'findCryptoProfile'
  | 'leaveSelfServiceMode'
  | 'openDevTools'
>;

/**
 * The settings calls. The renderer gates the settings page with verifyAdminPin; main itself
 * refuses to enter kiosk mode while no PIN is set, to leave it through saveSettings while a PIN is
 * set (leaveSelfServiceMode takes it), and to remove the PIN while kiosk mode is on.
 */
export function settingsHandlers(deps: SettingsHandlerDeps): SettingsHandlers {
  const { settings, clients, isDemo, setSelfServiceMode } = deps;
  const session = deps.session ?? new AdminSession(settings, deps.now ?? Date.now);
  const publicSettings = () => settings.publicSettings(isDemo());
  const isAdminPin = deps.isAdminPin ?? ((pin: string) => settings.verifyPin(pin));

  // Once a PIN is set, main itself (not only the settings page) wants it before settings change.
  const openAdminSession = () => session.open();
  const requireAdmin = () => session.require();

  function applySelfService(before: boolean): void {
    const after = settings.values.selfServiceMode;
    if (after !== before) setSelfServiceMode?.(after);
  }

  return {
    async getSettings() {
      return publicSettings();
    },

    async saveSettings(patch) {
      // Anyone at the desk may switch the language or pick the webcam; the rest is the administrator's.
      if (Object.keys(patch).some((key) => !DESK_SETTINGS.has(key))) requireAdmin();
      const before = settings.values.selfServiceMode;
      // Staff sign in with PINs an administrator gives out: the admin PIN comes first.
      if (patch.staffSignIn === true && !settings.hasPin()) {
        throw new AppError('pin-required', 'Set an admin PIN before turning staff sign-in on', 'staffSignIn');
      }
      // Self-service mode is left only with the admin PIN, so there must be one before it is entered.
      if (patch.selfServiceMode === true && !settings.hasPin()) {
        throw new AppError('pin-required', 'Set an admin PIN before turning kiosk mode on', 'selfServiceMode');
      }
      if (patch.selfServiceMode === false && before && settings.hasPin()) {
        throw new AppError('pin-required', 'Leaving kiosk mode needs the admin PIN', 'selfServiceMode');
      }
      settings.save(patch);
      applySelfService(before);
      return publicSettings();
    },

    async verifyAdminPin({ pin }) {
      const ok = isAdminPin(pin);
      if (ok) openAdminSession();
      return ok;
    },

    async setAdminPin({ current, next }) {
      // Kiosk mode stays locked: its PIN can be changed but not removed while it is on.
      if (next === '' && settings.values.selfServiceMode && settings.hasPin()) {
        throw new AppError('pin-required', 'The admin PIN cannot be removed while kiosk mode is on', 'next');
      }
      settings.setPin(current, next);
      openAdminSession();
      return publicSettings();
    },

    async testConnection() {
      const profile = clients.activeProfile();
      try {
        clients.get();
      } catch (error) {
        // Not configured, a secret that cannot be opened, settings the client refuses: a test result.
        return { ok: false, ...connectionFailureOf(error), profile };
      }
      const strict = () => clients.withSignPolicy('strict');
      const unchecked = () => clients.withSignPolicy('off');
      return testConnectionTrust({ strict, unchecked }, settings.values.responseSignPolicy, profile);
    },

    async testSiteDatabase() {
      try {
        // The stored database, in either mode: an administrator tests it before switching to it.
        return await testSiteDatabase(settings.siteDatabaseConnection());
      } catch {
        // The stored URL cannot be opened on this machine (logged by settings): enter it again.
        return { ok: false, failure: 'not-configured' as const };
      }
    },

    async findCryptoProfile() {
      requireAdmin(); // it saves the profile it finds
      return findCryptoProfile(clients);
    },

    async openDevTools() {
      // A packaged app has no other way in: only the administrator, never in kiosk mode.
      if (settings.values.selfServiceMode) throw new AppError('not-allowed', 'DevTools are not available in kiosk mode');
      requireAdmin();
      return deps.openDevTools?.() ?? false;
    },

    async leaveSelfServiceMode({ pin }) {
      if (!isAdminPin(pin)) throw new AppError('wrong-pin', 'Wrong PIN');
      openAdminSession();
      const before = settings.values.selfServiceMode;
      if (before) settings.save({ selfServiceMode: false });
      applySelfService(before);
      return publicSettings();
    },
  };
}
