import type { FormEvent, ReactNode } from 'react';
import { useT } from '../i18n';
import { useRegistrationStore } from './store';
import { ErrorAlert } from '../components/ErrorAlert';
import { FORM_STEPS, type StepId } from './draft';

interface Props {
  step: StepId;
  children: ReactNode;
  /** Default: "Next" (validates this step). */
  onSubmit?: () => void;
  submitLabel?: string;
  busy?: boolean;
}

export const WIZARD_HEADING_ID = 'wizard-heading';
export const WIZARD_ALERT_ID = 'wizard-alert';

/** One wizard step: its heading, the alert for a failed call, its fields, and Back / Next. */
export function StepFrame({ step, children, onSubmit, submitLabel, busy }: Props) {
  const t = useT();
  const next = useRegistrationStore((s) => s.next);
  const back = useRegistrationStore((s) => s.back);
  const error = useRegistrationStore((s) => s.error);
  const dismissError = useRegistrationStore((s) => s.dismissError);
  const returnToReview = useRegistrationStore((s) => s.returnToReview);
  const index = FORM_STEPS.indexOf(step);

  const handleSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    (onSubmit ?? next)();
  };

  return (
    <form className="step" onSubmit={handleSubmit} noValidate aria-labelledby={WIZARD_HEADING_ID}>
      <p className="step-count">{t('wizard.stepOf', { n: index + 1, total: FORM_STEPS.length })}</p>
      <h2 id={WIZARD_HEADING_ID} className="step-title" tabIndex={-1}>
        {t(`step.${step}`)}
      </h2>
      <ErrorAlert id={WIZARD_ALERT_ID} error={error} onDismiss={dismissError} />
      <div className="step-body">{children}</div>
      <div className="step-actions">
        {index > 0 && (
          <button type="button" className="button button-large" onClick={back}>
            {t('common.back')}
          </button>
        )}
        <button type="submit" className="button button-primary button-large" disabled={busy}>
          {busy ? t('common.working') : (submitLabel ?? (returnToReview ? t('wizard.backToReview') : t('common.next')))}
        </button>
      </div>
    </form>
  );
}
