import type { FormEvent, ReactNode } from 'react';
import { useT } from '../i18n';
import { useSelfServiceStore } from './store';
import { KIOSK_STEPS, type SelfServiceStep as Step } from './flow';
import { KIOSK_HEADING_ID } from './hooks';
import { SelfServiceErrorMessage } from './SelfServiceErrorMessage';

interface Props {
  step: Step;
  children: ReactNode;
  /** The primary button; default "Next" (validates the screen). */
  primary?: { label: string; disabled?: boolean };
  /** Buttons between "Back" and the primary one (e.g. "I do not agree"). */
  extra?: ReactNode;
  /** A call or a capture is running: the buttons wait. */
  busy?: boolean;
}

/** One step of the self-registration: "step n of 4", its heading, its content, Back / Next. */
export function SelfServiceStep({ step, children, primary, extra, busy }: Props) {
  const t = useT();
  const next = useSelfServiceStore((s) => s.next);
  const back = useSelfServiceStore((s) => s.back);
  const error = useSelfServiceStore((s) => s.error);
  const index = KIOSK_STEPS.indexOf(step);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy && !primary?.disabled) next();
  };

  return (
    <form className="self-service-step" onSubmit={submit} noValidate aria-labelledby={KIOSK_HEADING_ID}>
      <p className="self-service-step-count">{t('selfService.stepOf', { n: index + 1, total: KIOSK_STEPS.length })}</p>
      <ol className="self-service-progress" aria-hidden="true">
        {KIOSK_STEPS.map((s, i) => (
          <li key={s} className={i < index ? 'past' : i === index ? 'current' : ''} />
        ))}
      </ol>
      <h1 id={KIOSK_HEADING_ID} className="self-service-title" tabIndex={-1}>
        {t(`selfService.step.${step}`)}
      </h1>
      {error && <SelfServiceErrorMessage error={error} />}
      <div className="self-service-step-body">{children}</div>
      <div className="self-service-actions">
        <button type="button" className="self-service-button" onClick={back} disabled={busy}>
          {index === 0 ? t('selfService.backToStart') : t('common.back')}
        </button>
        <span className="self-service-actions-gap" />
        {extra}
        <button type="submit" className="self-service-button self-service-button-primary" disabled={busy || primary?.disabled}>
          {primary?.label ?? t('common.next')}
        </button>
      </div>
    </form>
  );
}
