import { describeError } from '../../../k30/protocol/describe-error';
import type { Logger } from '../../ports';
import type { LedgerWriteProblem } from '../ledger-backend';

/**
 * Whether this station can reach the site database, as the screens show it ("site database
 * unreachable since …"): set by the first failure, cleared by the next success, with a listener
 * call on each change.
 */
export class SiteReachability {
  private failing?: LedgerWriteProblem;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  get problem(): LedgerWriteProblem | undefined {
    return this.failing && { ...this.failing };
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  down(error: unknown): void {
    if (this.failing) return;
    this.log.error(`site database unreachable: ${describeError(error)}`);
    this.set({ problem: 'site-unreachable', at: this.now().toISOString() });
  }

  up(): void {
    if (this.failing) this.log.info('site database reachable again');
    this.set(undefined);
  }

  private set(next: LedgerWriteProblem | undefined): void {
    const changed = Boolean(next) !== Boolean(this.failing);
    this.failing = next;
    if (changed) for (const listener of this.listeners) listener();
  }
}
