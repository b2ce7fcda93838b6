/**
 * Stops the demo simulator for real (its port closed, its connections cut: every K30 call then
 * fails with connection refused), and starts it again on the same port with its state intact.
 *
 * The harness runs the simulator in this process and tells only its URL, so the server is found
 * among the process's live handles by its port. Restarting matters: the harness closes the
 * simulator at teardown, and closing a server that is not listening fails.
 */
import { Server } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface StoppedSimulator {
  /** Listens again where it did (the same server object: same state, same credentials). */
  restart(): Promise<void>;
}

function serverAt(port: number): Server & { closeAllConnections?: () => void } {
  // Undocumented but long-standing; the only way to reach a server the harness does not hand out.
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  const found = handles.filter((h): h is Server => h instanceof Server && (h.address() as AddressInfo | null)?.port === port);
  if (found.length !== 1) throw new Error(`expected one server on port ${port}, found ${found.length}`);
  return found[0];
}

export async function stopSimulator(simulatorUrl: string): Promise<StoppedSimulator> {
  const url = new URL(simulatorUrl);
  const port = Number(url.port);
  const server = serverAt(port);
  await new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections would otherwise go on answering.
    server.closeAllConnections?.();
  });
  return {
    restart: () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, url.hostname, () => {
          server.off('error', reject);
          resolve();
        });
      }),
  };
}
