/**
 * Main's own fixed English sentences about a visit (its last error, a door's result) in the app's
 * language; anything else is the server's or the network's words, shown as a detail and marked so.
 * Main records these as text in the ledger, so the renderer recognises them. Pure (unit-tested).
 */
import type { Translate } from '../i18n/translate';

const FIXED: { pattern: RegExp; say: (t: Translate, m: RegExpExecArray) => string }[] = [
  { pattern: /^The app stopped while registering/, say: (t) => t('serviceText.appStopped') },
  { pattern: /^Abandoned with its outcome unknown/, say: (t) => t('serviceText.mayRemain') },
  { pattern: /^The server created the visitor but returned no visitor number/, say: (t) => t('serviceText.noNumber') },
  { pattern: /^no visitor number$/, say: (t) => t('serviceText.noVisitorNumber') },
  { pattern: /^Push to devices failed: (.*)$/s, say: (t, m) => t('serviceText.pushFailed', { message: m[1] }) },
];

/** What the screen says for a service text ('' for none). */
export function serviceText(text: string | undefined, t: Translate): string {
  if (!text) return '';
  for (const { pattern, say } of FIXED) {
    const m = pattern.exec(text);
    if (m) return say(t, m);
  }
  return t('error.detail', { detail: text });
}
