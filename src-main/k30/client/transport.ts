import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { startCallDeadline, type CallDeadline } from './call-deadlines';
import { K30ProtocolError, K30TransportError } from './errors';
import { classifyHttpError, failureDetail } from './transport-failures';

/**
 * One HTTP POST of a JSON body with a per-call deadline, on node:http / node:https (Node's fetch
 * costs several times more per call: undici and WHATWG streams). The deadline covers headers and
 * body: when it passes, the request is destroyed with its socket, so a hung server holds nothing.
 * How failures are classified: transport-failures.ts. An answer larger than `maxBytes` is not
 * read to the end: no K30 answer is that big, and a server (or something posing as one) must not
 * be able to fill our memory.
 */

/** Default cap on one answer's size: a page of 100 people with inline photos stays well below. */
export const DEFAULT_MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * How long a kept-alive connection may sit unused before we close it. A server closes idle
 * connections after its own keep-alive timeout (Node and Apache 5 s, Tomcat 20 s, nginx 75 s);
 * a request sent on a connection the server is closing at that moment dies with ECONNRESET, and
 * as it may have arrived it is a 'reset', outcome unknown. Closing ours first, below the shortest
 * common timeout, makes that race rare. Node also honours a server's `Keep-Alive: timeout=N`
 * (it drops the socket a second before), and 'lifo' reuses the most recently used socket.
 */
export const IDLE_SOCKET_MS = 4_000;

/** A status-other-than-200 answer's body this small is read away, so its connection is reused. */
const DRAIN_LIMIT_BYTES = 64 * 1024;

export interface HttpAnswer {
  status: number;
  text: string;
}

/** What carries the client's calls: an HttpTransport, or a test's wrapper around one. */
export interface K30Transport {
  /** POSTs a JSON body; the answer's text (status 200), or a K30TransportError / K30ProtocolError ('too-large'). */
  post(url: string, body: string, call: string): Promise<HttpAnswer>;
}

export interface TransportOptions {
  timeoutMs: number;
  /** Cap on one answer's size (default DEFAULT_MAX_ANSWER_BYTES). */
  maxAnswerBytes?: number;
  /** Default IDLE_SOCKET_MS. */
  idleSocketMs?: number;
}

const CONTENT_TYPE = 'application/json; charset=utf-8';

export class HttpTransport implements K30Transport {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(options: TransportOptions) {
    this.timeoutMs = options.timeoutMs;
    this.maxBytes = options.maxAnswerBytes !== undefined && options.maxAnswerBytes > 0 ? options.maxAnswerBytes : DEFAULT_MAX_ANSWER_BYTES;
    // `timeout` is the idle time after which Node's agent closes a free socket (a busy one is
    // guarded by our deadline instead).
    const agent = { keepAlive: true, scheduling: 'lifo', timeout: options.idleSocketMs ?? IDLE_SOCKET_MS } as const;
    this.http = new HttpAgent(agent);
    this.https = new HttpsAgent(agent);
  }

  post(url: string, body: string, call: string): Promise<HttpAnswer> {
    const https = url.startsWith('https:');
    return new Promise<HttpAnswer>((resolve, reject) =>
      new Exchange(this, call, resolve, reject).start(https ? httpsRequest : httpRequest, https ? this.https : this.http, url, body),
    );
  }
}

/** One POST: its request, its deadline, and the one way it settles. */
class Exchange {
  private readonly deadline: CallDeadline;
  private request: ClientRequest | undefined;
  private settled = false;
  /** Whether a connection was made (the request may have reached the server). */
  private connected = false;

  constructor(
    private readonly limits: { readonly timeoutMs: number; readonly maxBytes: number },
    private readonly call: string,
    private readonly resolve: (answer: HttpAnswer) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.deadline = startCallDeadline(limits.timeoutMs);
  }

  start(request: typeof httpRequest, agent: HttpAgent, url: string, body: string): void {
    try {
      this.request = request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': CONTENT_TYPE, accept: 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => this.answered(response),
      );
    } catch (error) {
      return this.fail(error);
    }
    this.request.on('error', (error) => this.fail(error));
    this.request.once('socket', (socket: Socket) => {
      if (!socket.connecting) this.connected = true;
      else socket.once('connect', () => (this.connected = true));
    });
    this.deadline.onExpire = () => this.fail(new Error('deadline passed'));
    this.request.end(body);
  }

  private answered(response: IncomingMessage): void {
    this.connected = true;
    response.on('error', (error) => this.fail(error));
    const status = response.statusCode ?? 0;
    const declared = Number(response.headers['content-length']);
    if (status !== 200) {
      // A small body is read away so the connection is reused (within the call's time: a body
      // that never ends must not hold its connection); anything else closes it.
      if (declared <= DRAIN_LIMIT_BYTES) response.setTimeout(this.limits.timeoutMs, () => response.destroy()).resume();
      else response.destroy();
      const reason = response.statusMessage ? ` ${response.statusMessage}` : '';
      return this.settle(new K30TransportError(`${this.call}: HTTP ${status}${reason}`, 'http-status', this.call, status));
    }
    const maxBytes = this.limits.maxBytes;
    if (declared > maxBytes) return this.refuseTooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return this.refuseTooLarge();
      chunks.push(chunk);
    });
    response.on('end', () => {
      const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, size).toString('utf8');
      this.settle(undefined, { status, text });
    });
    // Closed before its end without an error event (the socket went away): broken.
    response.on('close', () => {
      if (!response.complete) this.fail(Object.assign(new Error('the answer ended early'), { code: 'ECONNRESET' }));
    });
  }

  private refuseTooLarge(): void {
    const maxBytes = this.limits.maxBytes;
    this.settle(new K30ProtocolError(`${this.call}: the answer is larger than ${maxBytes} bytes`, 'too-large', this.call));
    this.request?.destroy();
  }

  /** Anything that broke: the request is destroyed (its socket with it) and the failure classified. */
  private fail(error: unknown): void {
    if (this.settled) return;
    const failure = classifyHttpError(error, this.deadline.expired, this.connected ? 'sent' : 'connect');
    const message = `${this.call}: ${failureDetail(failure, error, this.limits.timeoutMs)}`;
    this.settle(new K30TransportError(message, failure, this.call));
    this.request?.destroy();
  }

  private settle(error: Error | undefined, answer?: HttpAnswer): void {
    if (this.settled) return;
    this.settled = true;
    this.deadline.clear();
    if (error) this.reject(error);
    else this.resolve(answer!);
  }
}
