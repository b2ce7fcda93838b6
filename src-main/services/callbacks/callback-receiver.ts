import { describeError } from '../../k30/protocol';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { K30ProtocolError } from '../../k30/client/errors';
import { openMessage, parseK30DateTime, parseK30Timestamp, type ResolvedCredentials } from '../../k30/protocol';
import type { EventBus } from '../event-bus';
import type { DurableFile, Logger } from '../ports';
import { ClockSkewTracker, type ClockSkewReport } from './clock-skew';
import { ReplayMemory } from './replay-memory';
import { note, toPublic, type VisitLedger } from '../visits/ledger';

/**
 * Receives the K30 server's callbacks (device push results, door passes). Anyone on the network
 * can POST here, so a message changes nothing unless it is signed with our app secret, names our
 * company, is fresh and has not been acted on before (remembered across restarts). Every failure
 * to authenticate gets the same answer, so a sender learns nothing (not even whether the company
 * number is right). Slow or idle connections are cut off and their number is capped. It answers
 * before doing the work: the server waits for the answer.
 */

export type CallbackHandler = (data: Record<string, unknown>) => Promise<void> | void;

export interface CallbackReceiverOptions {
  /** The current connection's credentials; undefined when none is configured. */
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
  /** Where the remembered signatures survive a restart (a small file in the data dir). */
  replayFile?: DurableFile;
  /** A connection must have sent its request headers within this (default 10 s). */
  headersTimeoutMs?: number;
  /** …and its whole request, body included, within this (default 10 s). */
  requestTimeoutMs?: number;
  /** Connections open at once; more are refused (default 32). */
  maxConnections?: number;
  /** Called after a genuine callback was refused for its timestamp (the status to show changed). */
  onClockSkew?: () => void;
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
    /** What the log says; the sender only gets `message`. */
    readonly reason = message,
  ) {
    super(message);
  }
}

/** One answer for every message that did not prove it comes from our K30 server. */
export const UNAUTHENTICATED = 'not authenticated';
const unauthenticated = (reason: string) => new Rejection(401, UNAUTHENTICATED, reason);

/**
 * The acknowledgement. The K30 document does not give one; the closest vendor platform wants
 * `code` "1" and K30's own answers use `resultcode`: this satisfies both (PROTOCOL.md "Callbacks").
 */
export const ACK_BODY = JSON.stringify({ code: '1', resultcode: '1', msg: '成功' });

type Verified = { kind: 'accept'; key: string; method: string; data: Record<string, unknown> } | { kind: 'duplicate'; method: string };

export class CallbackReceiver {
  private server?: Server;
  private address?: ListenAddress;
  private readonly replay: ReplayMemory;
  private readonly skew = new ClockSkewTracker();
  private work: Promise<void> = Promise.resolve();
  private reconfiguring: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;
  private readonly maxBodyBytes: number;
  private readonly maxSkewMs: number;
  private readonly headersTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private readonly maxConnections: number;

  constructor(private readonly options: CallbackReceiverOptions) {
    this.now = options.now ?? (() => new Date());
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.maxSkewMs = options.maxSkewMs ?? 5 * 60_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    // Node insists that the headers' deadline is not later than the whole request's.
    this.headersTimeoutMs = Math.min(options.headersTimeoutMs ?? 10_000, this.requestTimeoutMs);
    this.maxConnections = options.maxConnections ?? 32;
    this.replay = new ReplayMemory({
      windowMs: Math.max(options.replayWindowMs ?? 10 * 60_000, 2 * this.maxSkewMs),
      maxEntries: options.maxRemembered ?? 10_000,
      file: options.replayFile,
      log: options.log,
    });
  }

  /** Where it listens (`http://host:port/`), for the K30 software or the simulator. */
  get url(): string | undefined {
    if (!this.server || !this.address) return undefined;
    const host = this.address.host.includes(':') ? `[${this.address.host}]` : this.address.host;
    return `http://${host}:${this.address.port}/`;
  }

  /** Genuine callbacks refused for their timestamp lately: the two clocks disagree. */
  clockSkew(): ClockSkewReport | undefined {
    return this.skew.report(this.now().getTime());
  }

  /**
   * Listens on `host:port` (only that host), closing any previous listener; '' turns it off.
   * Calls are serialised, so a quick succession of settings changes ends in the last one.
   */
  setAddress(address: string): Promise<string | undefined> {
    const next = this.reconfiguring
      .catch(() => {})
      .then(async () => {
        await this.closeServer();
        if (!address) return undefined;
        await this.replay.load(this.now().getTime());
        return this.listenOn(parseHostPort(address));
      });
    this.reconfiguring = next;
    return next;
  }

  async close(): Promise<void> {
    await this.setAddress('').catch(() => {});
    await this.whenIdle();
    await this.replay.flush();
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
    const server = createServer(
      {
        headersTimeout: this.headersTimeoutMs,
        requestTimeout: this.requestTimeoutMs,
        // Node checks those deadlines only this often (30 s by default, which let a slow sender
        // hold a connection three times longer than the setting).
        connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(this.headersTimeoutMs / 4))),
        keepAliveTimeout: Math.min(5000, this.requestTimeoutMs),
      },
      (req, res) => this.handle(req, res),
    );
    server.maxConnections = this.maxConnections;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.port, address.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => this.options.log.error(`callback receiver: ${error.message}`));
    server.on('drop', () => this.options.log.warn(`callback receiver: a connection was refused (more than ${this.maxConnections} open)`));
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
      void this.settle(Buffer.concat(chunks).toString('utf8'), res);
    });
  }

  private async settle(text: string, res: ServerResponse): Promise<void> {
    try {
      const verified = this.verify(text);
      if (verified.kind === 'duplicate') {
        // Already acted on: acknowledge again (the server may have missed our answer) and do nothing.
        this.options.log.info(`callback ${verified.method}: a repeat of one already received, acknowledged and ignored`);
        return this.answerRaw(res, 200, ACK_BODY);
      }
      // On disk before the answer: once acknowledged, a restart must not let it count twice.
      await this.replay.remember(verified.key, this.now().getTime());
      this.answerRaw(res, 200, ACK_BODY);
      this.enqueue(verified.method, verified.data);
    } catch (error) {
      if (error instanceof Rejection) {
        this.options.log.warn(`callback rejected (${error.status}): ${error.reason}`);
        this.answer(res, error.status, error.message);
      } else {
        this.options.log.error(`callback receiver: ${describeError(error)}`);
        this.answer(res, 500, 'internal error');
      }
    }
  }

  /** Every check; nothing before the signature is proven tells the sender more than "no". */
  private verify(text: string): Verified {
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
    if (!credentials) throw unauthenticated('no connection configured');
    if (envelope.companyno !== credentials.companyno) throw unauthenticated('wrong company');

    let opened: ReturnType<typeof openMessage>;
    try {
      opened = openMessage(envelope, credentials, 'callback');
    } catch (error) {
      // Not "not JSON" apart from "does not decrypt": that difference is a padding oracle.
      throw unauthenticated(error instanceof K30ProtocolError && error.failure === 'not-json' ? 'data is not JSON' : 'data does not decrypt with our key');
    }
    if (!opened.signatureValid) throw unauthenticated('bad signature');

    // From here on the sender is our K30 server.
    const sent = parseK30Timestamp(envelope.timestamp);
    const now = this.now().getTime();
    if (!sent) throw new Rejection(400, 'unreadable timestamp');
    if (Math.abs(now - sent.getTime()) > this.maxSkewMs) {
      this.skew.record(sent.getTime(), now);
      this.options.onClockSkew?.();
      const minutes = Math.round((sent.getTime() - now) / 60_000);
      throw new Rejection(
        400,
        'stale timestamp',
        `stale timestamp: the K30 server's clock is ${Math.abs(minutes)} min ${minutes > 0 ? 'ahead of' : 'behind'} ours`,
      );
    }

    const method = String(envelope.method);
    const key = `${String(envelope.sign).toLowerCase()}|${String(envelope.timestamp)}`;
    if (this.replay.has(key, now)) return { kind: 'duplicate', method };

    const data = opened.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Rejection(400, 'data is not an object');
    return { kind: 'accept', key, method, data: data as Record<string, unknown> };
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
    this.answerRaw(res, status, JSON.stringify({ code: '0', resultcode: '0', msg }), unread !== undefined);
    if (unread) {
      // Stop reading: the rest of the body is not wanted and must not be buffered.
      res.on('finish', () => unread.destroy());
    }
  }

  private answerRaw(res: ServerResponse, status: number, body: string, close = false): void {
    if (res.headersSent || res.destroyed) return;
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
