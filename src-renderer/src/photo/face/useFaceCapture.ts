import { useCallback, type RefObject } from 'react';
import type { CapturedPhoto } from '../captured-photo';
import type { InspectFrame } from '../capture';
import { useCountdownCapture } from '../useCountdownCapture';
import type { PhotoRules } from '../../../../src-preload/contract';
import { UNAVAILABLE, useFaceEngine, useLiveFaceCheck } from './useFaceCheck';

/**
 * The photo step's face check around the 3-2-1 capture: the detector (loaded now), the live
 * verdict on the preview while `live`, and the check of the captured frame (its crop and results
 * come with the photo).
 */
export function useFaceCapture(
  videoRef: RefObject<HTMLVideoElement | null>,
  live: boolean,
  maxKB: number,
  rules: PhotoRules,
  onPhoto: (photo: CapturedPhoto) => void,
) {
  const { engine, state } = useFaceEngine();
  const inspect = useCallback<InspectFrame>(async (frame) => (engine ? (await engine.check(frame, rules)).verdict : UNAVAILABLE), [engine, rules]);
  const capture = useCountdownCapture(videoRef, maxKB, onPhoto, undefined, state === 'loading' ? undefined : inspect);
  const verdict = useLiveFaceCheck(videoRef, live && !capture.busy, engine, state, rules);
  return { capture, verdict, engineState: state, ready: state !== 'loading' && verdict !== null && verdict.failed.length === 0 };
}
