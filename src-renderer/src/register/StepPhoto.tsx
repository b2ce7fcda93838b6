import { DEFAULT_PHOTO_RULES } from '../../../src-preload/photo-rules';
import { useState } from 'react';
import { useT } from '../i18n';
import { useRegistrationStore } from './store';
import { useSettingsStore } from '../settings/store';
import { CaptureProblems } from '../photo/CaptureProblems';
import { rememberCamera, rememberedCamera } from '../settings/camera-choice';
import { CameraView } from '../photo/CameraView';
import { FaceCaptureButtons } from '../photo/face/FaceCaptureButtons';
import { useFaceCamera } from '../photo/face/useFaceCamera';
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
  const shot = useFaceCamera(!!photo, deviceId, maxKB, rules, setPhoto);
  const { camera, capture } = shot;

  const chooseCamera = (id: string) => {
    setDeviceId(id);
    rememberCamera(id);
  };

  const liveDeviceId = camera.stream?.getVideoTracks()[0]?.getSettings().deviceId ?? deviceId;
  const errorId = fieldError ? `${fieldId('photo')}-error` : undefined;

  return (
    <StepFrame step="photo" busy={capture.busy}>
      {photo ? (
        <PhotoResult
          photo={photo}
          maxKB={maxKB}
          retakeId={fieldId('photo')}
          onRetake={() => {
            capture.clearError();
            setPhoto(null);
          }}
          onOverrideReason={(overrideReason) => setPhoto({ ...photo, overrideReason })}
        />
      ) : (
        <div className="camera">
          <CameraView className="camera-frame" {...shot.view} />
          <div className="camera-controls">
            {camera.cameras.length > 1 && (
              <SelectField
                id="camera-picker"
                label={t('photo.camera')}
                value={liveDeviceId}
                options={camera.cameras.map((c, i) => ({ value: c.deviceId, label: c.label || t('photo.cameraN', { n: i + 1 }) }))}
                onChange={chooseCamera}
                disabled={capture.busy}
              />
            )}
            <p className="field-hint">{t('photo.guide')}</p>
            <p className="sr-only" role="status" aria-live="assertive">
              {shot.progress}
            </p>
            {capture.processing && <p className="field-hint">{t('photo.fitting')}</p>}
            <CaptureProblems camera={camera} captureError={capture.error} />
            <FaceCaptureButtons shot={shot} id={fieldId('photo')} anywayId="photo-capture-anyway" large describedBy={errorId} />
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
