import { createHmac } from 'node:crypto';
import type { NotificationFailure, NotificationKind } from '../../../src-preload/contract';
import type { DenyAlert } from './deny-alert';

/** What one notification says (never a visitor's document number or full phone). */
export interface NotificationMessage {
  /** The text as the group sees it. */
  text: string;
  /** Mobile numbers to mention (the host's), where the platform can. */
  mentionMobiles: string[];
  /** The generic webhook's structured payload. */
  event: GenericEvent;
}

/** The generic JSON webhook's body (documented in the README). */
export interface GenericEvent {
  event: 'visitor.registered' | 'visitor.first-pass' | 'deny-list.kiosk-hit' | 'test';
  /** ISO time of the event. */
  at: string;
  visit?: {
    id: string;
    visitorName: string;
    reason: string;
    host: { no: string; name: string; dept: string };
    begin: string;
    end: string;
    doors: string[];
    channel: 'reception' | 'kiosk';
  };
  /** A deny-listed person tried the self-service kiosk (the reception group's alert): no numbers. */
  denyListHit?: DenyAlert;
  text: string;
}

export interface ChannelTarget {
  kind: NotificationKind;
  url: string;
  /** DingTalk / Feishu signing secret, the generic webhook's HMAC key ('' = unsigned). */
  secret: string;
}

export interface PlatformRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export const GENERIC_SIGNATURE_HEADER = 'X-K30Kiosk-Signature';
export const GENERIC_TIMESTAMP_HEADER = 'X-K30Kiosk-Timestamp';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/**
 * The HTTP request each platform documents for a text message.
 * - WeCom (企业微信) group robot: POST the webhook URL with `{msgtype:"text", text:{content,
 *   mentioned_mobile_list}}`; no signature (the key in the URL is the credential).
 *   https://developer.work.weixin.qq.com/document/path/91770
 * - DingTalk (钉钉) custom robot: `{msgtype:"text", text:{content}, at:{atMobiles, isAtAll:false}}`
 *   (the mobiles also appear as "@mobile" in the text, which is what renders the mention). With
 *   signing on: timestamp in ms, sign = urlEncode(base64(HmacSHA256(key=secret, timestamp+"\n"+secret))),
 *   appended as `&timestamp=…&sign=…`. https://open.dingtalk.com/document/robots/customize-robot-security-settings
 * - Feishu/Lark custom bot: `{msg_type:"text", content:{text}}`; with signature verification on,
 *   `timestamp` (seconds, within an hour) and `sign` = base64(HmacSHA256(key=timestamp+"\n"+secret,
 *   message="")) go into the body. It cannot mention anyone by phone number (only by open_id).
 *   https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 * - Generic webhook: the GenericEvent as JSON; with a secret, `X-K30Kiosk-Timestamp` (unix
 *   seconds) and `X-K30Kiosk-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`.
 */
export function platformRequest(target: ChannelTarget, message: NotificationMessage, now: Date): PlatformRequest {
  switch (target.kind) {
    case 'wecom':
      return {
        url: target.url,
        headers: JSON_HEADERS,
        body: JSON.stringify({ msgtype: 'text', text: { content: message.text, mentioned_mobile_list: message.mentionMobiles } }),
      };
    case 'dingtalk': {
      const mentions = message.mentionMobiles.map((m) => `@${m}`).join(' ');
      const body = JSON.stringify({
        msgtype: 'text',
        text: { content: mentions ? `${message.text}\n${mentions}` : message.text },
        at: { atMobiles: message.mentionMobiles, isAtAll: false },
      });
      if (!target.secret) return { url: target.url, headers: JSON_HEADERS, body };
      const timestamp = String(now.getTime());
      const sign = dingTalkSign(timestamp, target.secret);
      const url = new URL(target.url);
      url.searchParams.set('timestamp', timestamp);
      url.searchParams.set('sign', sign);
      return { url: url.toString(), headers: JSON_HEADERS, body };
    }
    case 'feishu': {
      const content = { msg_type: 'text', content: { text: message.text } };
      if (!target.secret) return { url: target.url, headers: JSON_HEADERS, body: JSON.stringify(content) };
      const timestamp = String(Math.floor(now.getTime() / 1000));
      return { url: target.url, headers: JSON_HEADERS, body: JSON.stringify({ timestamp, sign: feishuSign(timestamp, target.secret), ...content }) };
    }
    case 'webhook': {
      const body = JSON.stringify(message.event);
      if (!target.secret) return { url: target.url, headers: JSON_HEADERS, body };
      const timestamp = String(Math.floor(now.getTime() / 1000));
      return {
        url: target.url,
        headers: { ...JSON_HEADERS, [GENERIC_TIMESTAMP_HEADER]: timestamp, [GENERIC_SIGNATURE_HEADER]: genericSignature(timestamp, body, target.secret) },
        body,
      };
    }
  }
}

/** DingTalk: base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)). Not yet URL-encoded. */
export function dingTalkSign(timestampMs: string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** Feishu: base64(HmacSHA256(key = timestamp + "\n" + secret, message = empty)). */
export function feishuSign(timestampSeconds: string, secret: string): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** The generic webhook: "sha256=" + hex HMAC-SHA256(secret, timestamp + "." + body). */
export function genericSignature(timestampSeconds: string, body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex')}`;
}

/** How an answer is judged: delivered, to be tried again, or failed for good. */
export type Verdict = { outcome: 'sent' } | { outcome: 'retry'; reason: NotificationFailure } | { outcome: 'failed'; reason: NotificationFailure };

/**
 * 2xx with the platform's own "ok" (WeCom and DingTalk `errcode: 0`, Feishu `code: 0` or the older
 * `StatusCode: 0`; the generic webhook any 2xx) is delivered. 5xx is retried; any 4xx is not (the
 * address or secret is wrong: sending again changes nothing). A 2xx whose body says no (bad
 * signature, keyword, rate limit) is not retried either.
 */
export function judgeAnswer(kind: NotificationKind, status: number, bodyText: string): Verdict {
  if (status >= 500) return { outcome: 'retry', reason: 'server-error' };
  if (status < 200 || status >= 300) return { outcome: 'failed', reason: 'refused' };
  if (kind === 'webhook') return { outcome: 'sent' };
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(bodyText) as Record<string, unknown>;
  } catch {
    return { outcome: 'failed', reason: 'platform-error' };
  }
  const code = kind === 'feishu' ? (body.code ?? body.StatusCode) : body.errcode;
  return Number(code) === 0 && code !== null && code !== '' ? { outcome: 'sent' } : { outcome: 'failed', reason: 'platform-error' };
}
