import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a stand-in platform received. */
export interface ReceivedRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

/** What the stand-in answers: a status and a body (default 200 and the platform's "ok"). */
export type Answer = { status: number; body: string } | 'hang';

/**
 * A local stand-in for a notification platform (WeCom, DingTalk, Feishu or a generic receiver):
 * keeps every request, and answers from a script (then `fallback`), so tests check each
 * platform's documented body and signature and how the queue treats 4xx, 5xx and no answer.
 */
export async function startWebhookStandIn(fallback: Answer = { status: 200, body: '{"errcode":0,"errmsg":"ok","code":0,"msg":"success"}' }) {
  const received: ReceivedRequest[] = [];
  const script: Answer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        /* kept as text */
      }
      received.push({ path: url.pathname, query: url.searchParams, headers: req.headers, body, json });
      const answer = script.shift() ?? fallback;
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    /** The next answers, in order (then the fallback). */
    answer(...answers: Answer[]) {
      script.push(...answers);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
