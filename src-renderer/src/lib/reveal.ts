/**
 * Scrolls an element (a field at fault, an error) into view between the page's sticky header and
 * a sticky action bar: CSS scroll margins cannot know the header's height (the demo banner, a
 * wrapped navigation), so this measures both. A tall element (a long door list) is shown from its
 * top, or from the top of its `data-reveal-from` wrapper (which holds its error message).
 */
const HEADER = '.header, .self-service-bar';
const ACTION_BAR = '.step-actions, .self-service-actions-sticky';
const GAP = 12;

function stickyBottom(selector: string): number {
  const el = document.querySelector(selector);
  if (!el || getComputedStyle(el).position !== 'sticky') return 0;
  return Math.max(0, el.getBoundingClientRect().bottom);
}

function stickyTop(selector: string): number {
  const bars = Array.from(document.querySelectorAll(selector)).filter((el) => getComputedStyle(el).position === 'sticky');
  return bars.reduce((top, el) => Math.min(top, el.getBoundingClientRect().top), window.innerHeight);
}

export function reveal(target: Element): void {
  const el = target.closest('[data-reveal-from]') ?? target;
  const top = stickyBottom(HEADER) + GAP;
  const bottom = stickyTop(ACTION_BAR) - GAP;
  const box = el.getBoundingClientRect();
  if (box.top >= top && box.bottom <= bottom) return;
  const room = bottom - top;
  // Fits: centred in the free band; too tall: its top just below the header.
  const wanted = box.height <= room ? top + (room - box.height) / 2 : top;
  window.scrollBy({ top: box.top - wanted, behavior: 'instant' });
}
