import { useEffect, useRef, useState } from 'react';
import { useT, type MessageKey } from '../i18n';
import { useRegistrationStore } from '../stores/registration';
import { useSettingsStore } from '../stores/settings';
import { capturePhoto } from '../photo/capture';
import { useCamera, type CameraProblem } from '../photo/useCamera';
import { SelectField } from '../components/SelectField';
import { fieldId } from './draft';
import { StepFrame } from './StepFrame';
import { PhotoResult } from './PhotoResult';

const CAMERA_KEY = 'k30.cameraId';
const COUNTDOWN_FROM = 3;

const PROBLEM_KEYS: Record<CameraProblem, MessageKey> = {
  denied: 'photo.error.denied',
  notFound: 'photo.error.notFound',
  busy: 'photo.error.busy',
  unsupported: 'photo.error.unsupported',
  generic: 'photo.error.generic',
};

function rememberedCamera(): string {
  try {
    return localStorage.getItem(CAMERA_KEY) ?? '';
  } catch {
    return '';
  }
}

export function StepPhoto() {
  const t = useT();
  const photo = useRegistrationStore((s) => s.draft.photo);
  const setPhoto = useRegistrationStore((s) => s.setPhoto);
  const fieldError = useRegistrationStore((s) => s.fieldErrors.photo);
  const maxKB = useSettingsStore((s) => s.settings?.photoMaxKB ?? 200);
  const [deviceId, setDeviceId] = useState(rememberedCamera);
  const camera = useCamera(!photo, deviceId);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [countdown, setCountdown] = useState<number | null>(null);
  const [processing, setProcessing] = useState(false);
  const [captureError, setCaptureError] = useState<{ key: MessageKey; kb?: number } | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = camera.stream;
    if (camera.stream) void video.play().catch(() => {});
  }, [camera.stream]);

  // 3-2-1, then capture.
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
    void capturePhoto(video, maxKB).then((result) => {
      if (!mounted.current) return;
      setProcessing(false);
      if (result.ok) setPhoto(result.photo);
      else setCaptureError(result.reason === 'too-large' ? { key: 'photo.error.tooLarge', kb: maxKB } : result.reason === 'too-small' ? { key: 'photo.error.tooSmall' } : { key: 'photo.error.encode' });
    });
    return undefined;
  }, [countdown, maxKB, setPhoto]);

  const chooseCamera = (id: string) => {
    setDeviceId(id);
    try {
      localStorage.setItem(CAMERA_KEY, id);
    } catch {
      /* not remembered: fine */
    }
  };

  const liveDeviceId = camera.stream?.getVideoTracks()[0]?.getSettings().deviceId ?? deviceId;
  const busy = countdown !== null || processing;
  const errorId = fieldError ? `${fieldId('photo')}-error` : undefined;

  return (
    <StepFrame step="photo" busy={busy}>
      {photo ? (
        <PhotoResult
          photo={photo}
          maxKB={maxKB}
          retakeId={fieldId('photo')}
          onRetake={() => {
            setCaptureError(null);
            setPhoto(null);
          }}
        />
      ) : (
        <div className="camera">
          <div className="camera-frame">
            <video ref={videoRef} className="camera-video" autoPlay playsInline muted aria-label={t('photo.preview')} />
            <div className="face-guide" aria-hidden="true" />
            {countdown !== null && countdown > 0 && (
              <div className="countdown" aria-hidden="true">
                {countdown}
              </div>
            )}
            {camera.status === 'starting' && <p className="camera-overlay-text">{t('photo.starting')}</p>}
          </div>
          <div className="camera-controls">
            {camera.cameras.length > 1 && (
              <SelectField
                id="camera-picker"
                label={t('photo.camera')}
                value={liveDeviceId}
                options={camera.cameras.map((c, i) => ({ value: c.deviceId, label: c.label || t('photo.cameraN', { n: i + 1 }) }))}
                onChange={chooseCamera}
                disabled={busy}
              />
            )}
            <p className="field-hint">{t('photo.guide')}</p>
            <p className="sr-only" role="status" aria-live="assertive">
              {countdown !== null && countdown > 0 ? t('photo.countdown', { n: countdown }) : processing ? t('photo.fitting') : ''}
            </p>
            {processing && <p className="field-hint">{t('photo.fitting')}</p>}
            {camera.status === 'error' && camera.problem && (
              <div className="alert alert-error" role="alert">
                <p className="alert-message">{t(PROBLEM_KEYS[camera.problem])}</p>
                <button type="button" className="button" onClick={camera.retry}>
                  {t('photo.retryCamera')}
                </button>
              </div>
            )}
            {captureError && (
              <div className="alert alert-error" role="alert">
                <p className="alert-message">{t(captureError.key, captureError.kb ? { kb: captureError.kb } : undefined)}</p>
              </div>
            )}
            <div className="button-row">
              <button
                id={fieldId('photo')}
                type="button"
                className="button button-primary button-large"
                disabled={camera.status !== 'live' || busy}
                aria-describedby={errorId}
                onClick={() => {
                  setCaptureError(null);
                  setCountdown(COUNTDOWN_FROM);
                }}
              >
                {countdown !== null && countdown > 0 ? t('photo.countdown', { n: countdown }) : processing ? t('photo.fitting') : t('photo.capture')}
              </button>
            </div>
          </div>
        </div>
      )}
      {fieldError && (
        <p id={errorId} className="field-error">
          {t(fieldError.key, fieldError.params)}
        </p>
      )}
    </StepFrame>
  );
}
