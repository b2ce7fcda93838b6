import type { JSX } from 'react';
import { useT } from '../i18n';
import { useRegistrationStore } from '../stores/registration';
import type { StepId } from '../register/draft';
import { NewRegistrationButton } from '../register/NewRegistrationButton';
import { StepDevices } from '../register/StepDevices';
import { StepHost } from '../register/StepHost';
import { StepIndicator } from '../register/StepIndicator';
import { StepPhoto } from '../register/StepPhoto';
import { StepResult } from '../register/StepResult';
import { StepReview } from '../register/StepReview';
import { StepVisitor } from '../register/StepVisitor';
import { StepWindow } from '../register/StepWindow';
import { useFocusRequests } from '../register/useFocusRequests';

const STEP_VIEWS: Record<StepId, () => JSX.Element> = {
  visitor: StepVisitor,
  host: StepHost,
  window: StepWindow,
  photo: StepPhoto,
  devices: StepDevices,
  review: StepReview,
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
