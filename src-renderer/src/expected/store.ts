import { create } from 'zustand';
import type { ExpectedVisit, ExpectedVisitInput, ImportFormat, ImportResult, KioskError, Language, Visit } from '../../../src-preload/contract';
import { call } from '../api';
import { downloadBase64, fileToBase64 } from '../lib/download-file';

interface ExpectedState {
  visits: ExpectedVisit[];
  loading: boolean;
  error: KioskError | null;
  /** The expected visit being checked in (its panel is open). */
  checkingIn: string | null;
  checkInBusy: boolean;
  checkInError: KioskError | null;
  /** The last check-in's visit, for the confirmation line. */
  checkedIn: { name: string; visit: Visit } | null;
  importing: boolean;
  importResult: ImportResult | null;
  importError: KioskError | null;
  load(): Promise<void>;
  create(input: ExpectedVisitInput): Promise<KioskError | null>;
  cancel(id: string): Promise<void>;
  openCheckIn(id: string | null): void;
  checkIn(input: { expectedId: string; photo: string; phone?: string; documentNo?: string }): Promise<boolean>;
  importFile(file: File): Promise<void>;
  downloadTemplate(format: ImportFormat, language: Language): Promise<void>;
}

export const formatOf = (file: File): ImportFormat => (/\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv');

export const useExpectedStore = create<ExpectedState>()((set, get) => ({
  visits: [],
  loading: false,
  error: null,
  checkingIn: null,
  checkInBusy: false,
  checkInError: null,
  checkedIn: null,
  importing: false,
  importResult: null,
  importError: null,

  async load() {
    set({ loading: true });
    const result = await call('listExpectedVisits');
    set(result.ok ? { visits: result.value, loading: false, error: null } : { loading: false, error: result.error });
  },

  async create(input) {
    const result = await call('createExpectedVisit', input);
    if (!result.ok) return result.error;
    await get().load();
    return null;
  },

  async cancel(id) {
    const result = await call('cancelExpectedVisit', { expectedId: id });
    set({ error: result.ok ? null : result.error });
    await get().load();
  },

  openCheckIn(id) {
    set({ checkingIn: id, checkInError: null });
  },

  async checkIn(input) {
    set({ checkInBusy: true, checkInError: null });
    const name = get().visits.find((v) => v.id === input.expectedId)?.visitor.name ?? '';
    const result = await call('checkInExpectedVisit', input);
    set(result.ok ? { checkInBusy: false, checkingIn: null, checkedIn: { name, visit: result.value } } : { checkInBusy: false, checkInError: result.error });
    await get().load();
    return result.ok;
  },

  async importFile(file) {
    set({ importing: true, importResult: null, importError: null });
    const result = await call('importExpectedVisits', { format: formatOf(file), base64: await fileToBase64(file) });
    set(result.ok ? { importing: false, importResult: result.value } : { importing: false, importError: result.error });
    if (result.ok && result.value.imported > 0) await get().load();
  },

  async downloadTemplate(format, language) {
    const result = await call('getExpectedImportTemplate', { format, language });
    if (result.ok) downloadBase64(result.value.fileName, result.value.base64, result.value.mime);
    else set({ importError: result.error });
  },
}));

/** Does the visit's window touch today (local)? */
export function isToday(visit: Pick<ExpectedVisit, 'begin' | 'end'>, now = new Date()): boolean {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return Date.parse(visit.begin) < end.getTime() && Date.parse(visit.end) >= start.getTime();
}
