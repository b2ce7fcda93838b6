import { useEffect, type JSX } from 'react';
import { useLanguage, useT } from '../i18n';
import { useSelfServiceStore } from './store';
import { useSettingsStore } from '../settings/store';
import { AdminExit } from './AdminExit';
import type { SelfServiceScreen } from './flow';
import { useIdleReset, useSelfServiceFocus } from './hooks';
import { IdleWarning } from './IdleWarning';
import { SelfServicePhoto } from './SelfServicePhoto';
import { LeaveScreen, LeftScreen } from './LeaveScreen';
import { ConsentScreen } from './ConsentScreen';
import { DetailsScreen, DoneScreen, FailedScreen, HostScreen, ReceptionScreen, SubmittingScreen, WelcomeScreen } from './screens';
import './self-service.css';
import './self-service-steps.css';
import './kiosk-layout.css';

const SCREENS: Record<SelfServiceScreen, () => JSX.Element> = {
  welcome: WelcomeScreen,
  details: DetailsScreen,
  host: HostScreen,
  consent: ConsentScreen,
  photo: SelfServicePhoto,
  submitting: SubmittingScreen,
  done: DoneScreen,
  failed: FailedScreen,
  reception: ReceptionScreen,
  leave: LeaveScreen,
  left: LeftScreen,
};

/** Screens that hold what a visitor entered: left alone, they are wiped. */
const WATCHED: ReadonlySet<SelfServiceScreen> = new Set(['details', 'host', 'consent', 'photo', 'failed', 'leave']);

/**
 * Self-service mode: the whole window is the visitor's registration, and nothing else (no
 * navigation, no lists, no settings). A corner button with the admin PIN is the only way out.
 */
export function SelfServiceApp() {
  const t = useT();
  const language = useLanguage();
  const screen = useSelfServiceStore((s) => s.screen);
  const session = useSelfServiceStore((s) => s.session);
  const adminOpen = useSelfServiceStore((s) => s.adminOpen);
  const wipe = useSelfServiceStore((s) => s.wipe);
  const reset = useSelfServiceStore((s) => s.reset);
  const setLanguage = useSelfServiceStore((s) => s.setLanguage);
  const idleSeconds = useSettingsStore((s) => s.settings?.selfServiceIdleSeconds ?? 60);

  // Every visitor starts from a clean kiosk (also when kiosk mode was just switched on).
  useEffect(() => {
    wipe();
    return () => reset();
  }, [wipe, reset]);

  useSelfServiceFocus();
  const idle = useIdleReset(WATCHED.has(screen) || adminOpen, idleSeconds, wipe);

  const Screen = SCREENS[screen];
  const other = language === 'zh-CN' ? 'en' : 'zh-CN';

  return (
    <div className="self-service" data-screen={screen}>
      <header className="self-service-bar">
        <p className="self-service-brand">{t('selfService.label')}</p>
        <button type="button" className="self-service-button self-service-lang" lang={other} title={t('lang.buttonTitle')} onClick={() => setLanguage(other)}>
          {t('lang.button')}
        </button>
      </header>
      <main id="main" className="self-service-main" key={session}>
        <Screen />
      </main>
      <AdminExit />
      {idle.phase === 'warning' && <IdleWarning secondsLeft={idle.secondsLeft} />}
    </div>
  );
}
