/**
 * Issue #8 B7: quitting the app must not end an admin PIN lockout (a visitor at a kiosk could
 * otherwise pull the plug between guesses). The count and the lockout live in the settings file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-main/services/app-error';
import { SettingsService } from '../../../../src-main/services/settings/settings-service';
import { confStore } from '../../../harness/stores';
import { memoryLogger, testSecretBox } from '../../../helpers/test-ports';

const PIN = '2468';
let dir: string;
let clock: number;

/** The app as it starts: a fresh SettingsService over the settings file on disk. */
const start = () => new SettingsService(confStore(dir), testSecretBox(), memoryLogger(), { scryptN: 2 ** 10, now: () => clock });

function refused(settings: SettingsService, pin: string): AppError {
  try {
    settings.verifyPin(pin);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the PIN to be refused');
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pin-lockout-'));
  clock = Date.parse('2030-01-01T09:00:00Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('admin PIN lockout across restarts', () => {
  it('a lockout earned before a restart still holds after it, even for the right PIN, and ends on time', () => {
    start().setPin(undefined, PIN);
    const first = start();
    for (let i = 0; i < 5; i++) expect(first.verifyPin('0000')).toBe(false);

    const restarted = start();
    expect(refused(restarted, PIN).code).toBe('wrong-pin');
    clock += 29_000;
    expect(refused(start(), PIN).code).toBe('wrong-pin');
    clock += 1_000;
    expect(start().verifyPin(PIN)).toBe(true);
  });

  it('wrong PINs counted before a restart still count after it, and the next lockout doubles', () => {
    start().setPin(undefined, PIN);
    for (let i = 0; i < 3; i++) expect(start().verifyPin('0000')).toBe(false);
    // Two more, each after a "restart": the fifth locks.
    expect(start().verifyPin('1111')).toBe(false);
    expect(start().verifyPin('1111')).toBe(false);
    expect(refused(start(), PIN).code).toBe('wrong-pin');

    clock += 30_000;
    for (let i = 0; i < 5; i++) expect(start().verifyPin('0000')).toBe(false);
    clock += 59_000; // the second lockout is 60 s
    expect(refused(start(), PIN).code).toBe('wrong-pin');
    clock += 1_000;
    expect(start().verifyPin(PIN)).toBe(true);
  });

  it('a clock set back cannot stretch a lockout beyond the longest one (15 min)', () => {
    start().setPin(undefined, PIN);
    for (let i = 0; i < 5; i++) start().verifyPin('0000');
    clock -= 365 * 24 * 3600_000; // the clock jumps a year back
    expect(refused(start(), PIN).message).toContain('900 s');
    clock += 15 * 60_000;
    expect(start().verifyPin(PIN)).toBe(true);
  });
});
