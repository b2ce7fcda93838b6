import { useEffect } from 'react';
import { useT } from '../i18n';
import { useSettingsStore } from '../settings/store';
import { useActingStore } from './acting-store';

/** The header's station name and, when someone signed in, who acts (with sign-in / sign-out). */
export function ActingBadge() {
  const t = useT();
  const stationName = useSettingsStore((s) => s.settings?.stationName ?? '');
  const staffSignIn = useSettingsStore((s) => s.settings?.staffSignIn ?? false);
  const acting = useActingStore((s) => s.acting);
  const load = useActingStore((s) => s.load);
  const ask = useActingStore((s) => s.ask);
  const signOut = useActingStore((s) => s.signOut);

  useEffect(() => {
    void load();
  }, [load, stationName, staffSignIn]);

  const station = stationName || acting?.station || '';
  const staff = acting?.staff;
  return (
    <div className="acting" data-testid="acting">
      {station && <span className="acting-station">{t('acting.station', { name: station })}</span>}
      {staff && (
        <span className="acting-staff" data-testid="acting-staff">
          {t('acting.staff', { name: staff.name || t('staff.builtInAdmin'), role: t(`role.${staff.role}`) })}
        </span>
      )}
      {staff ? (
        <button type="button" className="button button-quiet button-small" onClick={() => void signOut()}>
          {t('acting.signOut')}
        </button>
      ) : (
        staffSignIn && (
          <button type="button" className="button button-quiet button-small" onClick={() => void ask('signInStaff')}>
            {t('acting.signIn')}
          </button>
        )
      )}
    </div>
  );
}
