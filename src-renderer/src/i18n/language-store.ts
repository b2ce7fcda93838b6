import { create } from 'zustand';
import type { Language } from '../../../src-preload/contract';

/**
 * The language the screen speaks now. Its own small store, below the features: settings writes
 * the saved language into it (and a switch at once), self-service a visitor's choice for one
 * visit; i18n and every screen read it without depending on either feature.
 */
interface LanguageState {
  language: Language;
}

export const useLanguageStore = create<LanguageState>()(() => ({ language: 'zh-CN' }));

export function showLanguage(language: Language): void {
  useLanguageStore.setState({ language });
}

export const currentLanguage = (): Language => useLanguageStore.getState().language;
