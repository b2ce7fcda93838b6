import { describe, expect, it } from 'vitest';
import { DEMO_CONTROL_PLANE_ENV, demoControlPlaneEnabled } from '../../../src-main/electron/test-switches';

describe('test-only switches', () => {
  it('the demo control plane: only an unpackaged app, only when the test asks', () => {
    expect(demoControlPlaneEnabled(false, { [DEMO_CONTROL_PLANE_ENV]: '1' })).toBe(true);
    expect(demoControlPlaneEnabled(true, { [DEMO_CONTROL_PLANE_ENV]: '1' })).toBe(false);
    expect(demoControlPlaneEnabled(false, {})).toBe(false);
    expect(demoControlPlaneEnabled(false, { [DEMO_CONTROL_PLANE_ENV]: 'true' })).toBe(false);
  });
});
