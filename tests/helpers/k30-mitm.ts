import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A man in the middle between the client and the simulator, over real HTTP. Each request is
 * handed to `answer`, which may forward it (and alter the answer) or answer on its own.
 */
export type MitmAnswer = (call: string, body: string, forward: () => Promise<string>) => Promise<string>;

export interface Mitm {
  url: string;
  /** Calls that reached the real server. */
  forwarded: string[];
  setAnswer(answer: MitmAnswer): void;
  close(): Promise<void>;
}

export const passThrough: MitmAnswer = (_call, _body, forward) => forward();

export async function startMitm(target: string): Promise<Mitm> {
  let answer: MitmAnswer = passThrough;
  const forwarded: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    const reply = async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const call = (req.url ?? '').replace(/^\/openapi\//, '');
      const forward = async () => {
        forwarded.push(call);
        const r = await fetch(`${target}${req.url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        return r.text();
      };
      try {
        const text = await answer(call, body, forward);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(text);
      } catch {
        res.destroy();
      }
    };
    req.on('end', () => void reply());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    setAnswer: (next) => {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The forwarded answer without its signature. */
export const stripSign: MitmAnswer = async (_call, _body, forward) => {
  const parsed = JSON.parse(await forward()) as Record<string, unknown>;
  delete parsed.sign;
  return JSON.stringify(parsed);
};
