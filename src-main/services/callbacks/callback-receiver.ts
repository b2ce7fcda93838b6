import { describeError } from '../../k30/protocol';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { K30ProtocolError } from '../../k30/client/errors';
import { openMessage, parseK30DateTime, parseK30Timestamp, type ResolvedCredentials } from '../../k30/protocol';
import type { EventBus } from '../event-bus';
import type { Logger } from '../ports';
import { note, toPublic, type VisitLedger } from '../visits/ledger';

/**
 * Receives the K30 server's callbacks (device push results, door passes). Anyone on the network
 * can POST here, so a message changes nothing unless it is signed with our app secret, names our
 * company, is fresh and has not been seen before. It answers before doing the work: the server
 * waits for the answer.
 */

export type CallbackHandler = (data: Record<string, unknown>) => Promise<void> | void;

export interface CallbackReceiverOptions {
  /** The current connection's credentials; undefined when none is configured (then 503). */
  credentials: () => ResolvedCredentials | undefined;
  /** By callback `method`; unknown methods are acknowledged and ignored. */
  handlers: Record<string, CallbackHandler>;
  log: Logger;
  now?: () => Date;
  maxBodyBytes?: number;
  /** How far a timestamp may be from now, either way. */
  maxSkewMs?: number;
  /** How long a sign+timestamp is remembered; at least twice the skew, so a replay is always caught. */
  replayWindowMs?: number;
  /** Bound on remembered messages (only authenticated ones are remembered, so only the server fills it). */
  maxRemembered?: number;
}

export interface ListenAddress {
  host: string;
  port: number;
}

/** `host:port`, `[v6]:port`. */
export function parseHostPort(address: string): ListenAddress {
  const m = /^(\[[0-9a-f:]+\]|[^:\s]+):(\d{1,5})$/i.exec(address.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port > 65535) throw new Error(`not a host:port address: ${address}`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

class Rejection extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const OK_BODY = JSON.stringify({ resultcode: '1', msg: 'Success' });

export class CallbackReceiver {
  private server?: Server;
  private address?: ListenAddress;
  private readonly seen = new Map<string, number>();
  private work: Promise<void> = Promise.resolve();
  private reconfiguring: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;
  private readonly maxBodyBytes: number;
  private readonly maxSkewMs: number;
  private readonly replayWindowMs: number;
  private readonly maxRemembered: number;

  constructor(private readonly options: CallbackReceiverOptions) {
    this.now = options.now ?? (() => new Date());
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.maxSkewMs = options.maxSkewMs ?? 5 * 60_000;
    this.replayWindowMs = Math.max(options.replayWindowMs ?? 10 * 60_000, 2 * this.maxSkewMs);
    this.maxRemembered = options.maxRemembered ?? 10_000;
  }

  /** Where it listens (`http://host:port/`), for the K30 software or the simulator. */
  get url(): string | undefined {
    if (!this.server || !this.address) return undefined;
    const host = this.address.host.includes(':') ? `[${this.address.host}]` : this.address.host;
    return `http://${host}:${this.address.port}/`;
  }

  /**
   * Listens on `host:port` (only that host), closing any previous listener; '' turns it off.
   * Calls are serialised, so a quick succession of settings changes ends in the last one.
   */
  setAddress(address: string): Promise<string | undefined> {
    const next = this.reconfiguring.catch(() => {}).then(async () => {
      await this.closeServer();
      if (!address) return undefined;
      return this.listenOn(parseHostPort(address));
    });
    this.reconfiguring = next;
    return next;
  }

  async close(): Promise<void> {
    await this.setAddress('').catch(() => {});
    await this.whenIdle();
  }

  /** Resolves when every accepted callback has been processed (tests, shutdown). */
  async whenIdle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.work;
      await current;
    } while (current !== this.work);
  }

  private async listenOn(address: ListenAddress): Promise<string> {
    const server = createServer((req, res) => this.handle(req, res));
    server.requestTimeout = 10_000;
    server.headersTimeout = 10_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.port, address.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => this.options.log.error(`callback receiver: ${error.message}`));
    this.server = server;
    this.address = { host: address.host, port: (server.address() as AddressInfo).port };
    this.options.log.info(`callback receiver listening on ${this.url}`);
    return this.url!;
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.address = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // -------------------------------------------------------------------------------------------

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') return this.answer(res, 405, 'POST only', req);
    const declared = Number(req.headers['content-length']);
    if (declared > this.maxBodyBytes) return this.answer(res, 413, 'body too large', req);
    const chunks: Buffer[] = [];
    let size = 0;
    let stopped = false;
    req.on('data', (chunk: Buffer) => {
      if (stopped) return;
      size += chunk.length;
      if (size > this.maxBodyBytes) {
        stopped = true;
        chunks.length = 0;
        this.answer(res, 413, 'body too large', req);
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      stopped = true;
    });
    req.on('end', () => {
      if (stopped) return;
      try {
        const accepted = this.verify(Buffer.concat(chunks).toString('utf8'));
        this.answerRaw(res, 200, OK_BODY);
        this.enqueue(accepted.method, accepted.data);
      } catch (error) {
        if (error instanceof Rejection) {
          this.options.log.warn(`callback rejected (${error.status}): ${error.message}`);
          this.answer(res, error.status, error.message);
        } else {
          this.options.log.error(`callback receiver: ${describeError(error)}`);
          this.answer(res, 500, 'internal error');
        }
      }
    });
  }

  /** Every check, in an order that tells an unauthenticated sender nothing beyond "no". */
  private verify(text: string): { method: string; data: Record<string, unknown> } {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Rejection(400, 'not JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Rejection(400, 'not an envelope');
    const envelope = body as Record<string, unknown>;
    for (const field of ['method', 'companyno', 'timestamp', 'sign'] as const) {
      if (typeof envelope[field] !== 'string' || envelope[field] === '') throw new Rejection(400, `envelope lacks ${field}`);
    }
    const credentials = this.options.credentials();
    if (!credentials) throw new Rejection(503, 'no connection configured');
    if (envelope.companyno !== credentials.companyno) throw new Rejection(401, 'wrong company');

    let opened: ReturnType<typeof openMessage>;
    try {
      opened = openMessage(envelope, credentials, 'callback');
    } catch (error) {
      if (error instanceof K30ProtocolError && error.failure === 'not-json') throw new Rejection(400, 'data is not JSON');
      throw new Rejection(401, 'data does not decrypt with our key');
    }
    if (!opened.signatureValid) throw new Rejection(401, 'bad signature');

    const sent = parseK30Timestamp(envelope.timestamp);
    const now = this.now().getTime();
    if (!sent || Math.abs(now - sent.getTime()) > this.maxSkewMs) throw new Rejection(400, 'stale or unreadable timestamp');

    this.forgetOld(now);
    const key = `${String(envelope.sign).toLowerCase()}|${envelope.timestamp}`;
    if (this.seen.has(key)) throw new Rejection(409, 'replayed');
    this.seen.set(key, now);
    if (this.seen.size > this.maxRemembered) this.seen.delete(this.seen.keys().next().value!);

    const data = opened.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Rejection(400, 'data is not an object');
    return { method: String(envelope.method), data: data as Record<string, unknown> };
  }

  /** The map is in insertion order, which is time order: drop from the front. */
  private forgetOld(now: number): void {
    for (const [key, at] of this.seen) {
      if (now - at <= this.replayWindowMs) break;
      this.seen.delete(key);
    }
  }

  /** The work runs after the answer, one callback at a time, in arrival order. */
  private enqueue(method: string, data: Record<string, unknown>): void {
    const handler = this.options.handlers[method];
    if (!handler) {
      this.options.log.info(`callback ${method} ignored`);
      return;
    }
    this.work = this.work.then(async () => {
      try {
        await handler(data);
      } catch (error) {
        this.options.log.error(`callback ${method} failed: ${describeError(error)}`);
      }
    });
  }

  /** For a rejection that comes before the body is read: answer, then drop the connection. */
  private answer(res: ServerResponse, status: number, msg: string, unread?: IncomingMessage): void {
    this.answerRaw(res, status, JSON.stringify({ resultcode: status === 200 ? '1' : '0', msg }), unread !== undefined);
    if (unread) {
      // Stop reading: the rest of the body is not wanted and must not be buffered.
      res.on('finish', () => unread.destroy());
    }
  }

  private answerRaw(res: ServerResponse, status: number, body: string, close = false): void {
    if (res.headersSent) return;
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      ...(close ? { connection: 'close' } : {}),
    });
    res.end(body);
  }
}

// ---------------------------------------------------------------------------------------------
// What the two callbacks mean for our visits.

export interface VisitCallbackDeps {
  ledger: VisitLedger;
  events: EventBus;
  log: Logger;
  now?: () => Date;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/** authstatus → a device's push confirmed or failed; UploadRecord → one of our visitors passed a door. */
export function visitCallbackHandlers(deps: VisitCallbackDeps): Record<'authstatus' | 'UploadRecord', CallbackHandler> {
  const now = deps.now ?? (() => new Date());
  return {
    async authstatus(data) {
      const no = str(data.no);
      const deviceNo = str(data.deviceno);
      const visit = no && deps.ledger.findByK30No(no);
      if (!visit) return; // a person or another app's visitor: not ours to track
      const ok = str(data.resultcode) === '1';
      const message = str(data.msg);
      const updated = await deps.ledger.update(visit.id, (r) => {
        const device = r.devices.find((d) => d.no === deviceNo);
        note(r, now(), ok ? 'device-confirmed' : 'device-failed', `${deviceNo}${message ? `: ${message}` : ''}`);
        // After removal a device's report is history only; its sync state no longer matters.
        if (!device || (r.state !== 'created' && r.state !== 'pushed')) return;
        device.state = ok ? 'confirmed' : 'failed';
        device.at = now().toISOString();
        if (ok) delete device.message;
        else device.message = message || 'device reported failure';
      });
      deps.events.emit('visitUpdated', toPublic(updated));
    },

    async UploadRecord(data) {
      const no = str(data.peopleNo);
      const visit = no && deps.ledger.findByK30No(no);
      if (!visit) return;
      const at = (parseK30DateTime(str(data.addTime)) ?? parseK30Timestamp(str(data.addTime)) ?? now()).toISOString();
      const direction = str(data.outinType) === '0' ? 'out' : 'in';
      const deviceNo = str(data.deviceNo);
      const deviceName = str(data.deviceName);
      const updated = await deps.ledger.update(visit.id, (r) => {
        if (!r.lastPassAt || r.lastPassAt < at) r.lastPassAt = at;
        note(r, now(), 'passed', `${deviceName || deviceNo} (${direction})`);
      });
      deps.events.emit('visitUpdated', toPublic(updated));
      deps.events.emit('visitorPassed', { visitId: visit.id, deviceNo, deviceName, direction, at });
    },
  };
}
