import { useEffect, useState, type RefObject } from 'react';
import type { PhotoRules } from '../../../../src-preload/contract';
import type { Box } from './face-crop';
import type { FaceEngine } from './face-engine';
import type { FaceVerdict } from './face-rules';
import { loadFaceEngine } from './load-face-engine';

/** Pause between two live checks: with the check itself, several a second. */
export const LIVE_CHECK_PAUSE_MS = 120;

export type EngineState = 'loading' | 'ready' | 'unavailable';

/** The verdict when the detector could not be loaded: nothing is known about the photo. */
export const UNAVAILABLE: FaceVerdict = Object.freeze({ failed: ['detector-unavailable'], passed: [] }) as FaceVerdict;

/** The detector, loaded when the photo step shows (null until ready or when it cannot load). */
export function useFaceEngine(): { engine: FaceEngine | null; state: EngineState } {
  const [loaded, setLoaded] = useState<{ engine: FaceEngine | null; state: EngineState }>({ engine: null, state: 'loading' });
  useEffect(() => {
    let live = true;
    loadFaceEngine().then(
      (engine) => live && setLoaded({ engine, state: 'ready' }),
      () => live && setLoaded({ engine: null, state: 'unavailable' }),
    );
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}

/**
 * The live verdict on the preview while `active`: one check after another, a short pause between
 * (never two at once). null until the first check has run.
 */
export function useLiveFaceCheck(
  videoRef: RefObject<HTMLVideoElement | null>,
  active: boolean,
  engine: FaceEngine | null,
  engineState: EngineState,
  rules: PhotoRules,
): FaceVerdict | null {
  const [verdict, setVerdict] = useState<FaceVerdict | null>(null);
  useEffect(() => {
    if (!active || engineState === 'loading') return undefined;
    let stopped = false;
    let previous: Box | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const video = videoRef.current;
      if (video && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        try {
          const result = engine ? await engine.check(video, rules, previous) : { verdict: UNAVAILABLE, box: undefined };
          previous = result.box;
          if (!stopped) setVerdict(result.verdict);
        } catch {
          if (!stopped) setVerdict(UNAVAILABLE);
        }
      }
      if (!stopped) timer = setTimeout(() => void tick(), LIVE_CHECK_PAUSE_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      setVerdict(null);
    };
  }, [active, engine, engineState, rules, videoRef]);
  return verdict;
}
