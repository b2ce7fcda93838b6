import type { Registration, Visit } from '../../src-preload/contract';

/** The visit main would send back for a registration, in a given state with `history` entries. */
export function visitFrom(reg: Registration, state: Visit['state'], history = 1): Visit {
  return {
    id: 'v1',
    state,
    k30No: state === 'pushed' ? '123' : undefined,
    channel: reg.channel,
    visitor: { name: reg.name, phoneMasked: '139****5678', documentType: reg.documentType, documentMasked: '', carno: '', reason: '' },
    host: { no: reg.hostNo, name: reg.hostName },
    begin: reg.begin,
    end: reg.end,
    devices: reg.deviceNos.map((no) => ({ no, state: 'waiting' as const })),
    history: Array.from({ length: history }, () => ({ at: new Date().toISOString(), event: state })),
    createdAt: new Date().toISOString(),
    photoKept: true,
  };
}
