import { useCallback } from 'react';
import { useLanguageStore } from './language-store';
import { translate, type MessageKey, type Params, type Translate } from './translate';

export { currentLanguage, showLanguage } from './language-store';
export { describeError, translate, translator } from './translate';
export type { MessageKey, MessageRef, Params, Translate } from './translate';

/** The current language. */
export const useLanguage = () => useLanguageStore((s) => s.language);

/** `const t = useT(); t('common.next')` — re-renders when the language changes. */
export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key: MessageKey, params?: Params) => translate(language, key, params), [language]);
}
