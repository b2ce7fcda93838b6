/** The security view's region answers reused for a short while, and photos fetched by main only from K30. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TINY_JPEG } from '../../../../src-main/k30/simulator/photos';
import { memoryLogger } from '../../../helpers/test-ports';

let dir: string;
let log: ReturnType<typeof memoryLogger>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'app-services-security-'));
  log = memoryLogger();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the security view and its photos', () => {
  it('reuses region answers for a short while, so refreshing does not burn the list budget', async () => {
    const calls: string[] = [];
    const client = {
      listRegions: async (q: { pageindex: number }) => {
        calls.push(`regions ${q.pageindex}`);
        return {
          total: 2,
          totalPage: 1,
          rows: [
            { no: 'R1', name: '园区', parentno: '', companyno: '', isdefault: true, linkage: false, manual: false },
            { no: 'R2', name: 'A栋', parentno: 'R1', companyno: '', isdefault: false, linkage: false, manual: false },
          ],
        };
      },
      listRegionPeople: async (q: { no: string; pagesize: number }) => {
        calls.push(`people ${q.no} ${q.pagesize}`);
        const row = (no: string, entertime: string) => ({
          no,
          name: no,
          jobnumber: '',
          deptno: '',
          deptname: '',
          rolename: '',
          phone: '',
          idcard: '',
          iccard: '',
          sex: 'unknown' as const,
          photoUrl: '',
          deviceno: 'D1',
          entertime,
        });
        // b came through the campus gate, then into A: counted in A only.
        const rows =
          q.no === 'R1'
            ? [row('b', '2030-01-01 08:00:00'), row('a', '2030-01-01 07:00:00')]
            : [row('c', '2030-01-01 09:00:00'), row('b', '2030-01-01 08:05:00')];
        return { total: rows.length, totalPage: 1, rows };
      },
    };
    let clock = Date.parse('2030-01-01T00:00:00Z');
    const { VisitLedger } = await import('../../../../src-main/services/visits/ledger');
    const { PresenceService } = await import('../../../../src-main/services/presence/presence-service');
    const ledger = await VisitLedger.open({ dataDir: dir, log });
    const presence = new PresenceService({ client: () => client, ledger, now: () => new Date(clock) });
    const first = await presence.listRegions();
    expect(first.regions).toEqual([
      { no: 'R1', name: '园区', parentno: '', inside: 3, here: 1, below: 2 },
      { no: 'R2', name: 'A栋', parentno: 'R1', inside: 2, here: 2, below: 0 },
    ]);
    // Everyone in a region in one call of the largest page size.
    expect(calls).toEqual(['regions 1', 'people R1 1000', 'people R2 1000']);
    clock += 10_000;
    expect(await presence.listRegions()).toEqual(first);
    expect(calls).toHaveLength(3);
    clock += 6_000;
    await presence.listRegions();
    expect(calls).toHaveLength(6);
  });

  it('fetches photos only from the K30 server, only images, at most 1 MB, with an LRU cache', async () => {
    const { createServer } = await import('node:http');
    let hits = 0;
    const server = createServer((req, res) => {
      hits++;
      if (req.url === '/a.jpg' || req.url === '/b.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(TINY_JPEG);
      else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<script>');
      else if (req.url === '/huge') {
        // No declared length: the cap must hold while reading.
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        res.end(Buffer.alloc(1024 * 1024 + 1));
      } else if (req.url === '/away') res.writeHead(302, { location: 'http://example.com/x.jpg' }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const { PhotoProxy } = await import('../../../../src-main/services/presence/photo-proxy');
      const proxy = new PhotoProxy({ server: () => `${origin}/`, cacheEntries: 1 });
      expect(await proxy.getPhoto(`${origin}/a.jpg`)).toBe(`data:image/jpeg;base64,${TINY_JPEG.toString('base64')}`);
      await proxy.getPhoto(`${origin}/a.jpg`);
      expect(hits).toBe(1);
      await proxy.getPhoto(`${origin}/b.jpg`); // evicts a
      await proxy.getPhoto(`${origin}/a.jpg`);
      expect(hits).toBe(3);
      await expect(proxy.getPhoto(`${origin}/page`)).rejects.toMatchObject({ code: 'not-allowed' });
      await expect(proxy.getPhoto(`${origin}/huge`)).rejects.toMatchObject({ code: 'photo-too-large' });
      await expect(proxy.getPhoto(`${origin}/missing`)).rejects.toMatchObject({ code: 'not-found' });
      await expect(proxy.getPhoto(`${origin}/away`)).rejects.toMatchObject({ code: 'unreachable' });
      await expect(proxy.getPhoto('http://127.0.0.2:1/a.jpg')).rejects.toMatchObject({ code: 'not-allowed' });
      await expect(proxy.getPhoto(`${origin.replace('http:', 'ftp:')}/a.jpg`)).rejects.toMatchObject({ code: 'not-allowed' });
      const unconfigured = new PhotoProxy({ server: () => undefined });
      await expect(unconfigured.getPhoto(`${origin}/a.jpg`)).rejects.toMatchObject({ code: 'not-allowed' });
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
