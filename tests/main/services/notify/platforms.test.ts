import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliver } from '../../../../src-main/services/notify/deliver';
import { judgeAnswer, type NotificationMessage } from '../../../../src-main/services/notify/platforms';
import { startWebhookStandIn } from '../../../helpers/webhook-stand-in';

/**
 * Each platform's documented body and signature, checked the way the platform checks it: the
 * stand-in recomputes the signature from the secret it shares, independently of our signing code.
 */
const MESSAGE: NotificationMessage = {
  text: '【访客到访】\n访客: 李雷\n单位/事由: 示例科技 洽谈\n被访人: 张伟',
  mentionMobiles: ['13900001111'],
  event: { event: 'test', at: '2030-01-01T02:00:00.000Z', text: 'hello' },
};
const NOW = new Date('2030-01-01T02:00:00.000Z');
const SECRET = 'SECa1b2c3d4e5f6';

let hook: Awaited<ReturnType<typeof startWebhookStandIn>>;
beforeEach(async () => {
  hook = await startWebhookStandIn();
});
afterEach(async () => {
  await hook.close();
});

describe('WeCom group robot', () => {
  it('posts msgtype text with the host in mentioned_mobile_list, to the robot address as given', async () => {
    const verdict = await deliver({ kind: 'wecom', url: `${hook.url}/cgi-bin/webhook/send?key=KEY123`, secret: '' }, MESSAGE, NOW);
    expect(verdict).toMatchObject({ outcome: 'sent', status: 200 });
    const [r] = hook.received;
    expect(r.path).toBe('/cgi-bin/webhook/send');
    expect(r.query.get('key')).toBe('KEY123');
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.json).toEqual({ msgtype: 'text', text: { content: MESSAGE.text, mentioned_mobile_list: ['13900001111'] } });
  });
});

describe('DingTalk custom robot', () => {
  it('with signing: timestamp (ms) and sign = base64(HmacSHA256(secret, timestamp\\nsecret)) in the query, atMobiles in the body', async () => {
    await deliver({ kind: 'dingtalk', url: `${hook.url}/robot/send?access_token=TOKEN1`, secret: SECRET }, MESSAGE, NOW);
    const [r] = hook.received;
    expect(r.query.get('access_token')).toBe('TOKEN1');
    const timestamp = r.query.get('timestamp')!;
    expect(timestamp).toBe(String(NOW.getTime()));
    // URLSearchParams already decoded the URL-encoded sign: compare with the plain base64.
    const expected = createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64');
    expect(r.query.get('sign')).toBe(expected);
    expect(r.json).toEqual({ msgtype: 'text', text: { content: `${MESSAGE.text}\n@13900001111` }, at: { atMobiles: ['13900001111'], isAtAll: false } });
  });

  it('without a secret: no timestamp or sign', async () => {
    await deliver({ kind: 'dingtalk', url: `${hook.url}/robot/send?access_token=TOKEN1`, secret: '' }, { ...MESSAGE, mentionMobiles: [] }, NOW);
    const [r] = hook.received;
    expect(r.query.has('sign')).toBe(false);
    expect(r.json).toMatchObject({ text: { content: MESSAGE.text }, at: { atMobiles: [] } });
  });

  it('a 200 whose errcode is not 0 (e.g. 310000 bad signature) is a failure, not retried', async () => {
    hook.answer({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' });
    expect(await deliver({ kind: 'dingtalk', url: `${hook.url}/robot/send`, secret: SECRET }, MESSAGE, NOW)).toMatchObject({
      outcome: 'failed',
      reason: 'platform-error',
    });
  });
});

describe('Feishu / Lark custom bot', () => {
  it('with signature: timestamp (s) and sign = base64(HmacSHA256(key = timestamp\\nsecret, empty message)) in the body; no mention by phone', async () => {
    await deliver({ kind: 'feishu', url: `${hook.url}/open-apis/bot/v2/hook/abc`, secret: SECRET }, MESSAGE, NOW);
    const [r] = hook.received;
    const timestamp = r.json.timestamp as string;
    expect(timestamp).toBe(String(Math.floor(NOW.getTime() / 1000)));
    expect(r.json.sign).toBe(createHmac('sha256', `${timestamp}\n${SECRET}`).update(Buffer.alloc(0)).digest('base64'));
    expect(r.json).toMatchObject({ msg_type: 'text', content: { text: MESSAGE.text } });
    expect(r.body).not.toContain('13900001111');
  });

  it('without a secret: msg_type and content only', async () => {
    await deliver({ kind: 'feishu', url: `${hook.url}/open-apis/bot/v2/hook/abc`, secret: '' }, MESSAGE, NOW);
    expect(hook.received[0].json).toEqual({ msg_type: 'text', content: { text: MESSAGE.text } });
  });

  it('code 19021 (sign match fail) is a failure; code 0 and the older StatusCode 0 are delivered', () => {
    expect(judgeAnswer('feishu', 200, '{"code":19021,"msg":"sign match fail or timestamp is not within one hour from current time"}')).toEqual({
      outcome: 'failed',
      reason: 'platform-error',
    });
    expect(judgeAnswer('feishu', 200, '{"code":0,"msg":"success"}')).toEqual({ outcome: 'sent' });
    expect(judgeAnswer('feishu', 200, '{"StatusCode":0,"StatusMessage":"success"}')).toEqual({ outcome: 'sent' });
  });
});

describe('generic JSON webhook', () => {
  it('posts the documented event, signed: X-K30Kiosk-Signature = sha256=hex(HMAC(secret, timestamp.body))', async () => {
    hook.answer({ status: 204, body: '' });
    expect(await deliver({ kind: 'webhook', url: `${hook.url}/hooks/visitors`, secret: SECRET }, MESSAGE, NOW)).toMatchObject({ outcome: 'sent' });
    const [r] = hook.received;
    const timestamp = r.headers['x-k30kiosk-timestamp'] as string;
    expect(timestamp).toBe(String(Math.floor(NOW.getTime() / 1000)));
    expect(r.headers['x-k30kiosk-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${r.body}`).digest('hex')}`);
    expect(r.json).toEqual(MESSAGE.event);
  });
});

describe('answers', () => {
  it('4xx is refused for good, 5xx is retried, no connection is retried, no answer in time is retried as timeout', async () => {
    hook.answer({ status: 404, body: '{}' }, { status: 503, body: '' }, 'hang');
    const target = { kind: 'wecom' as const, url: `${hook.url}/x`, secret: '' };
    expect(await deliver(target, MESSAGE, NOW)).toMatchObject({ outcome: 'failed', reason: 'refused', status: 404 });
    expect(await deliver(target, MESSAGE, NOW)).toMatchObject({ outcome: 'retry', reason: 'server-error', status: 503 });
    expect(await deliver(target, MESSAGE, NOW, 300)).toMatchObject({ outcome: 'retry', reason: 'timeout' });
    await hook.close();
    expect(await deliver(target, MESSAGE, NOW)).toMatchObject({ outcome: 'retry', reason: 'unreachable' });
    hook = await startWebhookStandIn();
  });

  it('a redirect is not followed (the address is the credential; it goes nowhere else)', async () => {
    hook.answer({ status: 302, body: '' });
    expect(await deliver({ kind: 'webhook', url: `${hook.url}/x`, secret: '' }, MESSAGE, NOW)).toMatchObject({ outcome: 'failed', reason: 'refused' });
    expect(hook.received).toHaveLength(1);
  });
});
