import type { Acting, Actor, StaffInput, StaffMember, StaffRole } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { KeyValueStore, Logger } from '../ports';
import type { SettingsService } from '../settings/settings-service';
import { BUILT_IN_ADMIN_ID, publicStaff, StaffDirectory } from './staff-directory';

/** How long a member's PIN keeps them the one acting, renewed by each of their actions. */
export const STAFF_SESSION_MS = 5 * 60_000;

interface SignedIn {
  id: string;
  name: string;
  role: StaffRole;
  until: number;
}

export interface IdentityDeps {
  settings: SettingsService;
  store: KeyValueStore;
  log: Logger;
  now?: () => number;
}

/**
 * Who is acting, decided in main (a page never claims an identity). Each station has a name;
 * staff members (name, PIN, role) are optional, the admin PIN of Settings being the first
 * administrator. With staff sign-in off the station acts; with it on, whatever changes data or
 * reveals full numbers wants a member who gave their PIN (a session renewed by each action), and
 * opening a door or overriding the deny list wants the PIN again, there and then.
 */
export class IdentityService {
  private readonly directory: StaffDirectory;
  private readonly now: () => number;
  private signedIn: SignedIn | undefined;

  constructor(private readonly deps: IdentityDeps) {
    this.directory = new StaffDirectory(deps.store);
    this.now = deps.now ?? Date.now;
  }

  /** The station's one name, as settings keep it (the site ledger's lease owner is the same). */
  station(): string {
    return this.deps.settings.stationName();
  }

  private get signInOn(): boolean {
    return this.deps.settings.values.staffSignIn;
  }

  // -------------------------------------------------------------------------------------------
  // Staff members

  listStaff(): StaffMember[] {
    const builtIn: StaffMember[] = this.deps.settings.hasPin() ? [{ id: BUILT_IN_ADMIN_ID, name: '', role: 'admin', builtIn: true }] : [];
    return [...builtIn, ...this.directory.all().map(publicStaff)];
  }

  /** A PIN names one person: it may not be the admin PIN or another member's. */
  addStaff(input: StaffInput): StaffMember[] {
    if (!this.deps.settings.hasPin()) throw new AppError('pin-required', 'Set the admin PIN before adding staff', 'pin');
    if (this.deps.settings.matchesAdminPin(input.pin) || this.directory.findByPin(input.pin)) {
      throw new AppError('invalid-input', 'This PIN is already in use; choose another', 'pin');
    }
    this.directory.add({ name: input.name, role: input.role, pinHash: this.deps.settings.hashNewPin(input.pin) });
    return this.listStaff();
  }

  removeStaff(id: string): StaffMember[] {
    if (id === BUILT_IN_ADMIN_ID) throw new AppError('not-allowed', 'The admin PIN is changed or removed in Settings', 'id');
    if (!this.directory.remove(id)) throw new AppError('not-found', 'no such member of staff', 'id');
    if (this.signedIn?.id === id) this.signedIn = undefined;
    return this.listStaff();
  }

  // -------------------------------------------------------------------------------------------
  // PINs

  /**
   * The member whose PIN this is (the admin PIN: the built-in administrator), or undefined.
   * Wrong PINs share the admin PIN's counter and lockout: AppError('wrong-pin') while locked.
   */
  identify(pin: string): SignedIn | undefined {
    const lockout = this.deps.settings.pinLockout;
    const wait = lockout.remainingMs();
    if (wait > 0) throw new AppError('wrong-pin', `Too many wrong PINs; try again in ${Math.ceil(wait / 1000)} s`);
    const until = this.now() + STAFF_SESSION_MS;
    let found: SignedIn | undefined;
    if (this.deps.settings.matchesAdminPin(pin)) found = { id: BUILT_IN_ADMIN_ID, name: '', role: 'admin', until };
    else {
      const member = this.directory.findByPin(pin);
      if (member) found = { id: member.id, name: member.name, role: member.role, until };
    }
    if (found) {
      lockout.succeeded();
      return found;
    }
    const { wrongPins, lockoutMs } = lockout.failed();
    this.deps.log.warn(`identity: wrong PIN (${wrongPins} in a row)`);
    if (lockoutMs > 0) this.deps.log.warn(`identity: PINs locked for ${Math.ceil(lockoutMs / 1000)} s`);
    return undefined;
  }

  /** An administrator's PIN (with no admin PIN set, anything passes, as before). */
  isAdminPin(pin: string): boolean {
    if (!this.deps.settings.hasPin()) return true;
    const member = this.identify(pin);
    if (member?.role === 'admin') this.signedIn = member;
    return member?.role === 'admin';
  }

  signIn(pin: string): Acting {
    const member = this.identify(pin);
    if (!member) throw new AppError('wrong-pin', 'Wrong PIN');
    this.signedIn = member;
    return this.acting();
  }

  signOut(): Acting {
    this.signedIn = undefined;
    return this.acting();
  }

  private current(): SignedIn | undefined {
    if (this.signedIn && this.now() >= this.signedIn.until) this.signedIn = undefined;
    return this.signedIn;
  }

  acting(): Acting {
    const member = this.current();
    return {
      station: this.station(),
      staffSignIn: this.signInOn,
      ...(member ? { staff: { name: member.name, role: member.role }, until: new Date(member.until).toISOString() } : {}),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Actors

  /** Who acts right now, as the audit log records it (nothing is asked or renewed). */
  actor(selfService = this.deps.settings.values.selfServiceMode): Actor {
    const station = this.station();
    if (selfService) return { station, kind: 'self-service' };
    const member = this.current();
    return member ? this.staffActor(member) : { station, kind: 'station' };
  }

  /** The app acting on its own (removal sweeps, retention purges). */
  system(): Actor {
    return { station: this.station(), kind: 'system' };
  }

  /**
   * For an action that changes data or reveals full numbers. Sign-in off: the station (or a
   * member who signed in anyway). On: the signed-in member, renewed, with one of `roles` when
   * given; else AppError('staff-required') (not-allowed for a member of another role).
   */
  requireActor(roles?: readonly StaffRole[]): Actor {
    const member = this.current();
    if (!this.signInOn) return this.actor(false);
    if (!member) throw new AppError('staff-required', 'Staff sign-in is on: give your PIN first');
    if (roles && !roles.includes(member.role)) throw new AppError('not-allowed', `only ${roles.join(' or ')} may do this`);
    member.until = this.now() + STAFF_SESSION_MS;
    return this.staffActor(member);
  }

  /**
   * For an action whose PIN is asked there and then (a door, a deny-list override): the member
   * whose PIN it is, with one of `roles`; AppError('wrong-pin') or ('not-allowed') otherwise.
   */
  actorByPin(pin: string, roles?: readonly StaffRole[]): Actor {
    const member = this.identify(pin);
    if (!member) throw new AppError('wrong-pin', 'Wrong PIN');
    if (roles && !roles.includes(member.role)) throw new AppError('not-allowed', `only ${roles.join(' or ')} may do this`);
    return this.staffActor(member);
  }

  /** A member signed in now with one of these roles (e.g. security for the full-number muster). */
  signedInAs(roles: readonly StaffRole[]): boolean {
    const member = this.current();
    return member !== undefined && roles.includes(member.role);
  }

  private staffActor(member: SignedIn): Actor {
    return {
      station: this.station(),
      kind: 'staff',
      staffId: member.id,
      staffName: member.id === BUILT_IN_ADMIN_ID ? 'admin' : member.name,
      role: member.role,
    };
  }
}

/** An actor in a few words, for "added by" and logs (no PIN, no secret). */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'staff') return `${actor.staffName} (${actor.role}) @ ${actor.station}`;
  return `${actor.kind} @ ${actor.station}`;
}
