import { useEffect, type RefObject } from 'react';

/**
 * Keeps `--sticky-header` (on <html>) at the sticky header's height, so the page's scroll padding
 * (sticky.css) keeps whatever gets focus or is scrolled to below it: the header's height changes
 * with the demo banner, the language and a wrapped navigation, which no fixed margin can know.
 */
export function useStickyHeaderHeight(header: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = header.current;
    if (!el) return undefined;
    const root = document.documentElement;
    const apply = () => root.style.setProperty('--sticky-header', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    apply();
    const observer = new ResizeObserver(apply);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--sticky-header');
    };
  }, [header]);
}
