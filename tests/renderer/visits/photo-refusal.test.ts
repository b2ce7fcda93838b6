import { describe, expect, it } from 'vitest';
import type { Visit } from '../../../src-preload/contract';
import { translator } from '../../../src-renderer/src/i18n/translate';
import { canRetakePhoto, photoRefusals } from '../../../src-renderer/src/visits/photo-refusal';
import { historyDetail } from '../../../src-renderer/src/visits/history-detail';

const NOW = new Date('2030-01-01T02:00:00.000Z');

function visit(over: Partial<Visit> = {}): Visit {
  return {
    id: 'v1',
    state: 'pushed',
    k30No: '88',
    channel: 'reception',
    visitor: { name: '李四', phoneMasked: '138****5678', documentType: 'id-card', documentMasked: '1101**********1234', carno: '', reason: '' },
    host: { no: 'H1', name: '张伟' },
    begin: '2030-01-01T01:00:00.000Z',
    end: '2030-01-01T03:00:00.000Z',
    devices: [
      { no: 'gate', state: 'failed', message: '照片过大（5KB，上限 0KB）' },
      { no: 'lobby', state: 'failed', message: '设备离线' },
      { no: 'b', state: 'confirmed' },
    ],
    history: [],
    createdAt: '2030-01-01T01:00:00.000Z',
    photoKept: true,
    ...over,
  };
}

describe('a door that refused the photo', () => {
  it('is told from an offline door or a confirmed one by K30’s words', () => {
    expect(photoRefusals(visit()).map((d) => d.no)).toEqual(['gate']);
    expect(photoRefusals(visit({ devices: [{ no: 'x', state: 'failed', message: 'Face photo rejected' }] })).map((d) => d.no)).toEqual(['x']);
  });

  it('offers a retake only while the visit is live on K30 and a door refused its photo', () => {
    expect(canRetakePhoto(visit(), NOW)).toBe(true);
    expect(canRetakePhoto(visit({ devices: [{ no: 'lobby', state: 'failed', message: '设备离线' }] }), NOW)).toBe(false);
    expect(canRetakePhoto(visit({ state: 'removed' }), NOW)).toBe(false);
    expect(canRetakePhoto(visit({ state: 'removal-pending' }), NOW)).toBe(false);
    expect(canRetakePhoto(visit({ k30No: undefined }), NOW)).toBe(false);
    expect(canRetakePhoto(visit({ signedOutAt: '2030-01-01T01:30:00.000Z' }), NOW)).toBe(false);
    expect(canRetakePhoto(visit(), new Date('2030-01-01T03:00:00.000Z'))).toBe(false);
  });

  it('is explained with the door’s name and K30’s reason in both languages', () => {
    const params = { door: '园区大门', reason: '照片过大（5KB，上限 0KB）' };
    expect(translator('zh-CN')('retake.refusedAt', params)).toBe('门禁「园区大门」拒收了访客照片。门禁给出的原因：照片过大（5KB，上限 0KB）');
    expect(translator('en')('retake.refusedAt', params)).toContain('“园区大门” refused');
  });

  it('leaves no raw English of main’s retake note on a Chinese screen', () => {
    const zh = translator('zh-CN');
    const door = (no: string) => no;
    expect(historyDetail('photo-retake', 'new visit 79d5e4a4-dee2-445b: pushed', zh, door)).toBe('已用新照片重新登记为新访客（已下发）');
    expect(historyDetail('photo-retake', 'new visit 79d5e4a4-dee2-445b: socket hang up', zh, door)).toBe(
      '用新照片重新登记未成功，本访客保留。服务器返回：socket hang up',
    );
  });
});
