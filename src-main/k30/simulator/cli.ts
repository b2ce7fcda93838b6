// npm run k30-sim -- [--host 127.0.0.1] [--port 8030] [--companyno NO] [--secret CODE] [--aes-key KEY]
//   [--aes-iv IV] [--profile NAME] [--seed demo|empty] [--callback-url URL] [--list-limit N]
import { parseArgs } from 'node:util';
import { DEFAULTS } from './options';
import { startSimulator } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: DEFAULTS.host },
      port: { type: 'string', default: String(DEFAULTS.cliPort) },
      companyno: { type: 'string' },
      secret: { type: 'string' },
      'aes-key': { type: 'string' },
      'aes-iv': { type: 'string' },
      profile: { type: 'string' },
      seed: { type: 'string', default: DEFAULTS.seed },
      'callback-url': { type: 'string' },
      'list-limit': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(
      'Usage: npm run k30-sim -- [--host 127.0.0.1] [--port 8030] [--companyno NO] [--secret CODE] [--aes-key KEY] [--aes-iv IV] [--profile NAME] [--seed demo|empty] [--callback-url URL] [--list-limit N]',
    );
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  if (values.seed !== 'demo' && values.seed !== 'empty') throw new Error(`--seed must be demo or empty, got ${values.seed}`);
  const listLimit = values['list-limit'] === undefined ? undefined : Number(values['list-limit']);
  const sim = await startSimulator({
    host: values.host,
    port,
    companyno: values.companyno,
    secret: values.secret,
    aesKey: values['aes-key'],
    aesIv: values['aes-iv'],
    profile: values.profile,
    seed: values.seed,
    callbackUrl: values['callback-url'],
    listLimitPerMinute: listLimit,
  });
  const c = sim.credentials;
  console.log(
    `K30 simulator listening on ${sim.url} companyno=${c.companyno} secret=${c.appSecret} aes-key=${c.aesKey} aes-iv=${c.aesIv} profile=${c.profile} seed=${values.seed}`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`k30-sim: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
