import { useT } from '../i18n';
import { useSettingsStore } from './store';

/**
 * Never hidden while it applies: registration paused for want of an app secret, or the explicit
 * (insecure) choice to sign with the company number.
 */
export function SigningBanner({ onSettingsPage }: { onSettingsPage: boolean }) {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  if (!settings) return null;
  if (settings.registrationPaused) {
    return (
      <p className="alert alert-error" role="alert" data-testid="registration-paused">
        {t('app.registrationPaused')} {!onSettingsPage && <a href="#/settings">{t('nav.settings')}</a>}
      </p>
    );
  }
  if (settings.secretSource === 'company-number' && settings.configured) {
    return (
      <p className="alert alert-warning" role="alert" data-testid="company-number-secret">
        {t('app.companyNoAsSecret')} {!onSettingsPage && <a href="#/settings">{t('nav.settings')}</a>}
      </p>
    );
  }
  return null;
}
