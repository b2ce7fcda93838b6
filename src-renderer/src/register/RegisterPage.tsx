import type { JSX } from 'react';
import { useT } from '../i18n';
import { useRegistrationStore } from './store';
import type { StepId } from './draft';
import { NewRegistrationButton } from './NewRegistrationButton';
import { StepIndicator } from './StepIndicator';
import { StepPhoto } from './StepPhoto';
import { StepResult } from './StepResult';
import { StepVisit } from './StepVisit';
import { StepVisitor } from './StepVisitor';
import { useFocusRequests } from './useFocusRequests';
import './register.css';

const STEP_VIEWS: Record<StepId, () => JSX.Element> = {
  visitor: StepVisitor,
  photo: StepPhoto,
  visit: StepVisit,
  result: StepResult,
};

/** The registration wizard. Its draft lives in the store, so leaving the page loses nothing. */
export function RegisterPage() {
  const t = useT();
  const step = useRegistrationStore((s) => s.step);
  useFocusRequests();
  const View = STEP_VIEWS[step];
  return (
    <div className="page page-register">
      <div className="page-head">
        <h1 className="page-title">{t('wizard.title')}</h1>
        <NewRegistrationButton />
      </div>
      {step !== 'result' && <StepIndicator step={step} />}
      <div className="card">
        <View key={step} />
      </div>
    </div>
  );
}
