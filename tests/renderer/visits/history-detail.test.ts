import { describe, expect, it } from 'vitest';
import { translator } from '../../../src-renderer/src/i18n/translate';
import { historyDetail } from '../../../src-renderer/src/visits/history-detail';

const doors: Record<string, string> = { D1001: '园区南门入口', D1007: '停车场入口' };
const doorName = (no: string) => doors[no] ?? no;

describe('visit history details', () => {
  it('says in Chinese what main noted in English, doors by name', () => {
    const t = translator('zh-CN');
    const show = (event: string, detail: string) => historyDetail(event, detail, t, doorName);
    expect(show('intent', 'reception')).toBe('前台登记');
    expect(show('intent', 'kiosk; consent to data and photo')).toBe('自助登记、访客已同意信息与照片的使用');
    expect(show('pushed', 'D1001, D1007')).toBe('园区南门入口、停车场入口');
    expect(show('device-confirmed', 'D1007: 下发成功')).toBe('停车场入口');
    expect(show('device-failed', 'D1007: 设备离线')).toBe('停车场入口：设备离线');
    expect(show('removal-pending', 'by staff')).toBe('由工作人员操作');
    expect(show('removal-pending', 'visit ended')).toBe('访问已结束');
    expect(show('created', 'K30 visitor 1760000000000001')).toBe('K30 访客编号 1760000000000001');
    expect(show('removed', 'K30 visitor 17 deleted')).toBe('已从 K30 删除（编号 17）');
    expect(show('passed', '停车场入口 (in)')).toBe('停车场入口 · 进');
    expect(show('push-failed', 'D1007: 设备离线')).toBe('停车场入口：设备离线');
    expect(show('removal-failed', '设备离线 (device offline: D1008)')).toBe('服务器返回：设备离线 (device offline: D1008)');
  });

  it('writes English details in English, and leaves nothing of the raw notes on a Chinese screen', () => {
    const en = translator('en');
    expect(historyDetail('intent', 'reception; consent to data and photo', en, doorName)).toBe('reception, the visitor consented to data and photo');
    expect(historyDetail('cancelled', 'by staff', en, doorName)).toBe('by staff');
    const zh = translator('zh-CN');
    for (const [event, detail] of [
      ['intent', 'reception'],
      ['intent', 'staff decided to send it again'],
      ['intent', 'staff registered it again, aware that K30 may now hold a duplicate'],
      ['abandoned', 'by staff; an unpushed visitor may remain on K30'],
      ['removal-rescheduled', 'next attempt was 2030-01-01T00:00:00Z: the clock moved back'],
      ['pushed', 'D1007'],
      ['cancelled', 'by staff'],
      ['create-unknown', 'found after restart'],
      ['removed', 'K30 visitor 9 already gone: 访客不存在'],
    ]) {
      expect(historyDetail(event, detail, zh, doorName)).not.toMatch(/by staff|reception|kiosk|visitor|found|send|D1007|already|again|clock|next attempt/);
    }
  });
});
