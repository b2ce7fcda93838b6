import { useEffect, type RefObject } from 'react';
import { useT } from '../i18n';
import './face/face-check.css';
import type { CameraStatus } from './useCamera';
import './photo.css';

interface Props {
  /** The <video> the countdown capture takes its frame from. */
  videoRef: RefObject<HTMLVideoElement | null>;
  stream: MediaStream | null;
  status: CameraStatus;
  /** The 3-2-1 shown over the preview (null or 0: none). */
  countdown: number | null;
  /** The frame's class: the reception wizard's or the kiosk's. */
  className: string;
  /** The face check's live advice, over the preview (absent: none). */
  guidance?: { text: string; ok: boolean };
}

/** The live camera preview with the face guide, the countdown and "starting…" over it. */
export function CameraView({ videoRef, stream, status, countdown, className, guidance }: Props) {
  const t = useT();

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) void video.play().catch(() => {});
  }, [stream, videoRef]);

  return (
    <div className={className}>
      <video ref={videoRef} className="camera-video" autoPlay playsInline muted aria-label={t('photo.preview')} />
      <div className="face-guide" aria-hidden="true" />
      {countdown !== null && countdown > 0 && (
        <div className="countdown" aria-hidden="true">
          {countdown}
        </div>
      )}
      {guidance && status === 'live' && (
        <p className={`face-guidance ${guidance.ok ? 'face-guidance-ok' : ''}`} data-testid="face-guidance" role="status">
          {guidance.text}
        </p>
      )}
      {status === 'starting' && <p className="camera-overlay-text">{t('photo.starting')}</p>}
    </div>
  );
}
