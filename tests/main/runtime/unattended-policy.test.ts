import { describe, expect, it } from 'vitest';
import { closeAllowed, reloadAfterGone, ReloadBudget, xdgAutostartEntry } from '../../../src-main/runtime/unattended-policy';

describe('unattended kiosk policies', () => {
  it('refuses closing in self-service mode unless the OS is shutting down', () => {
    expect(closeAllowed({ selfServiceMode: true, osShuttingDown: false })).toBe(false);
    expect(closeAllowed({ selfServiceMode: true, osShuttingDown: true })).toBe(true);
    expect(closeAllowed({ selfServiceMode: false, osShuttingDown: false })).toBe(true);
  });

  it('reloads a crashed renderer, but not in a loop', () => {
    expect(reloadAfterGone('crashed')).toBe(true);
    expect(reloadAfterGone('oom')).toBe(true);
    expect(reloadAfterGone('clean-exit')).toBe(false);
    let t = 0;
    const budget = new ReloadBudget(3, 60_000, () => t);
    expect([budget.take(), budget.take(), budget.take(), budget.take()]).toEqual([true, true, true, false]);
    t = 60_001;
    expect(budget.take()).toBe(true);
  });

  it('writes an XDG autostart entry, quoting a path with spaces', () => {
    const entry = xdgAutostartEntry({ name: 'K30 Visitor Kiosk', exec: '/opt/K30 Visitor Kiosk/k30-visitor-kiosk' });
    expect(entry).toContain('[Desktop Entry]\nType=Application\nName=K30 Visitor Kiosk\n');
    expect(entry).toContain('Exec="/opt/K30 Visitor Kiosk/k30-visitor-kiosk"\n');
    expect(xdgAutostartEntry({ name: 'K', exec: '/usr/bin/k30' })).toContain('Exec=/usr/bin/k30\n');
  });
});
