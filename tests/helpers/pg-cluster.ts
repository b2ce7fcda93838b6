import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A real PostgreSQL for tests: the server named by PG* variables when PGHOST is set, else a
 * throwaway cluster (Debian's postgresql package) on a free loopback port, run as the `postgres`
 * user when we are root (PostgreSQL refuses to run as root). When neither can be had, `reason`
 * says why, and the tests that need it are reported as skipped with that reason.
 */
export type PgCluster = { ok: true; newDatabase(): Promise<string>; stop(): Promise<void> } | { ok: false; reason: string };

export async function startPgCluster(): Promise<PgCluster> {
  if (process.env.PGHOST) return fromEnvironment();
  const bin = findBin();
  if (!bin) return { ok: false, reason: 'PostgreSQL is not installed (apt-get install postgresql), and PGHOST is not set' };
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-pg-'));
  const asRoot = userInfo().uid === 0;
  const as = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args));
  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      await chown(dir, Number(stdout.trim()), Number(gid.trim()));
      await chmod(dir, 0o700);
    }
    const port = await freePort();
    await as('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
    await as('pg_ctl', ['-D', join(dir, 'data'), '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
    const base = `postgres://postgres@127.0.0.1:${port}`;
    return {
      ok: true,
      newDatabase: () => createDatabase(base),
      async stop() {
        await as('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']).catch(() => {});
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true }).catch(() => {});
    return { ok: false, reason: `PostgreSQL could not be started: ${(error as Error).message.split('\n')[0]}` };
  }
}

function fromEnvironment(): PgCluster {
  const user = process.env.PGUSER ?? 'postgres';
  const password = process.env.PGPASSWORD ? `:${encodeURIComponent(process.env.PGPASSWORD)}` : '';
  const base = `postgres://${encodeURIComponent(user)}${password}@${process.env.PGHOST}:${process.env.PGPORT ?? 5432}`;
  return { ok: true, newDatabase: () => createDatabase(base), stop: async () => {} };
}

/** A fresh database per test, so tests never see each other's visits. */
async function createDatabase(base: string): Promise<string> {
  const name = `kiosk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `${base}/${name}`;
}

function findBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
