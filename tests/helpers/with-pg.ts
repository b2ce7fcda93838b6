import { afterAll, beforeAll, describe } from 'vitest';
import { startPgCluster, type PgCluster } from './pg-cluster';

type Running = Extract<PgCluster, { ok: true }>;

/** Whether PostgreSQL can be had here, asked once per test file (top-level await). */
const cluster = await startPgCluster();
if (!cluster.ok) console.warn(`site database tests skipped: ${cluster.reason}`);

/**
 * A describe block that needs a real PostgreSQL: the cluster is started once per test file and
 * stopped after it. Where it cannot be started, the block is reported as skipped, with the reason
 * in its name, never silently passed.
 */
export function describeWithPg(name: string, body: (cluster: () => Running) => void): void {
  if (!cluster.ok) {
    describe.skip(`${name} (skipped: ${cluster.reason})`, () => body(() => cluster as never));
    return;
  }
  afterAll(() => cluster.stop());
  describe(name, () => {
    beforeAll(() => {});
    body(() => cluster);
  });
}
