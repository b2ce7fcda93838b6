import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { MessageKey, Params } from '../i18n/translate';
import type { CapturedPhoto } from './captured-photo';
import { capturePhoto, type InspectFrame } from './capture';

export const COUNTDOWN_FROM = 3;

export interface CaptureError {
  key: MessageKey;
  params?: Params;
}

/**
 * "3-2-1, then capture" from a live <video>: the countdown, the fitting that follows, and what went
 * wrong. Shared by the reception wizard and the self-service kiosk.
 */
export function useCountdownCapture(
  videoRef: RefObject<HTMLVideoElement | null>,
  maxKB: number,
  onPhoto: (photo: CapturedPhoto) => void,
  from = COUNTDOWN_FROM,
  inspect?: InspectFrame,
) {
  const [countdown, setCountdown] = useState<number | null>(null);
  const [processing, setProcessing] = useState(false);
  const [error, setError] = useState<CaptureError | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (countdown === null) return undefined;
    if (countdown > 0) {
      const timer = setTimeout(() => setCountdown(countdown - 1), 1000);
      return () => clearTimeout(timer);
    }
    const video = videoRef.current;
    setCountdown(null);
    if (!video) return undefined;
    setProcessing(true);
    void capturePhoto(video, maxKB, inspect).then((result) => {
      if (!mounted.current) return;
      setProcessing(false);
      if (result.ok) onPhoto(result.photo);
      else
        setError(
          result.reason === 'too-large'
            ? { key: 'photo.error.tooLarge', params: { kb: maxKB } }
            : result.reason === 'too-small'
              ? { key: 'photo.error.tooSmall' }
              : { key: 'photo.error.encode' },
        );
    });
    return undefined;
  }, [countdown, maxKB, onPhoto, videoRef, inspect]);

  const start = useCallback(() => {
    setError(null);
    setCountdown(from);
  }, [from]);
  const clearError = useCallback(() => setError(null), []);

  return { countdown, processing, busy: countdown !== null || processing, error, start, clearError };
}
