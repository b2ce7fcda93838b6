import { useT } from '../i18n';
import { useRegistrationStore } from './store';
import { StepFrame } from './StepFrame';
import { DuplicateWarning } from './DuplicateWarning';
import { DenyAlert } from './DenyAlert';
import { WindowFields } from './WindowFields';
import { DoorsPicker } from './DoorsPicker';
import { ReviewSummary } from './ReviewSummary';

/**
 * The last step: when (the window follows "now"), which doors, and the review of the earlier steps,
 * submitted from here. A refusal (duplicate, deny list) comes back here, above everything.
 */
export function StepVisit() {
  const t = useT();
  const submit = useRegistrationStore((s) => s.submit);
  return (
    <StepFrame step="visit" onSubmit={() => void submit()} submitLabel={t('wizard.submit')}>
      <DuplicateWarning />
      <DenyAlert />
      <WindowFields />
      <DoorsPicker />
      <ReviewSummary />
    </StepFrame>
  );
}
