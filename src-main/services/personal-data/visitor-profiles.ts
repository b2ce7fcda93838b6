import { randomUUID } from 'node:crypto';
import type { KioskReturning, ProfileSummary, Registration, ReturningOffer, ReturningPrefill } from '../../../src-preload/contract';
import { AppError } from '../app-error';
import type { Logger, SecretBox } from '../ports';
import { maskPhone } from '../visits/ledger';
import { normaliseDocumentNo, type MatchKeys } from './match-key';
import { ProfileFiles, type StoredProfile } from './profile-files';
import type { ProfileStore } from './profile-store';

const DAY_MS = 86_400_000;

export interface VisitorProfilesOptions {
  /** The profiles' own folder (`<data dir>/visitor-profiles`), when they are kept in files on this station. */
  dir: string;
  /** Where they are kept instead (site mode: the site database). */
  store?: ProfileStore;
  /** Seals the numbers a profile keeps (site mode: the site key, which every station has). */
  box: Pick<SecretBox, 'seal' | 'open'>;
  keys: MatchKeys;
  log: Logger;
  /** Days a profile is kept after the last visit (0 = none kept). */
  retentionDays: () => number;
  /** Days a consented photo may be reused (0 = never). */
  photoDays: () => number;
  now?: () => Date;
}

/** The numbers a profile keeps sealed (never in the index in clear). */
interface SealedDetails {
  phone: string;
  documentNo: string;
  carno: string;
}

/**
 * Returning visitors, kept only with the visitor's own consent ("remember me for next time"), in
 * their own files (profile-files.ts): the phone, document number and car plate sealed by the
 * SecretBox, matched by keyed hashes only, expiring `retentionDays` after the last visit, and
 * erasable per person ("forget this visitor", PIPL Art. 47).
 */
export class VisitorProfiles {
  private readonly files: ProfileStore;
  private readonly byPhone = new Map<string, string>();
  private readonly byDocument = new Map<string, string>();
  private readonly profiles = new Map<string, StoredProfile>();
  private readonly now: () => Date;

  private constructor(private readonly options: VisitorProfilesOptions) {
    this.files = options.store ?? new ProfileFiles(options.dir, options.box, options.log);
    this.now = options.now ?? (() => new Date());
  }

  static async open(options: VisitorProfilesOptions): Promise<VisitorProfiles> {
    const store = new VisitorProfiles(options);
    for (const profile of await store.files.load()) store.index(profile);
    await store.files.removeOrphanPhotos(new Set([...store.profiles.values()].filter((p) => p.photoAt).map((p) => p.id)));
    await store.purgeExpired();
    store.files.onRemoteChange?.((id, profile) => store.applyRemote(id, profile));
    return store;
  }

  /** Another station remembered, refreshed or forgot someone. */
  private applyRemote(id: string, profile: StoredProfile | null): void {
    const known = this.profiles.get(id);
    if (known) this.unindex(known);
    if (profile) this.index(profile);
  }

  get size(): number {
    return this.profiles.size;
  }

  /** Reception: a phone or document number typed that belongs to a remembered visitor. */
  offer(query: { phone?: string; documentNo?: string }): ReturningOffer | null {
    const profile = this.find(query);
    return profile ? offerOf(profile) : null;
  }

  /** Reception: what one tap fills in; the photo only if consented and young enough. */
  async prefill(profileId: string): Promise<ReturningPrefill> {
    const profile = this.live(this.profiles.get(profileId));
    if (!profile) throw new AppError('not-found', 'no such returning visitor');
    const details = this.details(profile);
    const photo = this.photoFresh(profile) ? await this.files.readPhoto(profile.id) : undefined;
    return {
      name: profile.name,
      phone: details.phone,
      documentType: profile.documentType,
      documentNo: details.documentNo,
      carno: details.carno,
      host: { ...profile.host },
      ...(photo ? { photo } : {}),
    };
  }

  /**
   * Kiosk: only a visitor who typed their own full phone and the last 4 characters of their own
   * document gets anything back, and then only their name and last host.
   */
  kioskOffer(phone: string, documentTail: string): KioskReturning | null {
    const key = this.options.keys.phone(phone);
    const profile = this.live(key === undefined ? undefined : this.profiles.get(this.byPhone.get(key) ?? ''));
    if (!profile) return null;
    const tail = normaliseDocumentNo(documentTail);
    if (tail.length !== 4 || normaliseDocumentNo(this.details(profile).documentNo).slice(-4) !== tail) return null;
    return { name: profile.name, host: { ...profile.host, phoneTail: '' } };
  }

  /** After a registration the visitor consented to be remembered for: made or refreshed. */
  async remember(input: Registration, photoConsent: boolean): Promise<void> {
    if (this.options.retentionDays() <= 0) return;
    const phoneKey = this.options.keys.phone(input.phone);
    const documentKey = this.options.keys.document(input.documentNo);
    const existing = this.find({ phone: input.phone, documentNo: input.documentNo }, false);
    const at = this.now().toISOString();
    const details: SealedDetails = { phone: input.phone, documentNo: input.documentNo, carno: input.carno ?? '' };
    const profile: StoredProfile = {
      id: existing?.id ?? randomUUID(),
      name: input.name,
      documentType: input.documentType,
      phoneMasked: maskPhone(input.phone),
      ...(phoneKey ? { phoneKey } : {}),
      ...(documentKey ? { documentKey } : {}),
      sealed: this.options.box.seal(JSON.stringify(details)),
      host: { no: input.hostNo, name: input.hostName, deptname: input.hostDept ?? existing?.host.deptname ?? '', phoneTail: '' },
      lastVisitAt: at,
      consentAt: at,
      ...(photoConsent && this.options.photoDays() > 0 ? { photoAt: at } : {}),
    };
    if (profile.photoAt) await this.files.writePhoto(profile.id, input.photo);
    else if (existing?.photoAt) await this.files.deletePhoto(profile.id);
    if (existing) this.unindex(existing);
    this.index(profile);
    await this.files.save(this.profiles.values(), { put: [profile] });
  }

  /** "Forget this visitor": the profile and its photo are deleted now. */
  async forget(profileId: string): Promise<void> {
    const profile = this.profiles.get(profileId);
    if (!profile) throw new AppError('not-found', 'no such returning visitor');
    this.unindex(profile);
    await this.files.save(this.profiles.values(), { removed: [profileId] });
    await this.files.deletePhoto(profileId);
  }

  /** Settings: profiles by name (part of it) or by a full phone or document number; newest first, at most 50. */
  search(query: string): ProfileSummary[] {
    const q = query.trim();
    const byKey = q ? this.find({ phone: q, documentNo: q }) : undefined;
    const found = [...this.profiles.values()].filter((p) => this.live(p) && (q === '' || p.name.includes(q) || p.id === byKey?.id));
    found.sort((a, b) => (a.lastVisitAt < b.lastVisitAt ? 1 : -1));
    return found.slice(0, 50).map((p) => ({ ...offerOf(p), phoneMasked: p.phoneMasked, hasPhoto: this.photoFresh(p) }));
  }

  /** Profiles past the retention, and photos past the photo retention, are deleted. */
  async purgeExpired(): Promise<number> {
    const expired = [...this.profiles.values()].filter((p) => !this.live(p));
    const stalePhotos = [...this.profiles.values()].filter((p) => this.live(p) && p.photoAt && !this.photoFresh(p));
    if (expired.length === 0 && stalePhotos.length === 0) return 0;
    for (const profile of expired) this.unindex(profile);
    for (const profile of stalePhotos) delete profile.photoAt;
    await this.files.save(this.profiles.values(), { put: stalePhotos, removed: expired.map((p) => p.id) });
    for (const profile of [...expired, ...stalePhotos]) await this.files.deletePhoto(profile.id);
    if (expired.length > 0) this.options.log.info(`visitor profiles: ${expired.length} expired and deleted`);
    return expired.length;
  }

  // -------------------------------------------------------------------------------------------

  private find(query: { phone?: string; documentNo?: string }, liveOnly = true): StoredProfile | undefined {
    const { keys } = this.options;
    const phoneKey = query.phone ? keys.phone(query.phone) : undefined;
    const documentKey = query.documentNo ? keys.document(query.documentNo) : undefined;
    const id = (phoneKey && this.byPhone.get(phoneKey)) || (documentKey && this.byDocument.get(documentKey)) || '';
    const profile = this.profiles.get(id);
    return liveOnly ? this.live(profile) : profile;
  }

  /** The profile, unless its retention has run out (a purge may not have run yet). */
  private live(profile: StoredProfile | undefined): StoredProfile | undefined {
    const days = this.options.retentionDays();
    if (!profile || days <= 0) return undefined;
    return this.now().getTime() - Date.parse(profile.lastVisitAt) < days * DAY_MS ? profile : undefined;
  }

  private photoFresh(profile: StoredProfile): boolean {
    const days = this.options.photoDays();
    return profile.photoAt !== undefined && days > 0 && this.now().getTime() - Date.parse(profile.photoAt) < days * DAY_MS;
  }

  private details(profile: StoredProfile): SealedDetails {
    try {
      return JSON.parse(this.options.box.open(profile.sealed)) as SealedDetails;
    } catch {
      throw new AppError('internal', 'this returning visitor’s details cannot be opened on this PC');
    }
  }

  private index(profile: StoredProfile): void {
    this.profiles.set(profile.id, profile);
    if (profile.phoneKey) this.byPhone.set(profile.phoneKey, profile.id);
    if (profile.documentKey) this.byDocument.set(profile.documentKey, profile.id);
  }

  private unindex(profile: StoredProfile): void {
    this.profiles.delete(profile.id);
    if (profile.phoneKey && this.byPhone.get(profile.phoneKey) === profile.id) this.byPhone.delete(profile.phoneKey);
    if (profile.documentKey && this.byDocument.get(profile.documentKey) === profile.id) this.byDocument.delete(profile.documentKey);
  }
}

function offerOf(profile: StoredProfile): ReturningOffer {
  return { profileId: profile.id, name: profile.name, lastVisitAt: profile.lastVisitAt, hostName: profile.host.name };
}
