import { describe, expect, it } from 'vitest';
import { SiteSealer } from '../../../../../src-main/services/visits/pg/site-sealer';

const fields = { phone: '13812345678', documentNo: '11010119900307123X', photo: '/9j/AAAA' };

describe('site sealer', () => {
  it('reuses the last sealing of unchanged fields, and seals changed ones anew', () => {
    const sealer = new SiteSealer('our site');
    const first = sealer.seal('v', fields);
    expect(JSON.stringify(first)).not.toContain('13812345678');
    expect(sealer.seal('v', { ...fields })).toBe(first);
    const changed = sealer.seal('v', { phone: fields.phone, documentNo: fields.documentNo });
    expect(changed).not.toEqual(first);
    expect(new SiteSealer('our site').open('v', changed)).toEqual({ phone: fields.phone, documentNo: fields.documentNo });
    expect(sealer.seal('w', fields)).not.toBe(first);
  });

  it('opens what another station sealed, and refuses another site’s key', () => {
    const sealed = new SiteSealer('our site').seal('v', fields);
    const reader = new SiteSealer('our site');
    expect(reader.open('v', sealed)).toEqual(fields);
    expect(reader.open('v', sealed)).toEqual(fields);
    expect(() => new SiteSealer('another site').open('v', sealed)).toThrow();
  });

  it('stores empty private fields as they are (nothing to hide)', () => {
    const sealer = new SiteSealer('our site');
    expect(sealer.seal('v', {})).toEqual({});
    expect(sealer.open('v', {})).toEqual({});
  });
});
