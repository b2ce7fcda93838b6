import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { useRegistrationStore } from '../stores/registration';
import { useSettingsStore } from '../stores/settings';
import { CAMERA_PROBLEM_KEYS, rememberCamera, rememberedCamera } from '../photo/camera-ui';
import { useCamera } from '../photo/useCamera';
import { useCountdownCapture } from '../photo/useCountdownCapture';
import { SelectField } from '../components/SelectField';
import { fieldId } from './draft';
import { StepFrame } from './StepFrame';
import { PhotoResult } from './PhotoResult';

export function StepPhoto() {
  const t = useT();
  const photo = useRegistrationStore((s) => s.draft.photo);
  const setPhoto = useRegistrationStore((s) => s.setPhoto);
  const fieldError = useRegistrationStore((s) => s.fieldErrors.photo);
  const maxKB = useSettingsStore((s) => s.settings?.photoMaxKB ?? 200);
  const [deviceId, setDeviceId] = useState(rememberedCamera);
  const camera = useCamera(!photo, deviceId);
  const videoRef = useRef<HTMLVideoElement>(null);
  const { countdown, processing, busy, error: captureError, start: startCountdown, clearError: clearCaptureError } = useCountdownCapture(videoRef, maxKB, setPhoto);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = camera.stream;
    if (camera.stream) void video.play().catch(() => {});
  }, [camera.stream]);

  const chooseCamera = (id: string) => {
    setDeviceId(id);
    rememberCamera(id);
  };

  const liveDeviceId = camera.stream?.getVideoTracks()[0]?.getSettings().deviceId ?? deviceId;
  const errorId = fieldError ? `${fieldId('photo')}-error` : undefined;

  return (
    <StepFrame step="photo" busy={busy}>
      {photo ? (
        <PhotoResult
          photo={photo}
          maxKB={maxKB}
          retakeId={fieldId('photo')}
          onRetake={() => {
            clearCaptureError();
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
                <p className="alert-message">{t(CAMERA_PROBLEM_KEYS[camera.problem])}</p>
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
                onClick={startCountdown}
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
