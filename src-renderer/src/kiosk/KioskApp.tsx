import { useEffect, type JSX } from 'react';
import { useLanguage, useT } from '../i18n';
import { useKioskStore } from '../stores/kiosk';
import { useSettingsStore } from '../stores/settings';
import { AdminExit } from './AdminExit';
import type { KioskScreen } from './flow';
import { useIdleReset, useKioskFocus } from './hooks';
import { IdleWarning } from './IdleWarning';
import { KioskPhoto } from './KioskPhoto';
import { ConsentScreen, DetailsScreen, DoneScreen, FailedScreen, HostScreen, ReceptionScreen, SubmittingScreen, WelcomeScreen } from './screens';
import './kiosk.css';

const SCREENS: Record<KioskScreen, () => JSX.Element> = {
  welcome: WelcomeScreen,
  details: DetailsScreen,
  host: HostScreen,
  consent: ConsentScreen,
  photo: KioskPhoto,
  submitting: SubmittingScreen,
  done: DoneScreen,
  failed: FailedScreen,
  reception: ReceptionScreen,
};

/** Screens that hold what a visitor entered: left alone, they are wiped. */
const WATCHED: ReadonlySet<KioskScreen> = new Set(['details', 'host', 'consent', 'photo', 'failed']);

/**
 * Self-service mode: the whole window is the visitor's registration, and nothing else (no
 * navigation, no lists, no settings). A corner button with the admin PIN is the only way out.
 */
export function KioskApp() {
  const t = useT();
  const language = useLanguage();
  const screen = useKioskStore((s) => s.screen);
  const session = useKioskStore((s) => s.session);
  const adminOpen = useKioskStore((s) => s.adminOpen);
  const wipe = useKioskStore((s) => s.wipe);
  const reset = useKioskStore((s) => s.reset);
  const setLanguage = useKioskStore((s) => s.setLanguage);
  const idleSeconds = useSettingsStore((s) => s.settings?.kioskIdleSeconds ?? 60);

  // Every visitor starts from a clean kiosk (also when kiosk mode was just switched on).
  useEffect(() => {
    wipe();
    return () => reset();
  }, [wipe, reset]);

  useKioskFocus();
  const idle = useIdleReset(WATCHED.has(screen) || adminOpen, idleSeconds, wipe);

  const Screen = SCREENS[screen];
  const other = language === 'zh-CN' ? 'en' : 'zh-CN';

  return (
    <div className="kiosk" data-screen={screen}>
      <header className="kiosk-bar">
        <p className="kiosk-brand">{t('kiosk.label')}</p>
        <button type="button" className="kiosk-button kiosk-lang" lang={other} title={t('lang.buttonTitle')} onClick={() => setLanguage(other)}>
          {t('lang.button')}
        </button>
      </header>
      <main id="main" className="kiosk-main" key={session}>
        <Screen />
      </main>
      <AdminExit />
      {idle.phase === 'warning' && <IdleWarning secondsLeft={idle.secondsLeft} />}
    </div>
  );
}
