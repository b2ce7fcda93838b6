import { useT } from '../i18n';
import { FORM_STEPS, type StepId } from './draft';

export function StepIndicator({ step }: { step: StepId }) {
  const t = useT();
  const current = FORM_STEPS.indexOf(step);
  return (
    <ol className="step-indicator" aria-label={t('wizard.stepsLabel')}>
      {FORM_STEPS.map((s, i) => (
        <li key={s} className={i === current ? 'current' : i < current ? 'past' : ''} aria-current={i === current ? 'step' : undefined}>
          <span className="step-number" aria-hidden="true">
            {i + 1}
          </span>
          <span className="step-name">{t(`step.${s}`)}</span>
        </li>
      ))}
    </ol>
  );
}
