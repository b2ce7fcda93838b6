/** The settings store's admin PIN against a fake `window.kiosk` (main announces settings by event). */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PublicSettings, Result } from '../../../src-preload/contract';
import { installFakeKiosk } from '../../helpers/fake-kiosk';
import { publicSettings } from '../../helpers/public-settings';

let setAdminPin: (input: { current?: string; next: string }) => Promise<Result<PublicSettings>>;
const kiosk = installFakeKiosk({ setAdminPin: (input: { current?: string; next: string }) => setAdminPin(input) });

const { adminIn, useSettingsStore } = await import('../../../src-renderer/src/settings/store');
const { startEventBridge } = await import('../../../src-renderer/src/app/event-bridge');
startEventBridge();

const SETTINGS = publicSettings();

describe('settings store: the admin PIN', () => {
  beforeEach(() => useSettingsStore.setState({ settings: SETTINGS, adminUnlocked: false }));

  it('setting the first PIN from the open page keeps it open, though main announces the PIN before it answers', async () => {
    const seen: boolean[] = [];
    const off = useSettingsStore.subscribe((s) => seen.push(adminIn(s)));
    setAdminPin = async () => {
      const next = { ...SETTINGS, adminPinSet: true };
      kiosk.emit('settingsChanged', next); // settingsChanged comes first, as from main
      return { ok: true, value: next };
    };
    const result = await useSettingsStore.getState().setAdminPin(undefined, '2468');
    off();
    expect(result.ok).toBe(true);
    expect(useSettingsStore.getState().settings?.adminPinSet).toBe(true);
    expect(adminIn(useSettingsStore.getState())).toBe(true);
    expect(seen, 'never locked on the way').not.toContain(false);
  });

  it('a refused change leaves a locked page locked', async () => {
    useSettingsStore.setState({ settings: { ...SETTINGS, adminPinSet: true }, adminUnlocked: false });
    setAdminPin = async () => ({ ok: false, error: { code: 'wrong-pin', message: 'The current PIN is wrong' } });
    await useSettingsStore.getState().setAdminPin('0000', '1357');
    expect(adminIn(useSettingsStore.getState())).toBe(false);
  });
});
