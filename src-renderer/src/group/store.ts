import { create } from 'zustand';
import type { DocumentType, Host, KioskError, Visit } from '../../../src-preload/contract';
import { call } from '../api';
import { addMinutes, startOfMinute, toLocalInput } from '../lib/datetime';
import { buildRegistration, emptyDraft, validateField, type CapturedPhoto, type FieldError } from '../register/draft';

/** One person of the group: their own details and photo; what became of their registration. */
export interface Member {
  key: number;
  name: string;
  phone: string;
  documentType: DocumentType;
  documentNo: string;
  photo: CapturedPhoto | null;
  errors: Partial<Record<'name' | 'phone' | 'documentNo' | 'photo', FieldError>>;
  /** Set once main recorded the registration: it is never sent again from here. */
  visit?: Visit;
  /** The registration's error (with visitId when it was recorded, e.g. outcome unknown). */
  error?: KioskError;
}

interface Shared {
  host: Host | null;
  begin: string;
  end: string;
  deviceNos: string[] | null;
}

interface GroupState extends Shared {
  members: Member[];
  /** The member whose photo the camera is taking. */
  photoFor: number | null;
  running: boolean;
  sharedError: FieldError | null;
  setShared(change: Partial<Shared>): void;
  addMember(): void;
  removeMember(key: number): void;
  editMember(key: number, change: Partial<Pick<Member, 'name' | 'phone' | 'documentType' | 'documentNo' | 'photo'>>): void;
  setPhotoFor(key: number | null): void;
  registerAll(defaultDeviceNos: string[]): Promise<void>;
  reset(defaultMinutes: number): void;
}

let nextKey = 1;
const blank = (): Member => ({ key: nextKey++, name: '', phone: '', documentType: 'id-card', documentNo: '', photo: null, errors: {} });

function window(minutes: number): Pick<Shared, 'begin' | 'end'> {
  const now = startOfMinute(new Date());
  return { begin: toLocalInput(now), end: toLocalInput(addMinutes(now, minutes)) };
}

/** A member's registration is recorded (done, or left to staff on the Visits page): not sent again. */
export const isSettled = (m: Member) => Boolean(m.visit || m.error?.visitId);

export const useGroupStore = create<GroupState>()((set, get) => ({
  host: null,
  ...window(120),
  deviceNos: null,
  members: [blank(), blank()],
  photoFor: null,
  running: false,
  sharedError: null,

  setShared: (change) => set({ ...change, sharedError: null }),
  addMember: () => set({ members: [...get().members, blank()] }),
  removeMember: (key) => set({ members: get().members.filter((m) => m.key !== key || isSettled(m)) }),
  editMember: (key, change) => set({ members: get().members.map((m) => (m.key === key ? { ...m, ...change, errors: {} } : m)) }),
  setPhotoFor: (key) => set({ photoFor: key }),

  /**
   * Each person is registered on their own (registerVisit: intent, create, push, and its
   * unknown-outcome rules), one after the other, with the host, window and doors kept.
   */
  async registerAll(defaultDeviceNos) {
    const { host, begin, end } = get();
    const deviceNos = get().deviceNos ?? defaultDeviceNos;
    const shared = { ...emptyDraft(), host, begin, end, deviceNos };
    const sharedError = validateField('host', shared) ?? validateField('end', shared) ?? validateField('devices', shared) ?? null;
    if (sharedError) return set({ sharedError });
    set({ running: true, photoFor: null });
    for (const member of get().members) {
      if (isSettled(member)) continue;
      const draft = {
        ...shared,
        name: member.name,
        phone: member.phone,
        documentType: member.documentType,
        documentNo: member.documentNo,
        photo: member.photo,
      };
      const errors: Member['errors'] = {};
      for (const field of ['name', 'phone', 'documentNo', 'photo'] as const) {
        const error = validateField(field, draft);
        if (error) errors[field] = error;
      }
      if (Object.keys(errors).length > 0) {
        update(member.key, { errors, error: undefined });
        continue;
      }
      const result = await call('registerVisit', buildRegistration(draft));
      update(member.key, result.ok ? { visit: result.value, error: undefined } : { error: result.error });
    }
    set({ running: false });

    function update(key: number, change: Partial<Member>) {
      set({ members: get().members.map((m) => (m.key === key ? { ...m, ...change } : m)) });
    }
  },

  reset: (defaultMinutes) => set({ host: null, ...window(defaultMinutes), deviceNos: null, members: [blank(), blank()], photoFor: null, sharedError: null }),
}));
