import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach } from 'vitest';

/**
 * A tiny loopback HTTP server that answers each request with what the test says: a status,
 * headers, a body, after a delay, or a body cut off by a reset. For the K30 client's odd answers
 * over its real transport (node:http), where a test once handed it a fake fetch.
 */

export interface CannedAnswer {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Waits this long before answering. */
  delayMs?: number;
  /** Sends the headers (with the whole body's length) and this many bytes of the body, then resets the connection. */
  resetAfterBytes?: number;
  /** Resets the connection without answering. */
  reset?: boolean;
}

export interface AnsweredRequest {
  /** The URL's path, e.g. `/openapi/Device/GetList`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** 1 for a connection's first request, 2 for the next on the same (kept-alive) connection… */
  onConnection: number;
}

export type Answerer = (request: AnsweredRequest) => CannedAnswer | Promise<CannedAnswer>;

export interface AnsweringServer {
  url: string;
  /** Requests received. */
  requests: () => number;
  /** Connections opened, and closed (by either side). */
  connections: () => number;
  closed: () => number;
  close(): Promise<void>;
}

const open = new Set<AnsweringServer>();

/** Starts a server; `closeAnsweringServers` (or `withAnsweringServers`) closes it. */
export async function answeringServer(answer: Answerer): Promise<AnsweringServer> {
  let requests = 0;
  let connections = 0;
  let closed = 0;
  const perSocket = new WeakMap<Socket, number>();
  const server: Server = createServer((req, res) => {
    requests++;
    const onConnection = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, onConnection);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const reply = async () => {
      const canned = await answer({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), onConnection });
      if (canned.delayMs) await new Promise((resolve) => setTimeout(resolve, canned.delayMs));
      if (canned.reset) return void req.socket.resetAndDestroy();
      const body = Buffer.from(canned.body ?? '', 'utf8');
      res.writeHead(canned.status ?? 200, { 'content-length': String(body.length), ...canned.headers });
      if (canned.resetAfterBytes === undefined) return void res.end(body);
      res.write(body.subarray(0, canned.resetAfterBytes), () => req.socket.resetAndDestroy());
    };
    req.on('end', () => void reply());
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    socket.on('close', () => closed++);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const handle: AnsweringServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    connections: () => connections,
    closed: () => closed,
    close: async () => {
      open.delete(handle);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.add(handle);
  return handle;
}

export async function closeAnsweringServers(): Promise<void> {
  await Promise.all([...open].map((server) => server.close()));
}

/** Closes every server a test started after it. */
export function withAnsweringServers(): void {
  afterEach(closeAnsweringServers);
}
