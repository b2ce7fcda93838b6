import { describe, expect, it } from 'vitest';
import { NotificationSettingsPatchSchema } from '../../../src-preload/contract';
import { draftOf, newChannel, patchOf } from '../../../src-renderer/src/settings/notification-draft';

const VIEW = {
  channels: [{ id: 'desk', kind: 'dingtalk' as const, label: '前台', mentionHost: true, urlSet: true, secretSet: true }],
  defaultChannelId: 'desk',
  routes: [{ department: '研发部', channelId: 'desk' }],
  notifyOnFirstPass: false,
  receptionChannelId: 'desk',
};

describe('notification settings form', () => {
  it('sends no address or secret unless typed or cleared', () => {
    const patch = patchOf(draftOf(VIEW));
    expect(patch.channels).toEqual([{ id: 'desk', kind: 'dingtalk', label: '前台', mentionHost: true }]);
    expect(NotificationSettingsPatchSchema.safeParse(patch).success).toBe(true);
  });

  it('typed values are sent, cleared ones as empty; a Feishu channel never mentions by phone; routes to removed channels are dropped', () => {
    const draft = draftOf(VIEW);
    draft.channels[0] = { ...draft.channels[0], url: ' https://oapi.dingtalk.com/robot/send?access_token=x ', clearSecret: true };
    const feishu = { ...newChannel(['desk'], 'feishu'), label: '飞书', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/y', mentionHost: true };
    draft.channels.push(feishu);
    draft.routes.push({ department: '销售部', channelId: 'gone' });
    const patch = patchOf(draft);
    expect(patch.channels![0]).toMatchObject({ url: 'https://oapi.dingtalk.com/robot/send?access_token=x', secret: '' });
    expect(patch.channels![1]).toMatchObject({ id: 'channel-1', kind: 'feishu', mentionHost: false });
    expect(patch.routes).toEqual([{ department: '研发部', channelId: 'desk' }]);
    expect(NotificationSettingsPatchSchema.safeParse(patch).success).toBe(true);
  });

  it('keeps the reception alert channel while it exists, and falls back to the default channel once it is removed', () => {
    const draft = draftOf(VIEW);
    expect(patchOf(draft).receptionChannelId).toBe('desk');
    draft.channels = [];
    expect(patchOf(draft).receptionChannelId).toBe('');
  });
});
