import { create } from 'zustand';
import { normaliseDocumentInput, phoneIssue, type KioskReturning } from '../../../src-preload/contract';
import { call } from '../api';
import type { Draft } from '../register/draft';

interface KioskReturningState {
  /** The visitor's own remembered name and last host (main answers nothing more). */
  offer: KioskReturning | null;
  lastKey: string;
  lookup(draft: Draft): Promise<void>;
  /** Used: the offer goes, and the same numbers are not asked again. */
  used(): void;
  clear(): void;
}

/** What the kiosk may ask: the full phone as typed and the last 4 characters of the document. */
export function kioskLookupOf(draft: Draft): { phone: string; documentTail: string } | undefined {
  const documentNo = normaliseDocumentInput(draft.documentType, draft.documentNo).replace(/[\s-]/g, '');
  if (phoneIssue(draft.phone, draft.documentType, draft.internationalPhone) || documentNo.length < 4) return undefined;
  return { phone: draft.phone.trim(), documentTail: documentNo.slice(-4) };
}

/** The kiosk's "welcome back": only after the visitor typed their own full phone and document. */
export const useKioskReturningStore = create<KioskReturningState>()((set, get) => ({
  offer: null,
  lastKey: '',

  async lookup(draft) {
    const query = kioskLookupOf(draft);
    const key = query ? `${query.phone}|${query.documentTail}` : '';
    if (key === get().lastKey) return;
    set({ lastKey: key, offer: null });
    if (!query) return;
    const result = await call('findMyProfile', query);
    if (get().lastKey === key) set({ offer: result.ok ? result.value : null });
  },

  used() {
    set({ offer: null });
  },

  clear() {
    set({ offer: null, lastKey: '' });
  },
}));
