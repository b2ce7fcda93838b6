import { useRegistrationStore } from './store';
import { fieldId } from './draft';
import { StepFrame } from './StepFrame';
import { VisitorFields } from './VisitorFields';

export function StepVisitor() {
  return (
    <StepFrame step="visitor">
      <VisitorFields store={useRegistrationStore} idOf={fieldId} />
    </StepFrame>
  );
}
