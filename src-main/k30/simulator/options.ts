import type { CallbackDelivery } from './callbacks';
import type { FaultSettings } from './faults';
import type { SimulatorState } from './state';

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 = a random free port (the default here; the CLI defaults to 8030). */
  port?: number;
  /** Default 'K30DEMO'. */
  companyno?: string;
  /** The app secret (signing); default 'k30-demo-code'. */
  secret?: string;
  /** Default to the secret, as resolveCredentials does. */
  aesKey?: string;
  aesIv?: string;
  /** Crypto profile name; default 'aes-cbc'. */
  profile?: string;
  /** Default 'demo'. */
  seed?: 'demo' | 'empty';
  /** Third-party URL that receives `authstatus` and `UploadRecord` callbacks. */
  callbackUrl?: string;
  /** List calls (people/getlist, region/getlist, region/getpeoplelist) allowed per sliding minute; default 60. */
  listLimitPerMinute?: number;
  now?: () => Date;
  /**
   * Serve the unsigned test control plane (`/__sim/`), default true: the simulator is a test
   * tool. The app's demo mode turns it off (it hands out staff phone numbers to any local process).
   */
  controlPlane?: boolean;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:8030 */
  url: string;
  port: number;
  credentials: { companyno: string; appSecret: string; aesKey: string; aesIv: string; profile: string };
  /** The live in-memory model, for in-process inspection. */
  state: SimulatorState;
  setCallbackUrl(url: string | undefined): void;
  close(): Promise<void>;
  /** Restores the seed, clears faults and the rate-limit window (as POST /__sim/reset). */
  reset(): void;
  /** As POST /__sim/faults. */
  setFaults(faults: FaultSettings & { reset?: boolean }): void;
  /** Resolves when every callback posted so far was delivered or failed. */
  callbacksIdle(): Promise<void>;
  /** The last 200 callback deliveries. */
  callbackLog: readonly CallbackDelivery[];
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  cliPort: 8030,
  companyno: 'K30DEMO',
  secret: 'k30-demo-code',
  profile: 'aes-cbc',
  seed: 'demo',
  listLimitPerMinute: 60,
} as const;
