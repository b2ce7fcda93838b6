/**
 * The browser harness itself (no browser): it serves the page with the app's CSP and the shim
 * before the app's module script, carries calls and events over loopback HTTP through the
 * contract's dispatcher, and refuses foreign hosts and origins.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectShim, startHarness, type Harness } from './harness';

const INDEX = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'" />
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;

function rawGet(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser harness', () => {
  let renderer: string;
  let harness: Harness;

  beforeAll(async () => {
    renderer = mkdtempSync(path.join(tmpdir(), 'harness-renderer-'));
    mkdirSync(path.join(renderer, 'assets'));
    writeFileSync(path.join(renderer, 'index.html'), INDEX);
    writeFileSync(path.join(renderer, 'assets/index-abc.js'), 'console.log("app")');
    harness = await startHarness({ port: 0, rendererDir: renderer });
  });

  afterAll(async () => {
    await harness?.close();
    rmSync(renderer, { recursive: true, force: true });
  });

  it('binds to loopback and starts the demo simulator', () => {
    expect(harness.appUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(harness.simulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the page with the app CSP header and the shim before the module script', async () => {
    const response = await fetch(`${harness.appUrl}/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    // Only WebAssembly compilation (the face check's WASM backend), never eval of script.
    expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    const html = await response.text();
    const shim = html.indexOf('<script src="/__kiosk/shim.js"></script>');
    expect(shim).toBeGreaterThan(0);
    expect(shim).toBeLessThan(html.indexOf('type="module"'));
    expect((await fetch(`${harness.appUrl}/assets/index-abc.js`)).status).toBe(200);
    const script = await fetch(`${harness.appUrl}/__kiosk/shim.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('/__kiosk/call/');
  });

  it('puts the shim at the end of head when there is no module script', () => {
    expect(injectShim('<html><head><title>x</title></head></html>')).toBe(
      '<html><head><title>x</title><script src="/__kiosk/shim.js"></script>\n</head></html>',
    );
  });

  it('dispatches calls through the contract: a Result, validated, never a throw', async () => {
    const call = (name: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(`${harness.appUrl}/__kiosk/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    const settings = await (await call('getSettings')).json();
    expect(settings).toMatchObject({ ok: true, value: { demo: true, secretProtection: 'basic_text' } });
    const hosts = (await (await call('searchHosts', { query: '张伟' })).json()) as { ok: boolean; value: unknown[] };
    expect(hosts.ok).toBe(true);
    expect(hosts.value[0]).toMatchObject({ name: '张伟', phoneTail: '8001' });
    expect(await (await call('searchHosts', { query: '' })).json()).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'query' } });
    expect(await (await call('noSuchCall')).json()).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const notJson = await fetch(`${harness.appUrl}/__kiosk/call/searchHosts`, { method: 'POST', body: '{oops' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Same-origin callers are fine; a foreign page is not.
    expect((await call('getSettings', undefined, { origin: harness.appUrl })).status).toBe(200);
    expect((await call('getSettings', undefined, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await fetch(`${harness.appUrl}/__kiosk/call/getSettings`)).status).toBe(405);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const port = new URL(harness.appUrl).port;
    expect(await rawGet(`${harness.appUrl}/`, `127.0.0.1:${port}`)).toBe(200);
    expect(await rawGet(`${harness.appUrl}/`, `localhost:${port}`)).toBe(200);
    expect(await rawGet(`${harness.appUrl}/`, `evil.example:${port}`)).toBe(403);
    expect(await rawGet(`${harness.appUrl}/__kiosk/events`, 'evil.example')).toBe(403);
  });

  it('does not serve files outside the built renderer', async () => {
    const port = new URL(harness.appUrl).port;
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json', '/assets']) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: p, method: 'GET' }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      expect(status, p).toBe(404);
    }
  });

  it('forwards contract events over Server-Sent Events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${harness.appUrl}/__kiosk/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const saved = fetch(`${harness.appUrl}/__kiosk/call/saveSettings`, { method: 'POST', body: JSON.stringify({ language: 'en' }) });
    const pattern = /event: settingsChanged\ndata: (.*)\n\n/;
    while (!pattern.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    expect(((await (await saved).json()) as { ok: boolean }).ok).toBe(true);
    expect(JSON.parse(pattern.exec(text)![1])).toMatchObject({ language: 'en' });
    controller.abort();
  });

  it('moves the services clock only through the test-only control', async () => {
    const set = await fetch(`${harness.appUrl}/__harness/clock`, { method: 'POST', body: JSON.stringify({ offsetMs: 3_600_000 }) });
    expect(await set.json()).toMatchObject({ offsetMs: 3_600_000 });
    expect(harness.clockOffset()).toBe(3_600_000);
    expect((await fetch(`${harness.appUrl}/__harness/clock`, { method: 'POST', body: '{"offsetMs":"soon"}' })).status).toBe(400);
    expect(
      (await fetch(`${harness.appUrl}/__harness/clock`, { method: 'POST', headers: { origin: 'http://evil.example' }, body: '{"offsetMs":0}' })).status,
    ).toBe(403);
    harness.setClockOffset(0);
  });

  it("filters events as the Electron glue does: a kiosk page gets no other visitor's events", async () => {
    const call = async (name: string, body?: unknown) =>
      (await (await fetch(`${harness.appUrl}/__kiosk/call/${name}`, { method: 'POST', body: body === undefined ? '' : JSON.stringify(body) })).json()) as {
        ok: boolean;
      };
    expect((await call('setAdminPin', { next: '2468' })).ok).toBe(true);
    expect((await call('saveSettings', { defaultDeviceNos: ['D1'], selfServiceMode: true })).ok).toBe(true);

    const controller = new AbortController();
    const response = await fetch(`${harness.appUrl}/__kiosk/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    // Another visitor's visit changes (as a callback or the sweeper would say), then a setting.
    harness.services.events.emit('visitUpdated', { id: 'reception-visit-1' } as never);
    harness.services.settings.save({ language: 'zh-CN' });
    const pattern = /event: settingsChanged\ndata: (.*)\n\n/;
    while (!pattern.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    controller.abort();
    expect(text).not.toContain('visitUpdated');
    expect(JSON.parse(pattern.exec(text)![1])).toMatchObject({ selfServiceMode: true, server: '', companyno: '', secretSource: 'hidden' });
    expect((await call('leaveSelfServiceMode', { pin: '2468' })).ok).toBe(true);
  });
});
