/**
 * The app's demo simulator does not serve its unsigned control plane: any local process (or a
 * web page rebinding a name to 127.0.0.1) could read the demo staff's phone numbers from it.
 * Tests and the harness turn it on explicitly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_HOSTS } from '../../../src-main/k30/simulator/seed';
import { createAppServices, type AppServices } from '../../../src-main/services/app-services';
import { DemoMode } from '../../../src-main/services/demo-mode';
import { mapStore, memoryLogger, testSecretBox } from '../../helpers/test-ports';

/** GET with any Host header (fetch will not send a foreign one). */
function get(url: string, host?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const phones = Object.values(DEMO_HOSTS).map((h) => h.phone);
let demo: DemoMode | undefined;
let services: AppServices | undefined;
let dir: string | undefined;

afterEach(async () => {
  await demo?.close();
  await services?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  demo = services = dir = undefined;
});

describe('the demo simulator control plane', () => {
  it('is not served by default, whatever the Host header', async () => {
    demo = new DemoMode(memoryLogger());
    const { url } = (await demo.start())!;
    for (const host of [undefined, 'localhost', 'attacker.example']) {
      for (const path of ['/__sim/state', '/__sim', '/__sim/callbacks']) {
        const answer = await get(`${url}${path}`, host);
        expect(answer.status, `${path} Host ${host}`).toBe(404);
        for (const phone of phones) expect(answer.body).not.toContain(phone);
      }
    }
  });

  it('is not served by the app services unless the test-only switch is on', async () => {
    dir = await mkdtemp(join(tmpdir(), 'demo-mode-'));
    services = await createAppServices({ dataDir: dir, store: mapStore(), secretBox: testSecretBox(), log: memoryLogger(), sweepIntervalMs: 3600_000 });
    expect((await get(`${services.demo!.url}/__sim/state`)).status).toBe(404);
  });

  it('is served with the switch, to a loopback Host only', async () => {
    demo = new DemoMode(memoryLogger(), undefined, true);
    const { url } = (await demo.start())!;
    const port = new URL(url).port;
    expect((await get(`${url}/__sim/state`)).status).toBe(200);
    expect((await get(`${url}/__sim/state`, `localhost:${port}`)).status).toBe(200);
    const rebound = await get(`${url}/__sim/state`, `attacker.example:${port}`);
    expect(rebound.status).toBe(403);
    for (const phone of phones) expect(rebound.body).not.toContain(phone);
  });
});
