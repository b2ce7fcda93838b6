import { useCallback, useState } from 'react';
import type { PhotoCheckCode } from '../../../src-preload/contract';
import { DEFAULT_PHOTO_RULES } from '../../../src-preload/photo-rules';
import { useT } from '../i18n';
import { PHOTO_TRIES, useSelfServiceStore } from './store';
import { useSettingsStore } from '../settings/store';
import { CAMERA_PROBLEM_KEYS } from '../photo/camera-ui';
import { rememberedCamera } from '../settings/camera-choice';
import { CameraView } from '../photo/CameraView';
import { useFaceCamera } from '../photo/face/useFaceCamera';
import type { CapturedPhoto } from '../register/draft';
import { photoSrc } from '../photo/PhotoResult';
import { selfServiceFieldId } from './hooks';
import { SelfServiceStep } from './SelfServiceStep';

/**
 * The face photo: a large live preview with the face guide, "take photo" with a 3-2-1 countdown,
 * then the photo with Retake and Submit. The camera is on only while this screen shows and no
 * photo is taken: leaving the screen (or an idle wipe) stops every track.
 */
export function SelfServicePhoto() {
  const t = useT();
  const photo = useSelfServiceStore((s) => s.draft.photo);
  const setPhoto = useSelfServiceStore((s) => s.setPhoto);
  const fieldError = useSelfServiceStore((s) => s.fieldErrors.photo);
  const goToReception = useSelfServiceStore((s) => s.goToReception);
  const maxKB = useSettingsStore((s) => s.settings?.photoMaxKB ?? 200);
  const rules = useSettingsStore((s) => s.settings?.photoRules ?? DEFAULT_PHOTO_RULES);
  const [deviceId] = useState(rememberedCamera);
  const photoFailed = useSelfServiceStore((s) => s.photoFailed);
  const failures = useSelfServiceStore((s) => s.photoFailures);
  const [notTaken, setNotTaken] = useState<PhotoCheckCode[] | null>(null);
  const refuse = useCallback(
    (failed: PhotoCheckCode[]) => {
      setNotTaken(failed);
      photoFailed(failed);
    },
    [photoFailed],
  );
  // The kiosk cannot accept a photo that fails the face check: it is a failed try, not a photo.
  const onCaptured = useCallback(
    (taken: CapturedPhoto) => (taken.check && taken.check.failed.length > 0 ? refuse(taken.check.failed) : setPhoto(taken)),
    [refuse, setPhoto],
  );
  const shot = useFaceCamera(!!photo, deviceId, maxKB, rules, onCaptured);
  const { camera, face, capture } = shot;
  const takePhoto = () => {
    setNotTaken(null);
    if (face.ready) capture.start();
    else if (face.engineState !== 'loading') refuse(face.verdict?.failed.length ? face.verdict.failed : ['detector-unavailable']);
  };

  const captureId = selfServiceFieldId('photo');
  const errorId = fieldError ? `${captureId}-error` : undefined;

  const captureButton = (
    <button
      id={captureId}
      type="button"
      className="self-service-button self-service-button-primary self-service-button-capture"
      disabled={camera.status !== 'live' || capture.busy}
      aria-describedby={errorId}
      onClick={takePhoto}
    >
      {shot.captureLabel}
    </button>
  );

  return (
    // Before the photo, "take photo" sits in the step's action bar: at thumb height and never under it.
    <SelfServiceStep step="photo" primary={{ label: t('selfService.submit'), disabled: !photo }} busy={capture.busy} extra={photo ? undefined : captureButton}>
      {photo ? (
        <div className="self-service-photo">
          <img className="self-service-photo-image" src={photoSrc(photo)} alt={t('selfService.photo.yours')} width={photo.width} height={photo.height} />
          <div className="self-service-photo-side">
            <p className="self-service-lead" role="status">
              {t('selfService.photo.taken')}
            </p>
            <button
              id={captureId}
              type="button"
              className="self-service-button"
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
        <div className="self-service-photo">
          <CameraView className="self-service-camera" {...shot.view} />
          <div className="self-service-photo-side">
            <p className="self-service-lead">{t('selfService.photo.guide')}</p>
            <p className="sr-only" role="status" aria-live="assertive">
              {shot.progress}
            </p>
            {camera.status === 'error' && camera.problem && (
              <div className="self-service-alert" role="alert">
                <p className="self-service-alert-message">{t(CAMERA_PROBLEM_KEYS[camera.problem])}</p>
                <div className="self-service-actions">
                  <button type="button" className="self-service-button" onClick={camera.retry}>
                    {t('photo.retryCamera')}
                  </button>
                  <button type="button" className="self-service-button" onClick={() => goToReception('unavailable')}>
                    {t('selfService.seeReception')}
                  </button>
                </div>
              </div>
            )}
            {notTaken && (
              <div className="self-service-alert" role="alert" data-testid="photo-not-taken">
                <p className="self-service-alert-message">{t('faceCheck.notTaken', { why: t(`faceCheck.advice.${notTaken[0]}`) })}</p>
                <p className="self-service-alert-message">{t('faceCheck.triesLeft', { n: failures, max: PHOTO_TRIES })}</p>
              </div>
            )}
            {capture.error && (
              <div className="self-service-alert" role="alert">
                <p className="self-service-alert-message">{t(capture.error.key, capture.error.params)}</p>
              </div>
            )}
            {fieldError && (
              <p id={errorId} className="self-service-field-error">
                {t(fieldError.key, fieldError.params)}
              </p>
            )}
          </div>
        </div>
      )}
    </SelfServiceStep>
  );
}
