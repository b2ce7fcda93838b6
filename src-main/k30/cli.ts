import { describeError } from './protocol';
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { K30Client } from './client/k30-client';
import { K30Error, K30ServerError, K30TransportError } from './client/errors';
import { isReadPath } from './client/paths';
import { PROFILE_NAMES } from './protocol/crypto-profiles';

/**
 * `npm run k30 -- <Group/Action> ['<json data>' | @file.json | -] [--data DATA] [--server URL]
 * [--companyno NO] [--secret CODE] [--aes-key KEY] [--aes-iv IV] [--profile NAME] [--timeout MS]`
 *
 * Sends one call with K30Client.call and prints the decoded answer data as pretty JSON (`null`
 * when there is none). The data may come from a file (`@path`) or standard input (`-`): one
 * command-line argument holds at most 128 KB on Linux, less than a photo. Exit codes: 0 success;
 * 1 the server said no (its msg on stderr); 2 transport or protocol error, or bad usage.
 */

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Standard input as text, read only for `-` (default: process.stdin). */
  readStdin?: () => Promise<string>;
}

export const USAGE = `usage: npm run k30 -- <Group/Action> ['<json data>' | @file.json | -] [options]
  e.g.  npm run k30 -- Device/GetList '{"pageindex":1,"pagesize":20}' --server http://127.0.0.1:8030 --companyno 123
        npm run k30 -- visitor/Create --data @visitor.json ...     (data from a file: photos are too big for an argument)
        cat visitor.json | npm run k30 -- visitor/Create --data - ...  (data from standard input)

options (environment fallback):
  --data DATA                         the JSON data, @FILE to read it from a file, - for standard input
  --server URL        K30_SERVER      base URL of the K30 server
  --companyno NO      K30_COMPANYNO   company number
  --secret CODE       K30_SECRET      app secret (default: the company number)
  --aes-key KEY       K30_AES_KEY     AES key (default: the app secret)
  --aes-iv IV         K30_AES_IV      AES IV (default: the app secret)
  --profile NAME      K30_PROFILE     crypto profile (default aes-cbc): ${PROFILE_NAMES.join(', ')}
  --timeout MS                        per-attempt timeout (default 10000)

exit codes: 0 success, 1 the server said no, 2 transport/protocol error or bad usage`;

const OPTIONS: Record<string, string> = {
  server: 'K30_SERVER',
  companyno: 'K30_COMPANYNO',
  secret: 'K30_SECRET',
  'aes-key': 'K30_AES_KEY',
  'aes-iv': 'K30_AES_IV',
  profile: 'K30_PROFILE',
  timeout: '',
  data: '',
};

class UsageError extends Error {}

interface Parsed {
  path: string;
  /** JSON text, `@file` or `-`, as given; undefined = {}. */
  data?: string;
  options: Record<string, string | undefined>;
  help: boolean;
}

function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): Parsed {
  const positional: string[] = [];
  const options: Record<string, string | undefined> = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--') continue;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (!(name in OPTIONS)) throw new UsageError(`unknown option --${name}`);
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
      continue;
    }
    positional.push(arg);
  }
  if (help) return { path: '', options, help };
  for (const [name, variable] of Object.entries(OPTIONS)) if (options[name] === undefined && variable) options[name] = env[variable] || undefined;

  if (positional.length === 0) throw new UsageError('missing <Group/Action>');
  if (positional.length > 2) throw new UsageError('too many arguments (quote the JSON data)');
  if (positional.length === 2 && options.data !== undefined) throw new UsageError('the data is given twice (argument and --data)');
  const path = positional[0].replace(/^\/+/, '').replace(/^openapi\//i, '');
  if (!/^[A-Za-z0-9_]+\/[A-Za-z0-9_]+$/.test(path)) throw new UsageError(`"${positional[0]}" is not a Group/Action path`);
  if (!options.server) throw new UsageError('missing --server (or K30_SERVER)');
  if (!options.companyno) throw new UsageError('missing --companyno (or K30_COMPANYNO)');
  if (options.profile && !PROFILE_NAMES.includes(options.profile))
    throw new UsageError(`unknown profile "${options.profile}"; known: ${PROFILE_NAMES.join(', ')}`);
  if (options.timeout !== undefined && !(Number(options.timeout) > 0)) throw new UsageError('--timeout must be a positive number of milliseconds');
  return { path, data: positional[1] ?? options.data, options, help };
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The data as an object, from JSON text, `@file` or `-` (standard input). */
async function loadData(source: string | undefined, io: CliIo): Promise<Record<string, unknown>> {
  let text = source ?? '{}';
  if (source === '-') text = await (io.readStdin ?? readAllStdin)();
  else if (source?.startsWith('@')) {
    try {
      text = await readFile(source.slice(1), 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read the data file ${source.slice(1)}: ${(error as NodeJS.ErrnoException)?.code ?? describeError(error)}`);
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError('the data is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError('the data must be a JSON object');
  return data as Record<string, unknown>;
}

/** A state-changing call that timed out or broke after sending may have been carried out. */
function mayHaveActed(error: unknown, path: string): boolean {
  return error instanceof K30TransportError && error.outcomeUnknown && !isReadPath(path);
}

export async function runCli(argv: readonly string[], env: Record<string, string | undefined>, io: CliIo): Promise<number> {
  let parsed: Parsed;
  let data: Record<string, unknown> = {};
  try {
    parsed = parseArgs(argv, env);
    if (!parsed.help) data = await loadData(parsed.data, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`k30: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { options } = parsed;
  try {
    const client = new K30Client({
      server: options.server as string,
      credentials: {
        companyno: options.companyno as string,
        appSecret: options.secret,
        aesKey: options['aes-key'],
        aesIv: options['aes-iv'],
        profile: options.profile,
      },
      timeoutMs: options.timeout ? Number(options.timeout) : undefined,
      logger: { warn: (msg) => void io.stderr.write(`k30: warning: ${msg}\n`) },
    });
    const answer = await client.call(parsed.path, data);
    io.stdout.write(`${JSON.stringify(answer ?? null, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof K30ServerError) {
      io.stderr.write(`k30: ${parsed.path}: the server said no: ${error.msg || '(no message)'}\n`);
      return 1;
    }
    const message = error instanceof K30Error ? error.message : `${parsed.path}: ${describeError(error)}`;
    io.stderr.write(`k30: ${message}\n`);
    if (mayHaveActed(error, parsed.path)) {
      io.stderr.write(`k30: the server may have acted on ${parsed.path} all the same; check (e.g. with a list call) before sending it again\n`);
    }
    return 2;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(entry)).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  runCli(process.argv.slice(2), process.env, { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`k30: ${describeError(error)}\n`);
      process.exitCode = 2;
    },
  );
}
