import { expect, it } from 'vitest';
import type { Actor } from '../../src-preload/contract';
import { AuditLog, type AuditStore } from '../../src-main/services/audit/audit-log';
import { memoryLogger } from './test-ports';

const STATION: Actor = { station: '一楼前台', kind: 'station' };

/** The behaviour every audit store owes the audit log: run against the day files and the site database alike. */
export function auditStoreSuite(makeStore: () => Promise<AuditStore>): void {
  const logOn = async (clock: { at: Date }) => new AuditLog({ store: await makeStore(), log: memoryLogger(), now: () => clock.at });

  it('lists newest first within the days asked for, and caps the page', async () => {
    const clock = { at: new Date('2026-11-30T23:00:00Z') };
    const audit = await logOn(clock);
    await audit.record({ actor: STATION, action: 'registered', outcome: 'ok', detail: 'first' });
    clock.at = new Date('2026-12-01T08:00:00Z');
    await audit.record({ actor: STATION, action: 'door-opened', outcome: 'ok', detail: 'second' });
    await audit.record({ actor: STATION, action: 'signed-out', outcome: 'refused', detail: 'third' });
    const all = await audit.list({});
    expect(all).toEqual({
      entries: [expect.objectContaining({ detail: 'third' }), expect.objectContaining({ detail: 'second' }), expect.objectContaining({ detail: 'first' })],
      truncated: false,
    });
    expect((await audit.list({ from: '2026-12-01', to: '2026-12-01' })).entries.map((e) => e.detail)).toEqual(['third', 'second']);
    expect((await audit.list({ to: '2026-11-30' })).entries.map((e) => e.detail)).toEqual(['first']);
    expect(await audit.list({}, 2)).toEqual({
      entries: [expect.objectContaining({ detail: 'third' }), expect.objectContaining({ detail: 'second' })],
      truncated: true,
    });
  });

  it('purges whole UTC days past the retention period and nothing else', async () => {
    const clock = { at: new Date() };
    const audit = await logOn(clock);
    for (const day of ['2026-10-01', '2026-11-01', '2026-11-02', '2026-12-01']) {
      clock.at = new Date(`${day}T12:00:00Z`);
      await audit.record({ actor: STATION, action: 'registered', outcome: 'ok', detail: day });
    }
    clock.at = new Date('2026-12-01T12:00:00Z');
    expect(await audit.purge(30)).toEqual(['2026-10-01', '2026-11-01']);
    expect((await audit.list({})).entries.map((e) => e.detail)).toEqual(['2026-12-01', '2026-11-02']);
    expect(await audit.purge(30)).toEqual([]);
  });
}
