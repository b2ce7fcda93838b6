import { sealResponse, type ResolvedCredentials } from '../protocol';
import { CallbackPoster } from './callbacks';
import { Faults } from './faults';
import { SlidingWindowLimiter } from './rate-limit';
import { applySeed, type SeedKind } from './seed';
import { SimulatorState } from './state';

/** Everything one running simulator holds; shared with the control plane. */
export class SimulatorCore {
  readonly state = new SimulatorState();
  readonly faults = new Faults();
  readonly limiter: SlidingWindowLimiter;
  readonly callbacks: CallbackPoster;
  url = '';

  constructor(
    readonly credentials: ResolvedCredentials,
    readonly seedKind: SeedKind,
    readonly now: () => Date,
    listLimitPerMinute: number,
    callbackUrl: string | undefined,
  ) {
    this.limiter = new SlidingWindowLimiter(listLimitPerMinute);
    this.callbacks = new CallbackPoster(credentials, now, callbackUrl);
    this.reset();
  }

  reset(): void {
    applySeed(this.state, this.seedKind, this.now());
    this.state.companyNo = this.credentials.companyno;
    this.faults.reset();
    this.limiter.reset();
  }

  /** A sealed K30 answer, signed and encrypted like requests. */
  answer(resultcode: '0' | '1', msg: string, data?: unknown, idField?: 'companyno' | 'appid'): Record<string, unknown> {
    return sealResponse(this.credentials, { resultcode, msg, data }, { idField, now: this.now() });
  }

  refuse(msg: string): Record<string, unknown> {
    return this.answer('0', msg);
  }
}
