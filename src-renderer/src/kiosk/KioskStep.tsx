import type { FormEvent, ReactNode } from 'react';
import { useT } from '../i18n';
import { useKioskStore } from '../stores/kiosk';
import { KIOSK_STEPS, type KioskStep as Step } from './flow';
import { KIOSK_HEADING_ID } from './hooks';
import { KioskErrorMessage } from './KioskErrorMessage';

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
export function KioskStep({ step, children, primary, extra, busy }: Props) {
  const t = useT();
  const next = useKioskStore((s) => s.next);
  const back = useKioskStore((s) => s.back);
  const error = useKioskStore((s) => s.error);
  const index = KIOSK_STEPS.indexOf(step);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy && !primary?.disabled) next();
  };

  return (
    <form className="kiosk-step" onSubmit={submit} noValidate aria-labelledby={KIOSK_HEADING_ID}>
      <p className="kiosk-step-count">{t('kiosk.stepOf', { n: index + 1, total: KIOSK_STEPS.length })}</p>
      <ol className="kiosk-progress" aria-hidden="true">
        {KIOSK_STEPS.map((s, i) => (
          <li key={s} className={i < index ? 'past' : i === index ? 'current' : ''} />
        ))}
      </ol>
      <h1 id={KIOSK_HEADING_ID} className="kiosk-title" tabIndex={-1}>
        {t(`kiosk.step.${step}`)}
      </h1>
      {error && <KioskErrorMessage error={error} />}
      <div className="kiosk-step-body">{children}</div>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-button" onClick={back} disabled={busy}>
          {index === 0 ? t('kiosk.backToStart') : t('common.back')}
        </button>
        <span className="kiosk-actions-gap" />
        {extra}
        <button type="submit" className="kiosk-button kiosk-button-primary" disabled={busy || primary?.disabled}>
          {primary?.label ?? t('common.next')}
        </button>
      </div>
    </form>
  );
}
