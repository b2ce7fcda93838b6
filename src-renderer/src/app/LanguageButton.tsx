import { useT, useLanguage } from '../i18n';
import { useSettingsStore } from '../settings/store';

/** Switches zh-CN ⇄ en at once and saves the choice. */
export function LanguageButton() {
  const t = useT();
  const language = useLanguage();
  const setLanguage = useSettingsStore((s) => s.setLanguage);
  const other = language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" className="button button-header" lang={other} title={t('lang.buttonTitle')} onClick={() => void setLanguage(other)}>
      {t('lang.button')}
    </button>
  );
}
