import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { StaffRoleSchema, type StaffMember, type StaffRole } from '../../../src-preload/contract';
import type { KeyValueStore } from '../ports';
import { parsePinHash, pinMatches } from '../settings/pin-hash';
import { STAFF_KEY } from '../settings/settings-schema';

/** A member of staff as stored: the PIN only as its salted scrypt hash. */
export interface StoredStaff {
  id: string;
  name: string;
  role: StaffRole;
  pinHash: string;
}

const StoredStaffSchema = z.object({ id: z.string().min(1).max(64), name: z.string().max(80), role: StaffRoleSchema, pinHash: z.string() });

/** The id under which the admin PIN of Settings acts: the first administrator. */
export const BUILT_IN_ADMIN_ID = 'admin';

/**
 * The staff members, kept in the settings store (owner-only file, like the admin PIN's hash).
 * Read tolerantly: an entry that does not parse is left out (and can never sign in).
 */
export class StaffDirectory {
  constructor(private readonly store: KeyValueStore) {}

  all(): StoredStaff[] {
    const raw = this.store.get(STAFF_KEY);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item) => {
      const parsed = StoredStaffSchema.safeParse(item);
      return parsed.success && parsed.data.id !== BUILT_IN_ADMIN_ID ? [parsed.data] : [];
    });
  }

  add(member: Omit<StoredStaff, 'id'>): StoredStaff {
    const stored = { id: randomUUID(), ...member };
    this.store.set(STAFF_KEY, [...this.all(), stored]);
    return stored;
  }

  remove(id: string): boolean {
    const before = this.all();
    const after = before.filter((m) => m.id !== id);
    if (after.length === before.length) return false;
    this.store.set(STAFF_KEY, after);
    return true;
  }

  /** The member whose PIN this is (scrypt per member: a few tens of ms each). */
  findByPin(pin: string): StoredStaff | undefined {
    for (const member of this.all()) {
      const hash = parsePinHash(member.pinHash);
      if (hash && pinMatches(pin, hash)) return member;
    }
    return undefined;
  }
}

export function publicStaff(member: StoredStaff): StaffMember {
  return { id: member.id, name: member.name, role: member.role, builtIn: false };
}
