import { useEffect } from 'react';
import { useRegistrationStore } from './store';
import { fieldId } from './draft';
import { reveal } from '../lib/reveal';
import { WIZARD_ALERT_ID, WIZARD_HEADING_ID } from './StepFrame';

let handledSeq = 0;

/** Moves focus where the registration store asks (a step's heading, the alert, a field at fault). */
export function useFocusRequests(): void {
  const request = useRegistrationStore((s) => s.focusRequest);
  useEffect(() => {
    if (!request || request.seq === handledSeq) return;
    handledSeq = request.seq;
    const id = request.target === 'heading' ? WIZARD_HEADING_ID : request.target === 'alert' ? WIZARD_ALERT_ID : fieldId(request.target);
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(id) ?? document.getElementById(WIZARD_ALERT_ID) ?? document.getElementById(WIZARD_HEADING_ID);
      el?.focus({ preventScroll: true });
      if (el) reveal(el);
    });
    return () => cancelAnimationFrame(frame);
  }, [request]);
}
