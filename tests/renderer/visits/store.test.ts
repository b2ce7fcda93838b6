import { describe, expect, it } from 'vitest';
import type { Registration } from '../../../src-preload/contract';
import { useVisitsStore } from '../../../src-renderer/src/visits/store';
import { visitFrom } from '../../helpers/visit-from';

describe('visits store', () => {
  it('a late, older copy of a visit does not overwrite a newer one', () => {
    const reg = {
      name: 'x',
      documentType: 'id-card',
      hostNo: 'H',
      hostName: 'h',
      begin: '',
      end: '',
      deviceNos: [],
      channel: 'reception',
    } as unknown as Registration;
    useVisitsStore.getState().upsert(visitFrom(reg, 'pushed', 3));
    useVisitsStore.getState().upsert(visitFrom(reg, 'intent', 1));
    expect(useVisitsStore.getState().byId.v1.state).toBe('pushed');
  });
});
