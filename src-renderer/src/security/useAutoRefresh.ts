import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Calls `refresh` every `intervalMs` while the page is visible. A hidden page (another app in
 * front, a minimised window) costs no calls; coming back after the interval refreshes at once.
 */
export function useAutoRefresh(refresh: () => unknown, intervalMs: number): void {
  const latest = useRef(refresh);
  // The newest callback, without restarting the timer when it changes.
  useLayoutEffect(() => {
    latest.current = refresh;
  });
  useEffect(() => {
    let last = Date.now();
    const tick = () => {
      if (document.hidden) return;
      last = Date.now();
      void latest.current();
    };
    const timer = setInterval(tick, intervalMs);
    const onVisibility = () => {
      if (!document.hidden && Date.now() - last >= intervalMs) tick();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
}
