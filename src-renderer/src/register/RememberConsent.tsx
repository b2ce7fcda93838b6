import { useT } from '../i18n';
import { useSettingsStore } from '../settings/store';
import { useRegistrationStore } from './store';
import './returning.css';

/**
 * The visitor's own, separate consent to be remembered for next time, and separately to keep the
 * photo. Not offered when the administrator keeps no profiles (retention 0).
 */
export function RememberConsent() {
  const t = useT();
  const remember = useRegistrationStore((s) => s.draft.remember);
  const rememberPhoto = useRegistrationStore((s) => s.draft.rememberPhoto);
  const setRemember = useRegistrationStore((s) => s.setRemember);
  const days = useSettingsStore((s) => s.settings?.profileRetentionDays ?? 0);
  const photoDays = useSettingsStore((s) => s.settings?.profilePhotoDays ?? 0);
  if (days <= 0) return null;
  return (
    <div className="remember-consent">
      <label className="check-field" htmlFor="reg-remember">
        <input id="reg-remember" type="checkbox" className="checkbox" checked={remember} onChange={(e) => setRemember({ remember: e.target.checked })} />
        {t('returning.remember', { days })}
      </label>
      {remember && photoDays > 0 && (
        <label className="check-field" htmlFor="reg-remember-photo">
          <input
            id="reg-remember-photo"
            type="checkbox"
            className="checkbox"
            checked={rememberPhoto}
            onChange={(e) => setRemember({ rememberPhoto: e.target.checked })}
          />
          {t('returning.rememberPhoto', { days: photoDays })}
        </label>
      )}
    </div>
  );
}
