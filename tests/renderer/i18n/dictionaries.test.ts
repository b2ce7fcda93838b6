/**
 * English is loaded lazily (its own chunk): until then the screen stays in zh-CN, never a mix;
 * once loaded, the language asked for is the one shown; settings wait for their dictionary before
 * the first screen is drawn. Fresh modules per test (the vitest setup registers English up front;
 * these tests start without it).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules();
  (globalThis as { kiosk?: unknown }).kiosk = undefined;
});

async function freshI18n() {
  const dictionaries = await import('../../../src-renderer/src/i18n/dictionaries');
  const { translate } = await import('../../../src-renderer/src/i18n/translate');
  const { currentLanguage, showLanguage } = await import('../../../src-renderer/src/i18n/language-store');
  return { ...dictionaries, translate, currentLanguage, showLanguage };
}

describe('lazily loaded dictionaries', () => {
  it('has only zh-CN at start and falls back to it; English after loading its chunk', async () => {
    const { dictionaryOf, loadDictionary, translate } = await freshI18n();
    expect(dictionaryOf('en')).toBeUndefined();
    expect(translate('en', 'nav.register')).toBe(translate('zh-CN', 'nav.register'));
    expect(await loadDictionary('en')).toBe(true);
    expect(translate('en', 'nav.register')).toBe('Register');
  });

  it('shows the chosen language only once its dictionary is here', async () => {
    const { dictionaryOf, currentLanguage, showLanguage } = await freshI18n();
    showLanguage('en');
    expect(currentLanguage()).toBe('zh-CN'); // still loading: the screen stays Chinese
    await vi.waitFor(() => expect(dictionaryOf('en')).toBeDefined());
    await vi.waitFor(() => expect(currentLanguage()).toBe('en'));
    showLanguage('zh-CN');
    expect(currentLanguage()).toBe('zh-CN'); // a loaded dictionary switches at once
  });

  it('a later choice wins over a load still under way', async () => {
    const { dictionaryOf, currentLanguage, showLanguage } = await freshI18n();
    showLanguage('en');
    showLanguage('zh-CN');
    await vi.waitFor(() => expect(dictionaryOf('en')).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(currentLanguage()).toBe('zh-CN');
  });

  it('settings saved in English: the screen is English as soon as settings are applied', async () => {
    const { currentLanguage } = await freshI18n();
    const { useSettingsStore } = await import('../../../src-renderer/src/settings/store');
    (globalThis as { kiosk?: unknown }).kiosk = { getSettings: () => Promise.resolve({ ok: true, value: { language: 'en' } }) };
    await useSettingsStore.getState().load();
    expect(currentLanguage()).toBe('en');
  });

  it('the English chunk fails to load: the screen stays Chinese, and a later choice tries again', async () => {
    vi.doMock('../../../src-renderer/src/i18n/en', () => {
      throw new Error('chunk missing');
    });
    const { dictionaryOf, loadDictionary, currentLanguage, showLanguage } = await freshI18n();
    expect(await loadDictionary('en')).toBe(false);
    showLanguage('en');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(currentLanguage()).toBe('zh-CN');
    expect(dictionaryOf('en')).toBeUndefined();
    vi.doUnmock('../../../src-renderer/src/i18n/en');
    showLanguage('en');
    await vi.waitFor(() => expect(currentLanguage()).toBe('en'));
  });
});
