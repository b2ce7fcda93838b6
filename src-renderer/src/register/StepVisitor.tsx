import { useRegistrationStore } from './store';
import { fieldId } from './draft';
import { StepFrame } from './StepFrame';
import { VisitorFields } from './VisitorFields';
import { ReturningVisitorOffer } from './ReturningVisitorOffer';
import { HostCombobox } from './HostCombobox';

/** The first step: who the visitor is and whom they came to see, typed on one page. */
export function StepVisitor() {
  return (
    <StepFrame step="visitor">
      <ReturningVisitorOffer />
      <VisitorFields store={useRegistrationStore} idOf={fieldId} />
      <div className="visitor-host">
        <HostCombobox />
      </div>
    </StepFrame>
  );
}
