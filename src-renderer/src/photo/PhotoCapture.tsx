import { useRef } from 'react';
import { useT } from '../i18n';
import type { CapturedPhoto } from './captured-photo';
import { captureProgress } from './camera-ui';
import { CaptureProblems } from './CaptureProblems';
import { CameraView } from './CameraView';
import { PhotoResult } from './PhotoResult';
import { useCamera } from './useCamera';
import { useCountdownCapture } from './useCountdownCapture';

interface Props {
  /** The capture/retake button's id (focus and tests find it). */
  id: string;
  photo: CapturedPhoto | null;
  onPhoto: (photo: CapturedPhoto | null) => void;
  /** The size limit the photo is fitted under, and the camera to use ('' = the default one). */
  maxKB: number;
  deviceId: string;
}

/** A compact camera with "take photo" (3-2-1) and the photo with Retake: check-in and group visits. */
export function PhotoCapture({ id, photo, onPhoto, maxKB, deviceId }: Props) {
  const t = useT();
  const camera = useCamera(!photo, deviceId);
  const videoRef = useRef<HTMLVideoElement>(null);
  const capture = useCountdownCapture(videoRef, maxKB, onPhoto);
  const progress = captureProgress(t, capture);
  if (photo) {
    return (
      <PhotoResult
        photo={photo}
        maxKB={maxKB}
        retakeId={id}
        onRetake={() => {
          capture.clearError();
          onPhoto(null);
        }}
      />
    );
  }
  return (
    <div className="photo-capture">
      <CameraView
        className="camera-frame photo-capture-frame"
        videoRef={videoRef}
        stream={camera.stream}
        status={camera.status}
        countdown={capture.countdown}
      />
      <p className="sr-only" role="status" aria-live="assertive">
        {progress}
      </p>
      <CaptureProblems camera={camera} captureError={capture.error} />
      <button id={id} type="button" className="button button-primary" disabled={camera.status !== 'live' || capture.busy} onClick={capture.start}>
        {progress || t('photo.capture')}
      </button>
    </div>
  );
}
