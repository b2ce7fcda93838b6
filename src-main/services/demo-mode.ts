import { describeError } from '../k30/protocol';
import { randomBytes } from 'node:crypto';
import { startSimulator } from '../k30/simulator';
import type { DemoTarget } from './connection/client-provider';
import type { Logger } from './ports';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;

/**
 * With no K30 server configured the app is not useless: it runs the simulator in-process, on
 * loopback only, seeded with a demo company, and the client provider points clients at it. Its
 * credentials are made up per run and never leave the main process.
 */
export class DemoMode {
  private simulator?: Simulator;
  private starting?: Promise<DemoTarget | undefined>;
  private callbackUrl?: string;

  /**
   * `now` is the services' clock: the demo world (its passes, its callbacks' timestamps) shares it.
   * `controlPlane` serves the simulator's unsigned `/__sim/` (tests and the harness only: it lets
   * any local process read the demo company's staff and their phone numbers); off by default.
   */
  constructor(
    private readonly log: Logger,
    private readonly now?: () => Date,
    private readonly controlPlane = false,
  ) {}

  /** Starts the simulator once (later calls share it). Undefined if it could not start. */
  start(): Promise<DemoTarget | undefined> {
    if (this.simulator) return Promise.resolve(this.current());
    this.starting ??= (async () => {
      try {
        // Fresh secrets each run (not the simulator's published defaults), so no other local
        // program can forge callbacks to our receiver or talk to the demo server as us.
        const secret = () => randomBytes(12).toString('base64url');
        this.simulator = await startSimulator({
          port: 0,
          host: '127.0.0.1',
          seed: 'demo',
          secret: secret(),
          aesKey: secret(),
          aesIv: secret(),
          callbackUrl: this.callbackUrl,
          now: this.now,
          controlPlane: this.controlPlane,
        });
        this.log.info(`demo mode: simulator at ${this.simulator.url}`);
        return this.current();
      } catch (error) {
        this.log.error(`demo mode: the simulator could not start: ${describeError(error)}`);
        return undefined;
      } finally {
        this.starting = undefined;
      }
    })();
    return this.starting;
  }

  /** For ClientProvider's `demo` option: where the simulator is, while it runs. */
  current(): DemoTarget | undefined {
    const sim = this.simulator;
    return sim && { url: sim.url, credentials: { ...sim.credentials } };
  }

  /** Where the simulator posts its callbacks (our receiver); undefined = nowhere. */
  setCallbackUrl(url: string | undefined): void {
    this.callbackUrl = url;
    this.simulator?.setCallbackUrl(url);
  }

  async close(): Promise<void> {
    await this.starting;
    const sim = this.simulator;
    this.simulator = undefined;
    if (sim) await sim.close();
  }
}
