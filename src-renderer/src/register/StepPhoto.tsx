import { DEFAULT_PHOTO_RULES } from '../../../src-preload/photo-rules';
import { useRef, useState } from 'react';
import { useT } from '../i18n';
import { useRegistrationStore } from './store';
import { useSettingsStore } from '../settings/store';
import { captureProgress } from '../photo/camera-ui';
import { CaptureProblems } from '../photo/CaptureProblems';
import { rememberCamera, rememberedCamera } from '../settings/camera-choice';
import { CameraView } from '../photo/CameraView';
import { useCamera } from '../photo/useCamera';
import { adviceOf } from '../photo/face/face-words';
import { useFaceCapture } from '../photo/face/useFaceCapture';
import { SelectField } from '../components/SelectField';
import { fieldId } from './draft';
import { StepFrame } from './StepFrame';
import { PhotoResult } from '../photo/PhotoResult';

export function StepPhoto() {
  const t = useT();
  const photo = useRegistrationStore((s) => s.draft.photo);
  const setPhoto = useRegistrationStore((s) => s.setPhoto);
  const fieldError = useRegistrationStore((s) => s.fieldErrors.photo);
  const maxKB = useSettingsStore((s) => s.settings?.photoMaxKB ?? 200);
  const rules = useSettingsStore((s) => s.settings?.photoRules ?? DEFAULT_PHOTO_RULES);
  const [deviceId, setDeviceId] = useState(rememberedCamera);
  const camera = useCamera(!photo, deviceId);
  const videoRef = useRef<HTMLVideoElement>(null);
  const face = useFaceCapture(videoRef, !photo && camera.status === 'live', maxKB, rules, setPhoto);
  const { capture } = face;
  const advice = adviceOf(t, face.verdict, face.engineState);
  const { processing, busy, error: captureError, start: startCountdown, clearError: clearCaptureError } = capture;
  const progress = captureProgress(t, capture);

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
          onOverrideReason={(overrideReason) => setPhoto({ ...photo, overrideReason })}
        />
      ) : (
        <div className="camera">
          <CameraView
            className="camera-frame"
            videoRef={videoRef}
            stream={camera.stream}
            status={camera.status}
            countdown={capture.countdown}
            guidance={{ text: advice, ok: face.ready }}
          />
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
              {progress}
            </p>
            {processing && <p className="field-hint">{t('photo.fitting')}</p>}
            <CaptureProblems camera={camera} captureError={captureError} />
            <div className="button-row">
              <button
                id={fieldId('photo')}
                type="button"
                className="button button-primary button-large"
                disabled={camera.status !== 'live' || busy || !face.ready}
                aria-describedby={errorId}
                onClick={startCountdown}
              >
                {progress || (face.ready ? t('photo.capture') : t('faceCheck.waiting', { why: advice }))}
              </button>
              {/* Staff may take a photo that fails the check; it then needs a reason to be registered. */}
              {!face.ready && face.engineState !== 'loading' && (
                <button
                  id="photo-capture-anyway"
                  type="button"
                  className="button button-secondary-small"
                  disabled={camera.status !== 'live' || busy}
                  onClick={startCountdown}
                >
                  {t('faceCheck.captureAnyway')}
                </button>
              )}
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
