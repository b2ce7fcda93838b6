import { useState } from 'react';
import { DEFAULT_PHOTO_RULES, type KioskError, type RetakePhotoResult, type Visit } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { useSettingsStore } from '../settings/store';
import { rememberedCamera } from '../settings/camera-choice';
import { CaptureProblems } from '../photo/CaptureProblems';
import type { CapturedPhoto } from '../photo/captured-photo';
import { CameraView } from '../photo/CameraView';
import { PhotoResult } from '../photo/PhotoResult';
import { FaceCaptureButtons } from '../photo/face/FaceCaptureButtons';
import { useFaceCamera } from '../photo/face/useFaceCamera';
import { ErrorAlert } from '../components/ErrorAlert';
import { useVisitsStore } from './store';

interface Props {
  visit: Visit;
  onCancel: () => void;
  onDone: (result: RetakePhotoResult) => void;
}

/** Reception, in the visit's details: a new photo with the face check, then "register again with this photo". */
export function RetakePhotoPanel({ visit, onCancel, onDone }: Props) {
  const t = useT();
  const maxKB = useSettingsStore((s) => s.settings?.photoMaxKB ?? 200);
  const rules = useSettingsStore((s) => s.settings?.photoRules ?? DEFAULT_PHOTO_RULES);
  const [photo, setPhoto] = useState<CapturedPhoto | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<KioskError | null>(null);
  const shot = useFaceCamera(!!photo, rememberedCamera(), maxKB, rules, setPhoto);
  const failed = photo?.check?.failed ?? [];
  const reason = photo?.overrideReason?.trim() ?? '';
  const needsReason = failed.length > 0 && !reason;

  const send = async () => {
    if (!photo || needsReason) return;
    setSending(true);
    setError(null);
    const result = await useVisitsStore
      .getState()
      .retakePhoto({ visitId: visit.id, photo: photo.base64, ...(failed.length > 0 ? { photoOverride: { failed, reason } } : {}) });
    setSending(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  return (
    <section className="retake-panel" aria-labelledby={`retake-${visit.id}`}>
      <h3 id={`retake-${visit.id}`}>{t('retake.title', { name: visit.visitor.name })}</h3>
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      {photo ? (
        <PhotoResult
          photo={photo}
          maxKB={maxKB}
          retakeId="retake-again"
          onRetake={() => setPhoto(null)}
          onOverrideReason={(overrideReason) => setPhoto({ ...photo, overrideReason })}
        />
      ) : (
        <div className="retake-camera">
          <CameraView className="camera-frame retake-frame" {...shot.view} />
          <p className="sr-only" role="status" aria-live="assertive">
            {shot.progress}
          </p>
          <CaptureProblems camera={shot.camera} captureError={shot.capture.error} />
          <FaceCaptureButtons shot={shot} id="retake-capture" />
        </div>
      )}
      {photo && needsReason && <p className="field-error">{t('retake.needReason')}</p>}
      <div className="button-row">
        {photo && (
          <button id="retake-send" type="button" className="button button-primary" disabled={sending || needsReason} onClick={() => void send()}>
            {sending ? t('retake.sending') : t('retake.send')}
          </button>
        )}
        <button type="button" className="button button-quiet" disabled={sending} onClick={onCancel}>
          {t('retake.cancel')}
        </button>
      </div>
    </section>
  );
}
