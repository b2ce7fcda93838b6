import { StepFrame } from './StepFrame';
import { HostCombobox } from './HostCombobox';

export function StepHost() {
  return (
    <StepFrame step="host">
      <HostCombobox />
    </StepFrame>
  );
}
