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
    <div className="self-service-idle" role="alertdialog" aria-modal="true" aria-labelledby="self-service-idle-title" aria-describedby="self-service-idle-body">
      <div className="self-service-idle-box">
        <h2 id="self-service-idle-title" className="self-service-title">
          {t('selfService.idle.title')}
        </h2>
        <p id="self-service-idle-body" className="self-service-lead">
          {t('selfService.idle.body', { n: secondsLeft })}
        </p>
        <p className="self-service-idle-count" aria-hidden="true">
          {secondsLeft}
        </p>
        <button ref={button} type="button" className="self-service-button self-service-button-primary">
          {t('selfService.idle.stay')}
        </button>
      </div>
    </div>
  );
}
