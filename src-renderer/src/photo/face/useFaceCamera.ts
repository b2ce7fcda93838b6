import { useRef } from 'react';
import type { PhotoRules } from '../../../../src-preload/contract';
import { useT } from '../../i18n';
import { captureProgress } from '../camera-ui';
import type { CapturedPhoto } from '../captured-photo';
import { useCamera } from '../useCamera';
import { faceCaptureLabel } from './capture-label';
import { adviceOf } from './face-words';
import { useFaceCapture } from './useFaceCapture';

/**
 * The camera with the face check and the 3-2-1 capture, on while no photo is taken: what the
 * reception wizard, a visit's retake and the self-service kiosk take their photos with. What
 * each shows around it (and does with a photo that fails the check) stays its own.
 */
export function useFaceCamera(hasPhoto: boolean, deviceId: string, maxKB: number, rules: PhotoRules, onPhoto: (photo: CapturedPhoto) => void) {
  const t = useT();
  const camera = useCamera(!hasPhoto, deviceId);
  const videoRef = useRef<HTMLVideoElement>(null);
  const face = useFaceCapture(videoRef, !hasPhoto && camera.status === 'live', maxKB, rules, onPhoto);
  const { capture } = face;
  const advice = adviceOf(t, face.verdict, face.engineState);
  const progress = captureProgress(t, capture);
  return {
    camera,
    face,
    capture,
    advice,
    progress,
    captureLabel: faceCaptureLabel(t, progress, { ready: face.ready, advice }),
    /** CameraView's props but its class: the preview, the 3-2-1 and the advice over it. */
    view: { videoRef, stream: camera.stream, status: camera.status, countdown: capture.countdown, guidance: { text: advice, ok: face.ready } },
  };
}

export type FaceCamera = ReturnType<typeof useFaceCamera>;
