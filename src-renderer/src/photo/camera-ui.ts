import type { MessageKey, Translate } from '../i18n/translate';
import type { CameraProblem } from './useCamera';

/** What to tell the user about a camera that cannot be used (and what to do). */
export const CAMERA_PROBLEM_KEYS: Record<CameraProblem, MessageKey> = {
  denied: 'photo.error.denied',
  notFound: 'photo.error.notFound',
  busy: 'photo.error.busy',
  unsupported: 'photo.error.unsupported',
  generic: 'photo.error.generic',
};

/** What a capture in progress says (on its button, and to screen readers): the 3-2-1, then "fitting…"; '' when idle. */
export function captureProgress(t: Translate, capture: { countdown: number | null; processing: boolean }): string {
  if (capture.countdown !== null && capture.countdown > 0) return t('photo.countdown', { n: capture.countdown });
  return capture.processing ? t('photo.fitting') : '';
}
