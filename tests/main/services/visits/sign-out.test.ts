import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { K30Client } from '../../../../src-main/k30/client';
import { startSimulator } from '../../../../src-main/k30/simulator';
import { DEMO_DEVICES } from '../../../../src-main/k30/simulator/seed';
import { AppError } from '../../../../src-main/services/app-error';
import { SignOutService } from '../../../../src-main/services/visits/sign-out';
import { demoRegistration } from '../../../helpers/test-data';
import { visitProcess } from '../../../helpers/visit-process';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
let dir: string;
let clock: number;
const now = () => new Date(clock);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sign-out-'));
  clock = Date.now();
  sim = await startSimulator({ port: 0, seed: 'demo' });
});
afterEach(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

async function services() {
  const client = new K30Client({ server: sim.url, credentials: sim.credentials, timeoutMs: 2000, retries: { attempts: 1 } });
  const { log, ledger, events, registration, removal } = await visitProcess({ dataDir: dir, client, now, ledgerOnClock: true });
  const signOut = new SignOutService({ ledger, removal, events, log, now, wrongCodes: { limit: 3, windowMs: 60_000 } });
  return { log, ledger, registration, removal, signOut };
}

const setOnline = (no: string, online: boolean) =>
  fetch(`${sim.url}/__sim/device`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ no, online }) });

describe('sign-out (签离)', () => {
  it('staff sign-out ends the visit now and removes the visitor from K30', async () => {
    const { registration, signOut } = await services();
    const visit = await registration.register(demoRegistration({ deviceNos: [DEMO_DEVICES.campusGateIn] }));
    expect(sim.state.visitors.has(visit.k30No!)).toBe(true);
    const out = await signOut.signOut(visit.id, 'staff');
    expect(out.state).toBe('removed');
    expect(out.signedOutAt).toBe(now().toISOString());
    expect(Date.parse(out.end)).toBeLessThanOrEqual(clock);
    expect(out.history.map((h) => h.event)).toEqual(expect.arrayContaining(['signed-out', 'removed']));
    expect(sim.state.visitors.has(visit.k30No!)).toBe(false);
  });

  it('a door offline keeps the signed-out visit removal-pending (retried by the sweeper), never reported removed', async () => {
    const { registration, signOut, removal } = await services();
    const visit = await registration.register(demoRegistration({ deviceNos: [DEMO_DEVICES.campusGateIn] }));
    await setOnline(DEMO_DEVICES.campusGateIn, false);
    const out = await signOut.signOut(visit.id, 'staff');
    expect(out.state).toBe('removal-pending');
    expect(out.signedOutAt).toBeDefined();
    expect(sim.state.visitors.has(visit.k30No!)).toBe(true);
    await setOnline(DEMO_DEVICES.campusGateIn, true);
    clock += 60 * 60_000;
    await removal.removeExpired();
    expect(sim.state.visitors.has(visit.k30No!)).toBe(false);
  });

  it('a registration that never reached K30 cannot be signed out (cancel it instead)', async () => {
    const { registration, signOut } = await services();
    await sim.close();
    const visit = await registration.register(demoRegistration()).catch(() => undefined);
    expect(visit).toBeUndefined();
    const [record] = (await services()).ledger.all();
    expect(['create-failed', 'create-unknown', 'intent']).toContain(record?.state ?? 'create-failed');
    if (record) await expect(signOut.signOut(record.id, 'staff')).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(signOut.signOut('no-such-visit', 'staff')).rejects.toMatchObject({ code: 'not-found' });
    sim = await startSimulator({ port: 0, seed: 'demo' });
  });

  it('every visit gets its own 8-character Crockford code, never the K30 number', async () => {
    const { registration } = await services();
    const a = await registration.register(demoRegistration());
    const b = await registration.register(demoRegistration({ name: '访客乙' }));
    for (const v of [a, b]) {
      expect(v.visitCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      expect(v.visitCode).not.toBe(v.k30No);
    }
    expect(a.visitCode).not.toBe(b.visitCode);
  });
});

describe('"I\'m leaving" by visit code', () => {
  it('the right code (any case, with a hyphen, O for 0) signs the visitor out and removes them from K30', async () => {
    const { registration, signOut } = await services();
    const visit = await registration.register(demoRegistration({ channel: 'kiosk', consent: { data: true, photo: true } }));
    const typed = `${visit.visitCode!.slice(0, 4)}-${visit.visitCode!.slice(4)}`.toLowerCase().replace(/0/g, 'o');
    await expect(signOut.signOutByCode(typed)).resolves.toEqual({ removal: 'done' });
    expect(sim.state.visitors.has(visit.k30No!)).toBe(false);
  });

  it('a wrong, malformed or finished code gets one answer that reveals nothing, and the visit stays', async () => {
    const { registration, signOut, log } = await services();
    const visit = await registration.register(demoRegistration());
    const code = visit.visitCode!;
    const wrong = code.slice(0, 7) + (code[7] === 'Z' ? 'Y' : 'Z');
    const answers: unknown[] = [];
    for (const attempt of [wrong, 'short', '13812345678']) {
      const error = await signOut.signOutByCode(attempt).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      answers.push({ code: (error as AppError).code, message: (error as AppError).message });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ code: 'not-found' });
    expect(sim.state.visitors.has(visit.k30No!)).toBe(true);
    expect(log.lines.join('\n')).not.toContain(code);
  });

  it('after too many wrong codes every attempt waits, even the right code, until the window passes', async () => {
    const { registration, signOut } = await services();
    const visit = await registration.register(demoRegistration());
    for (let i = 0; i < 3; i++) await expect(signOut.signOutByCode('AAAAAAAA')).rejects.toMatchObject({ code: 'not-found' });
    await expect(signOut.signOutByCode(visit.visitCode!)).rejects.toMatchObject({ code: 'rate-limited' });
    expect(sim.state.visitors.has(visit.k30No!)).toBe(true);
    clock += 61_000;
    await expect(signOut.signOutByCode(visit.visitCode!)).resolves.toEqual({ removal: 'done' });
  });

  it('a code already signed out no longer works', async () => {
    const { registration, signOut } = await services();
    const visit = await registration.register(demoRegistration());
    await signOut.signOutByCode(visit.visitCode!);
    await expect(signOut.signOutByCode(visit.visitCode!)).rejects.toMatchObject({ code: 'not-found' });
  });
});
