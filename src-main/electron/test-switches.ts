/**
 * Switches for tests of the real window (Playwright's `_electron`), read from the environment.
 * A packaged app ignores them all: whatever its environment says, it behaves as shipped.
 */

/** `1`: the demo simulator serves its control plane (`/__sim/`), which the `_electron` test drives. */
export const DEMO_CONTROL_PLANE_ENV = 'K30_KIOSK_TEST_SIM_CONTROL';

export function demoControlPlaneEnabled(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return !isPackaged && env[DEMO_CONTROL_PLANE_ENV] === '1';
}
