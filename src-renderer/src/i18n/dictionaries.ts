/**
 * Which dictionaries are here. zh-CN (the default) is built into the first screen's chunk; every
 * other language is its own chunk, loaded the first time it is chosen, so start-up carries one
 * language only. No React, no store.
 */
import type { Language } from '../../../src-preload/contract';
import { zhCN, type Messages } from './zh-CN';

const loaded: Partial<Record<Language, Messages>> = { 'zh-CN': zhCN };

const loaders: Record<Exclude<Language, 'zh-CN'>, () => Promise<Messages>> = {
  en: () => import('./en').then((m) => m.en),
};

export const dictionaryOf = (language: Language): Messages | undefined => loaded[language];

/** Registers a dictionary already at hand (tests and Node tools import it directly). */
export function addDictionary(language: Language, messages: Messages): void {
  loaded[language] = messages;
}

/** Loads a language's dictionary once; false if its chunk could not be loaded (zh-CN stays usable). */
export async function loadDictionary(language: Language): Promise<boolean> {
  if (loaded[language]) return true;
  if (language === 'zh-CN') return true;
  try {
    loaded[language] = await loaders[language]();
    return true;
  } catch {
    return false;
  }
}
