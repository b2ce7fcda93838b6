import { useRegistrationStore } from './store';
import { fieldId } from './draft';
import { StepFrame } from './StepFrame';
import { VisitorFields } from './VisitorFields';
import { ReturningVisitorOffer } from './ReturningVisitorOffer';

export function StepVisitor() {
  return (
    <StepFrame step="visitor">
      <ReturningVisitorOffer />
      <VisitorFields store={useRegistrationStore} idOf={fieldId} />
    </StepFrame>
  );
}
