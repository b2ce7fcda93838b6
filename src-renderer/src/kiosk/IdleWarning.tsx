import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

/**
 * "Are you still there?" over the screen while the idle countdown runs. Any touch anywhere (this
 * button included) counts as activity and closes it.
 */
export function IdleWarning({ secondsLeft }: { secondsLeft: number }) {
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus({ preventScroll: true });
  }, []);
  return (
    <div className="kiosk-idle" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-body">
      <div className="kiosk-idle-box">
        <h2 id="kiosk-idle-title" className="kiosk-title">
          {t('kiosk.idle.title')}
        </h2>
        <p id="kiosk-idle-body" className="kiosk-lead">
          {t('kiosk.idle.body', { n: secondsLeft })}
        </p>
        <p className="kiosk-idle-count" aria-hidden="true">
          {secondsLeft}
        </p>
        <button ref={button} type="button" className="kiosk-button kiosk-button-primary">
          {t('kiosk.idle.stay')}
        </button>
      </div>
    </div>
  );
}
