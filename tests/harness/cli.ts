/**
 * `npm run harness -- [--port 5180] [--data-dir DIR] [--build] [--verbose]`
 *
 * Dev/test only: the real services + the built renderer in any browser on this machine, with
 * `window.kiosk` carried over loopback HTTP. See tests/harness/harness.ts.
 */
import { parseArgs } from 'node:util';
import { startHarness } from './harness';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5180' },
    'data-dir': { type: 'string' },
    build: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (values.help) {
  console.log('usage: npm run harness -- [--port 5180] [--data-dir DIR] [--build] [--verbose]');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port: not a port: ${values.port}`);
  process.exit(2);
}

const harness = await startHarness({ port, dataDir: values['data-dir'], build: values.build, echoLog: values.verbose });
console.log(`Kiosk harness: app ${harness.appUrl}  simulator ${harness.simulatorUrl ?? '(none: a K30 server is configured)'}`);
console.log(`data dir: ${harness.dataDir}${values['data-dir'] ? '' : ' (temporary, removed on exit)'}  — Ctrl+C to stop`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    harness.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
