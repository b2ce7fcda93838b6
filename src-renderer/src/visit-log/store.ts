import { create } from 'zustand';
import type { ImportFormat, KioskError, Language, VisitLog, VisitState } from '../../../src-preload/contract';
import { call } from '../api';
import { downloadBase64, localDay } from '../lib/download-file';

export interface LogFilters {
  from: string;
  to: string;
  hostNo: string;
  state: VisitState | '';
  search: string;
}

interface VisitLogState {
  filters: LogFilters;
  log: VisitLog | null;
  loading: boolean;
  error: KioskError | null;
  exportError: KioskError | null;
  exporting: boolean;
  /** Thumbnails fetched from main while it still holds the photo ('' = none any more). */
  photos: Record<string, string>;
  setFilters(change: Partial<LogFilters>): void;
  query(): Promise<void>;
  loadPhoto(visitId: string): Promise<void>;
  exportRange(format: ImportFormat, language: Language, full: boolean): Promise<void>;
}

function lastWeek(): LogFilters {
  const to = new Date();
  const from = new Date(to);
  from.setDate(from.getDate() - 6);
  return { from: localDay(from), to: localDay(to), hostNo: '', state: '', search: '' };
}

let sequence = 0;

export const useVisitLogStore = create<VisitLogState>()((set, get) => ({
  filters: lastWeek(),
  log: null,
  loading: false,
  error: null,
  exportError: null,
  exporting: false,
  photos: {},

  setFilters(change) {
    set({ filters: { ...get().filters, ...change } });
    void get().query();
  },

  async query() {
    const { from, to, hostNo, state, search } = get().filters;
    if (!from || !to) return;
    const mine = ++sequence;
    set({ loading: true });
    const result = await call('queryVisitLog', {
      from,
      to,
      ...(hostNo ? { hostNo } : {}),
      ...(state ? { state } : {}),
      ...(search.trim() ? { search: search.trim() } : {}),
    });
    // An older answer never replaces a newer one.
    if (mine !== sequence) return;
    set(result.ok ? { log: result.value, loading: false, error: null } : { loading: false, error: result.error });
  },

  async loadPhoto(visitId) {
    if (visitId in get().photos) return;
    set({ photos: { ...get().photos, [visitId]: '' } });
    const result = await call('getVisitPhoto', { visitId });
    if (result.ok && result.value) set({ photos: { ...get().photos, [visitId]: result.value } });
  },

  async exportRange(format, language, full) {
    const { from, to } = get().filters;
    set({ exporting: true, exportError: null });
    const result = await call('exportVisitLog', { from, to, format, language, phones: full ? 'full' : 'masked' });
    set({ exporting: false, exportError: result.ok ? null : result.error });
    if (result.ok) downloadBase64(result.value.fileName, result.value.base64, result.value.mime);
  },
}));
