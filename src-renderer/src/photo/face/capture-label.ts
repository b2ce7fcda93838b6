import type { Translate } from '../../i18n/translate';

/** What "take photo" says with the face check: the capture in progress, else ready, else what the check waits for. */
export function faceCaptureLabel(t: Translate, progress: string, face: { ready: boolean; advice: string }): string {
  return progress || (face.ready ? t('photo.capture') : t('faceCheck.waiting', { why: face.advice }));
}
