import type { MessageKey, Translate } from '../i18n/translate';
import { useSettingsStore } from '../settings/store';
import type { CameraProblem } from './useCamera';

/** Where the camera choice lived before the app moved from file:// to app://kiosk (origin-bound). */
const LEGACY_CAMERA_KEY = 'k30.cameraId';

/** What to tell the user about a camera that cannot be used (and what to do). */
export const CAMERA_PROBLEM_KEYS: Record<CameraProblem, MessageKey> = {
  denied: 'photo.error.denied',
  notFound: 'photo.error.notFound',
  busy: 'photo.error.busy',
  unsupported: 'photo.error.unsupported',
  generic: 'photo.error.generic',
};

/**
 * The camera chosen on this machine ('' = the default one): a setting in main, so it survives the
 * page's origin changing (localStorage is per origin) and is the same for every window.
 */
export function rememberedCamera(): string {
  return useSettingsStore.getState().settings?.cameraId ?? legacyCamera();
}

export function rememberCamera(id: string): void {
  // Not remembered (kiosk mode refuses settings changes): the choice still holds for this visit.
  void useSettingsStore.getState().save({ cameraId: id });
}

/** A choice still in localStorage (development, the harness): read it, never write it again. */
function legacyCamera(): string {
  try {
    return localStorage.getItem(LEGACY_CAMERA_KEY) ?? '';
  } catch {
    return '';
  }
}

/** What a capture in progress says (on its button, and to screen readers): the 3-2-1, then "fitting…"; '' when idle. */
export function captureProgress(t: Translate, capture: { countdown: number | null; processing: boolean }): string {
  if (capture.countdown !== null && capture.countdown > 0) return t('photo.countdown', { n: capture.countdown });
  return capture.processing ? t('photo.fitting') : '';
}
