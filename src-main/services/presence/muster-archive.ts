import { MusterSchema, type Muster, type MusterPhones } from '../../../src-preload/contract';
import { describeError } from '../../k30/protocol/describe-error';
import type { DurableFile, Logger, SecretBox } from '../ports';
import { maskPhone } from '../visits/ledger';

/**
 * The last known all-regions muster, kept on disk so an evacuation still has a list when K30 is
 * unreachable. It holds full names and phone numbers, so it is only ever written sealed by the
 * SecretBox; a newer presence snapshot replaces it (one write at a time, the newest wins).
 */
export class MusterArchive {
  private savedAt: string | undefined;
  private pending: Muster | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { file: DurableFile; box: SecretBox; log: Logger }) {}

  /** Whether a snapshot taken at this time would replace the muster kept. */
  isNewer(fetchedAt: string): boolean {
    return fetchedAt !== this.savedAt;
  }

  /** Keeps this all-regions muster (full phones) unless the one kept is as new. */
  save(muster: Muster): void {
    if (muster.scope !== 'all' || muster.phones !== 'full' || muster.fetchedAt === this.savedAt) return;
    this.savedAt = muster.fetchedAt;
    const idle = this.pending === undefined;
    this.pending = muster;
    if (!idle) return; // the write under way picks the newest up when it is done
    this.writing = this.writing.then(async () => {
      while (this.pending) {
        const next = this.pending;
        this.pending = undefined;
        try {
          await this.deps.file.write(this.deps.box.seal(JSON.stringify(next)));
        } catch (error) {
          this.deps.log.warn(`muster archive: the last known muster could not be saved: ${describeError(error)}`);
        }
      }
    });
  }

  /** The last muster kept, or undefined when none was kept or it cannot be opened. */
  async last(): Promise<Muster | undefined> {
    await this.writing;
    try {
      const sealed = await this.deps.file.read();
      if (sealed === undefined) return undefined;
      return MusterSchema.parse(JSON.parse(this.deps.box.open(sealed)));
    } catch (error) {
      this.deps.log.warn(`muster archive: the last known muster cannot be read: ${describeError(error)}`);
      return undefined;
    }
  }

  /** Resolves once everything asked to be saved has been written (or failed). */
  flush(): Promise<void> {
    return this.writing;
  }
}

/** One region with its sub-regions out of an all-regions muster; undefined if the region is not in it. */
export function musterScope(muster: Muster, scope: string): Muster | undefined {
  if (scope === 'all' || scope === muster.scope) return muster;
  if (!muster.regions.some((r) => r.no === scope)) return undefined;
  const within = new Set([scope]);
  // Regions come in tree order (a parent before its children), so one pass finds the subtree.
  for (const region of muster.regions) if (within.has(region.parentno)) within.add(region.no);
  return {
    ...muster,
    scope,
    regions: muster.regions.filter((r) => within.has(r.no)),
    people: muster.people.filter((p) => within.has(p.regionNo)),
  };
}

/** The muster with phones as asked: full numbers pass only when asked for (the caller checked the right). */
export function musterWithPhones(muster: Muster, phones: MusterPhones): Muster {
  if (phones === 'full' || muster.phones === 'masked') return muster;
  return { ...muster, phones: 'masked', people: muster.people.map((p) => ({ ...p, phone: p.phone ? maskPhone(p.phone) : '' })) };
}
