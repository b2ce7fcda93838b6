import { create } from 'zustand';
import type {
  ConnectionTest,
  KioskError,
  Language,
  ProfileSearch,
  PublicSettings,
  Result,
  SettingsPatch,
  SiteDatabaseTest,
} from '../../../src-preload/contract';
import { call } from '../api';
import { loadDictionary } from '../i18n/dictionaries';
import { showLanguage } from '../i18n/language-store';

interface SettingsState {
  settings: PublicSettings | null;
  loading: boolean;
  loadError: KioskError | null;
  /** Settings page unlocked with the admin PIN in this visit to the page. */
  adminUnlocked: boolean;

  load(): Promise<void>;
  /** From the settingsChanged event (or any call that returns settings). */
  apply(settings: PublicSettings): void;
  save(patch: SettingsPatch): Promise<Result<PublicSettings>>;
  setLanguage(language: Language): Promise<Result<PublicSettings>>;
  verifyPin(pin: string): Promise<Result<boolean>>;
  setAdminPin(current: string | undefined, next: string): Promise<Result<PublicSettings>>;
  testConnection(): Promise<Result<ConnectionTest>>;
  /** Connects to the saved site database (whatever the ledger mode) and reads its schema version. */
  testSiteDatabase(): Promise<Result<SiteDatabaseTest>>;
  findCryptoProfile(): Promise<Result<ProfileSearch>>;
  /** The packaged app's DevTools (main wants the admin session). */
  openDevTools(): Promise<Result<boolean>>;
  lock(): void;
}

/** The settings page is open to whoever is here: no PIN is set, or it was entered. */
export const adminIn = (s: Pick<SettingsState, 'settings' | 'adminUnlocked'>) => !s.settings?.adminPinSet || s.adminUnlocked;

/** Main's admin session ended (or the PIN is wrong): the page asks for the PIN again. */
function lockIfMainWantsThePin(error: KioskError): void {
  if (error.code === 'pin-required' || error.code === 'wrong-pin') useSettingsStore.setState({ adminUnlocked: false });
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  loading: false,
  loadError: null,
  adminUnlocked: false,

  async load() {
    set({ loading: true, loadError: null });
    const result = await call('getSettings');
    // The first screen is drawn once settings are here: in their language, not a moment of zh-CN.
    if (result.ok) await loadDictionary(result.value.language);
    if (result.ok) get().apply(result.value);
    set({ loading: false, loadError: result.ok ? null : result.error });
  },

  apply(settings) {
    // The interface language: the saved one once loaded (the i18n store shows it).
    set({ settings });
    showLanguage(settings.language);
  },

  async save(patch) {
    const result = await call('saveSettings', patch);
    if (result.ok) get().apply(result.value);
    else lockIfMainWantsThePin(result.error);
    return result;
  },

  async setLanguage(language) {
    // Switch at once; the switch stays for this session even if saving fails.
    showLanguage(language);
    const result = await call('saveSettings', { language });
    if (result.ok) get().apply(result.value);
    return result;
  },

  async verifyPin(pin) {
    const result = await call('verifyAdminPin', { pin });
    if (result.ok && result.value) set({ adminUnlocked: true });
    return result;
  },

  async setAdminPin(current, next) {
    // Whoever sets the PIN from the open settings page is already in, and knows the new PIN: the
    // page stays unlocked. Unlocked before the call, because main announces the new settings
    // (settingsChanged, adminPinSet: true) before the call answers, and the page must not lock
    // (and lose its state) in between.
    const wasUnlocked = get().adminUnlocked;
    if (adminIn(get())) set({ adminUnlocked: true });
    const result = await call('setAdminPin', current ? { current, next } : { next });
    if (result.ok) get().apply(result.value);
    else set({ adminUnlocked: wasUnlocked });
    return result;
  },

  testConnection: () => call('testConnection'),
  testSiteDatabase: () => call('testSiteDatabase'),
  async findCryptoProfile() {
    const result = await call('findCryptoProfile');
    if (!result.ok) lockIfMainWantsThePin(result.error);
    return result;
  },

  async openDevTools() {
    const result = await call('openDevTools');
    if (!result.ok) lockIfMainWantsThePin(result.error);
    return result;
  },

  lock() {
    set({ adminUnlocked: false });
  },
}));
