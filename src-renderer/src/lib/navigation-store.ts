import { create } from 'zustand';

/**
 * Pages, addressed by the URL hash (#/register …) so a reload or a test can open one directly.
 * Add a page here and in navigation table (../navigation.tsx).
 */
export const PAGE_IDS = ['register', 'expected', 'group', 'visits', 'log', 'devices', 'security', 'settings'] as const;
export type PageId = (typeof PAGE_IDS)[number];
export const DEFAULT_PAGE: PageId = 'register';

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (PAGE_IDS as readonly string[]).includes(id) ? (id as PageId) : DEFAULT_PAGE;
}

interface NavigationState {
  page: PageId;
  go(page: PageId): void;
  /** Keeps the store in step with the address bar; returns the unsubscribe function. */
  syncWithHash(): () => void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  page: typeof location === 'undefined' ? DEFAULT_PAGE : pageFromHash(location.hash),
  go(page) {
    if (location.hash !== `#/${page}`) location.hash = `#/${page}`;
    set({ page });
  },
  syncWithHash() {
    const onHash = () => set({ page: pageFromHash(location.hash) });
    window.addEventListener('hashchange', onHash);
    onHash();
    return () => window.removeEventListener('hashchange', onHash);
  },
}));
