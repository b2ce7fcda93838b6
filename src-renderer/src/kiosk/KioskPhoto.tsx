import { useRef, useState } from 'react';
import { useT } from '../i18n';
import { useKioskStore } from '../stores/kiosk';
import { useSettingsStore } from '../stores/settings';
import { CAMERA_PROBLEM_KEYS, captureProgress, rememberedCamera } from '../photo/camera-ui';
import { CameraView } from '../photo/CameraView';
import { useCamera } from '../photo/useCamera';
import { useCountdownCapture } from '../photo/useCountdownCapture';
import { photoSrc } from '../register/PhotoResult';
import { kioskFieldId } from './hooks';
import { KioskStep } from './KioskStep';

/**
 * The face photo: a large live preview with the face guide, "take photo" with a 3-2-1 countdown,
 * then the photo with Retake and Submit. The camera is on only while this screen shows and no
 * photo is taken: leaving the screen (or an idle wipe) stops every track.
 */
export function KioskPhoto() {
  const t = useT();
  const photo = useKioskStore((s) => s.draft.photo);
  const setPhoto = useKioskStore((s) => s.setPhoto);
  const fieldError = useKioskStore((s) => s.fieldErrors.photo);
  const goToReception = useKioskStore((s) => s.goToReception);
  const maxKB = useSettingsStore((s) => s.settings?.photoMaxKB ?? 200);
  const [deviceId] = useState(rememberedCamera);
  const camera = useCamera(!photo, deviceId);
  const videoRef = useRef<HTMLVideoElement>(null);
  const capture = useCountdownCapture(videoRef, maxKB, setPhoto);
  const progress = captureProgress(t, capture);

  const captureId = kioskFieldId('photo');
  const errorId = fieldError ? `${captureId}-error` : undefined;

  return (
    <KioskStep step="photo" primary={{ label: t('kiosk.submit'), disabled: !photo }} busy={capture.busy}>
      {photo ? (
        <div className="kiosk-photo">
          <img className="kiosk-photo-image" src={photoSrc(photo)} alt={t('kiosk.photo.yours')} width={photo.width} height={photo.height} />
          <div className="kiosk-photo-side">
            <p className="kiosk-lead" role="status">
              {t('kiosk.photo.taken')}
            </p>
            <button
              id={captureId}
              type="button"
              className="kiosk-button"
              onClick={() => {
                capture.clearError();
                setPhoto(null);
              }}
            >
              {t('photo.retake')}
            </button>
          </div>
        </div>
      ) : (
        <div className="kiosk-photo">
          <CameraView className="kiosk-camera" videoRef={videoRef} stream={camera.stream} status={camera.status} countdown={capture.countdown} />
          <div className="kiosk-photo-side">
            <p className="kiosk-lead">{t('kiosk.photo.guide')}</p>
            <p className="sr-only" role="status" aria-live="assertive">
              {progress}
            </p>
            {camera.status === 'error' && camera.problem && (
              <div className="kiosk-alert" role="alert">
                <p className="kiosk-alert-message">{t(CAMERA_PROBLEM_KEYS[camera.problem])}</p>
                <div className="kiosk-actions">
                  <button type="button" className="kiosk-button" onClick={camera.retry}>
                    {t('photo.retryCamera')}
                  </button>
                  <button type="button" className="kiosk-button" onClick={() => goToReception('unavailable')}>
                    {t('kiosk.seeReception')}
                  </button>
                </div>
              </div>
            )}
            {capture.error && (
              <div className="kiosk-alert" role="alert">
                <p className="kiosk-alert-message">{t(capture.error.key, capture.error.params)}</p>
              </div>
            )}
            <button
              id={captureId}
              type="button"
              className="kiosk-button kiosk-button-primary kiosk-button-capture"
              disabled={camera.status !== 'live' || capture.busy}
              aria-describedby={errorId}
              onClick={capture.start}
            >
              {progress || t('photo.capture')}
            </button>
            {fieldError && (
              <p id={errorId} className="kiosk-field-error">
                {t(fieldError.key, fieldError.params)}
              </p>
            )}
          </div>
        </div>
      )}
    </KioskStep>
  );
}
