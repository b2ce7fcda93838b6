/** The face check in the user's words: the advice over the preview, and lists of checks. */
import type { PhotoCheckCode } from '../../../../src-preload/contract';
import type { Translate } from '../../i18n/translate';
import type { FaceVerdict } from './face-rules';
import type { EngineState } from './useFaceCheck';

/** What the guidance over the preview says now. */
export function adviceOf(t: Translate, verdict: FaceVerdict | null, engineState: EngineState): string {
  if (engineState === 'loading' || (!verdict && engineState === 'ready')) return t('faceCheck.loading');
  if (!verdict) return t('faceCheck.advice.detector-unavailable');
  const first = verdict.failed[0];
  return first ? t(`faceCheck.advice.${first}`) : t('faceCheck.ready');
}

/** The checks' names as one list in the user's language. */
export function checkNames(t: Translate, codes: readonly PhotoCheckCode[]): string {
  return codes.map((code) => t(`faceCheck.name.${code}`)).join(t('faceCheck.listSeparator'));
}
