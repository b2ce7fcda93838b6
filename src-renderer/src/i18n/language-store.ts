import { create } from 'zustand';
import type { Language } from '../../../src-preload/contract';
import { dictionaryOf, loadDictionary } from './dictionaries';

/**
 * The language the screen speaks now. Its own small store, below the features: settings writes
 * the saved language into it (and a switch at once), self-service a visitor's choice for one
 * visit; i18n and every screen read it without depending on either feature.
 */
interface LanguageState {
  language: Language;
}

export const useLanguageStore = create<LanguageState>()(() => ({ language: 'zh-CN' }));

/** The language last asked for (it is shown once its dictionary is here). */
let wanted: Language = 'zh-CN';

/**
 * Shows `language` as soon as its dictionary is here: at once if loaded, else once its chunk has
 * loaded (a moment the first time). Meanwhile the screen stays in the language it was in, never
 * a mix; a later choice wins over a load still under way.
 */
export function showLanguage(language: Language): void {
  wanted = language;
  if (dictionaryOf(language)) {
    useLanguageStore.setState({ language });
    return;
  }
  void loadDictionary(language).then((ok) => {
    if (ok && wanted === language) useLanguageStore.setState({ language });
  });
}

export const currentLanguage = (): Language => useLanguageStore.getState().language;
