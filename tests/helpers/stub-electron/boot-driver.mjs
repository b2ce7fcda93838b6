/**
 * Boots a built main (argv[2] = out dir) against the stand-in electron, pokes what main set up
 * (the app protocol, the permission handler, a navigation, window.open) and prints one JSON line
 * prefixed BOOT: for the test to check. Run: node --import ./register.mjs boot-driver.mjs OUT_DIR
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { recorder } from 'electron';

/** The default sort's order (UTF-16 code units), spelled out. */
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const outDir = process.argv[2];
const timeout = setTimeout(() => {
  console.log('BOOT:' + JSON.stringify({ error: 'main did not open a window within 20 s', events: recorder.events }));
  process.exit(1);
}, 20_000);

await import(pathToFileURL(join(outDir, 'main/index.js')).href);
const win = await recorder.windowCreated;

async function fetchApp(url, method = 'GET') {
  const handler = recorder.protocolHandlers.get('app');
  if (!handler) return undefined;
  const response = await handler(new Request(url, { method }));
  const body = response.body ? Buffer.from(await response.arrayBuffer()).toString('utf8') : '';
  const metaCsp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(body)?.[1]?.replaceAll('&#39;', "'").replaceAll('&quot;', '"');
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    metaCsp,
    body: body.slice(0, 200),
  };
}

function permission(name, details) {
  return new Promise((resolve) => recorder.permissionRequestHandler(win.webContents, name, resolve, details));
}

function navigation(url) {
  let prevented = false;
  win.webContents.emit('will-navigate', { url, isSameDocument: false, preventDefault: () => (prevented = true) });
  return prevented;
}

const appUrl = win.loaded;
const report = {
  webPreferences: win.options.webPreferences,
  preloadExists: existsSync(win.options.webPreferences.preload),
  icon: win.options.icon,
  loaded: appUrl,
  singleInstanceLock: recorder.singleInstanceLock,
  sandboxEnabled: recorder.sandboxEnabled,
  crashReporter: recorder.crashReporter,
  privilegedSchemes: recorder.privilegedSchemes,
  ipcHandles: [...recorder.ipcHandlers.keys()].sort(byCodeUnit),
  ipcListeners: [...recorder.ipcListeners.keys()].sort(byCodeUnit),
  index: await fetchApp('app://kiosk/index.html'),
  root: await fetchApp('app://kiosk/'),
  traversal: await fetchApp('app://kiosk/%2e%2e/main/index.js'),
  encodedSlash: await fetchApp('app://kiosk/assets%2f..%2f..%2fmain%2findex.js'),
  otherHost: await fetchApp('app://evil/index.html'),
  missing: await fetchApp('app://kiosk/nope.js'),
  post: await fetchApp('app://kiosk/index.html', 'POST'),
  permissions: {
    video: await permission('media', { requestingUrl: appUrl, isMainFrame: true, mediaTypes: ['video'] }),
    audio: await permission('media', { requestingUrl: appUrl, isMainFrame: true, mediaTypes: ['audio'] }),
    videoElsewhere: await permission('media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] }),
    geolocation: await permission('geolocation', { requestingUrl: appUrl, isMainFrame: true }),
    notifications: await permission('notifications', { requestingUrl: appUrl, isMainFrame: true }),
  },
  navigationRefused: navigation('https://evil.example/'),
  windowOpen: win.webContents.windowOpenHandler?.({ url: 'https://evil.example/' }),
  applicationMenu: recorder.applicationMenu,
};
// Our own page may call, a foreign frame may not.
const call = recorder.ipcHandlers.get('kiosk:call:getSettings');
const sender = (url) => ({ sender: win.webContents, senderFrame: { url, parent: null, processId: 1, routingId: 1, detached: false } });
win.webContents.mainFrame = sender(appUrl).senderFrame;
const ours = await call(sender(appUrl), undefined);
win.webContents.mainFrame = sender('https://evil.example/').senderFrame;
const foreign = await call(sender('https://evil.example/'), undefined);
report.ipc = { oursOk: ours.ok, foreign };
clearTimeout(timeout);
console.log('BOOT:' + JSON.stringify(report));
process.exit(0);
