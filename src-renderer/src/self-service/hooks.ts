import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useSelfServiceStore, type SelfServiceFocus } from './store';
import { fieldId } from '../register/draft';
import { reveal } from '../lib/reveal';
import { ACTIVITY_EVENTS, createIdleTimer, type IdlePhase, type IdleTimer } from './idle';
import { IDLE_WARNING_SECONDS } from './flow';

export const KIOSK_HEADING_ID = 'self-service-heading';

/** The DOM id of a field on the kiosk's screens (the host box is the shared search box). */
export const selfServiceFieldId = (field: SelfServiceFocus) =>
  field === 'heading' ? KIOSK_HEADING_ID : field === 'consent' ? 'self-service-consent-data' : field === 'host' ? fieldId('host') : `self-service-${field}`;

/** Moves focus where the kiosk store asks (a screen's heading, a field at fault). */
export function useSelfServiceFocus(): void {
  const request = useSelfServiceStore((s) => s.focusRequest);
  const handled = useRef(0);
  useEffect(() => {
    if (!request || request.seq === handled.current) return undefined;
    handled.current = request.seq;
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(selfServiceFieldId(request.target)) ?? document.getElementById(KIOSK_HEADING_ID);
      el?.focus({ preventScroll: true });
      if (el && request.target !== 'heading') reveal(el);
    });
    return () => cancelAnimationFrame(frame);
  });
}

/**
 * Watches for idleness while `enabled`: the phase to show ("are you still there?" with its
 * seconds), and `onExpire` when the countdown runs out. Any touch, click or key is activity.
 */
export function useIdleReset(enabled: boolean, idleSeconds: number, onExpire: () => void): IdlePhase {
  const [phase, setPhase] = useState<IdlePhase>({ phase: 'stopped' });
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const timer = useRef<IdleTimer | null>(null);
  const idleMs = Math.max(1, idleSeconds) * 1000;

  useEffect(() => {
    const t = createIdleTimer({ idleMs, warnSeconds: IDLE_WARNING_SECONDS, onChange: setPhase, onExpire: () => expire.current() });
    timer.current = t;
    const onActivity = () => t.activity();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      t.stop();
      timer.current = null;
    };
    // Made once; the idle time and `enabled` are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    timer.current?.setIdleMs(idleMs);
  }, [idleMs]);

  useEffect(() => {
    if (enabled) timer.current?.start();
    else timer.current?.stop();
  }, [enabled]);

  return phase;
}

/** Counts `seconds` down once a second, then calls `onDone` (e.g. back to the welcome screen). */
export function useAutoReturn(seconds: number, onDone: () => void): number {
  const [left, setLeft] = useState(seconds);
  const done = useRef(onDone);
  useLayoutEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    if (left <= 0) {
      done.current();
      return undefined;
    }
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return left;
}
