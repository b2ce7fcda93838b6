/** Pure translation: no React, no store (unit-testable). */
import type { KioskError, Language } from '../../../src-preload/contract';
import { dictionaryOf } from './dictionaries';
import { zhCN, type MessageKey, type Messages } from './zh-CN';

export type { MessageKey, Messages };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;
/** A message not yet translated: its key and parameters (e.g. a field's error with its {max}). */
export interface MessageRef {
  key: MessageKey;
  params?: Params;
}

/**
 * The message in `language` (zh-CN's while that language's dictionary is not loaded). Fills a
 * template: `{name}` is the parameter; `{name|one|other}` picks the English singular or plural by
 * the number (`#` in it is the number), so "1 device" and "2 devices" come out right.
 */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const template = dictionaryOf(language)?.[key] ?? zhCN[key] ?? key;
  if (!params) return template;
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
      name in params ? (Number(params[name]) === 1 ? one : other).replace(/#/g, String(params[name])) : whole,
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const translator =
  (language: Language): Translate =>
  (key, params) =>
    translate(language, key, params);

/** Errors whose message is main's own English (no server's words to show). */
const OWN_WORDS = new Set<KioskError['code']>(['staff-required', 'deny-listed', 'see-reception', 'deny-list-unavailable', 'pin-required', 'not-allowed']);

/** What to tell the user about an error: the specific message (with what to do) and any detail. */
export function describeError(t: Translate, error: KioskError): { message: string; detail?: string } {
  // Disk trouble: our own words only (the K30 number, and what is wrong with the disk).
  if (error.code === 'not-saved') {
    const message =
      error.k30State === 'created' || !error.k30State
        ? t('error.not-saved', { no: error.k30No ?? '—' })
        : t('error.notSavedState', { state: t(`state.${error.k30State}`) });
    return { message, detail: t(`disk.${error.disk ?? 'other'}`) };
  }
  if (error.code === 'disk-error') return { message: t('error.disk-error'), detail: t(`disk.${error.disk ?? 'other'}`) };
  // Main's own English words about PINs, staff and the deny list never reach the screen: our words only.
  if (error.code === 'wrong-pin') {
    const seconds = /try again in (\d+)\s*s/i.exec(error.message)?.[1];
    return { message: seconds ? t('error.pinLockedFor', { seconds }) : t('error.wrong-pin') };
  }
  if (OWN_WORDS.has(error.code)) return { message: t(`error.${error.code}`) };
  const message = t(`error.${error.code}`);
  // The server's own words are useful; our internal messages are not.
  const showDetail = error.code !== 'internal' && error.code !== 'invalid-input' && error.message && error.message !== error.code;
  return { message, detail: showDetail ? t('error.detail', { detail: error.message }) : undefined };
}
