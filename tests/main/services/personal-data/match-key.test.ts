import { describe, expect, it } from 'vitest';
import { loadMatchKeys, MATCH_KEY_STORE_KEY, matchKeysWith, normaliseDocumentNo, normalisePhone } from '../../../../src-main/services/personal-data/match-key';
import { mapStore, testSecretBox } from '../../../helpers/test-ports';

describe('normalising before matching', () => {
  it('writes one phone one way', () => {
    expect(normalisePhone('138 0013 8000')).toBe('13800138000');
    expect(normalisePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalisePhone('0086 13800138000')).toBe('13800138000');
    expect(normalisePhone('+44 20 7946 0958')).toBe('442079460958');
    expect(normalisePhone('0044 20 7946 0958')).toBe('442079460958');
    expect(normalisePhone('(010) 6552-9988')).toBe('01065529988');
  });

  it('writes one document number one way', () => {
    expect(normaliseDocumentNo('11010519491231002x')).toBe('11010519491231002X');
    expect(normaliseDocumentNo(' e1234 5678 ')).toBe('E12345678');
    expect(normaliseDocumentNo('Ｈ１２３４５６７８')).toBe('H12345678');
  });
});

describe('match keys', () => {
  const keys = matchKeysWith('00'.repeat(32));

  it('matches the same person however the number was typed, and never contains the number', () => {
    expect(keys.phone('+86 138 0013 8000')).toBe(keys.phone('13800138000'));
    expect(keys.document('11010519491231002x')).toBe(keys.document('11010519491231002X'));
    expect(keys.phone('13800138000')).not.toContain('13800138000');
    expect(keys.phone('13800138000')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps phones and documents apart, and gives nothing for an empty value', () => {
    expect(keys.phone('12345678')).not.toBe(keys.document('12345678'));
    expect(keys.phone(' - ')).toBeUndefined();
    expect(keys.document('')).toBeUndefined();
  });

  it('differs between installs (another key, another hash)', () => {
    expect(matchKeysWith('11'.repeat(32)).phone('13800138000')).not.toBe(keys.phone('13800138000'));
  });

  it('makes the key once, keeps it only sealed, and finds it again after a restart', () => {
    const store = mapStore();
    const box = testSecretBox();
    const first = loadMatchKeys(store, box).phone('13800138000');
    const sealed = store.raw.get(MATCH_KEY_STORE_KEY);
    expect(typeof sealed).toBe('string');
    expect(box.open(sealed as string)).toMatch(/^[0-9a-f]{64}$/);
    expect(sealed).not.toContain(box.open(sealed as string));
    expect(loadMatchKeys(store, box).phone('13800138000')).toBe(first);
  });

  it('refuses to match (rather than silently making a new key) when the sealed key cannot be opened', () => {
    const store = mapStore();
    const box = testSecretBox();
    loadMatchKeys(store, box);
    box.failOpen = true;
    expect(() => loadMatchKeys(store, box)).toThrow();
  });
});
