import { useT } from '../../i18n';
import type { FaceCamera } from './useFaceCamera';

interface Props {
  shot: FaceCamera;
  /** "Take photo"'s id (focus and tests find it), and "take it anyway"'s (none: no id). */
  id: string;
  anywayId?: string;
  large?: boolean;
  /** The field error that "take photo" is described by. */
  describedBy?: string;
}

/** Staff's "take photo" (once the face check passes) and "take it anyway" (when it does not). */
export function FaceCaptureButtons({ shot, id, anywayId, large, describedBy }: Props) {
  const t = useT();
  const { camera, face, capture } = shot;
  return (
    <div className="button-row">
      <button
        id={id}
        type="button"
        className={large ? 'button button-primary button-large' : 'button button-primary'}
        disabled={camera.status !== 'live' || capture.busy || !face.ready}
        aria-describedby={describedBy}
        onClick={capture.start}
      >
        {shot.captureLabel}
      </button>
      {/* Staff may take a photo that fails the check; it then needs a reason to be registered. */}
      {!face.ready && face.engineState !== 'loading' && (
        <button
          id={anywayId}
          type="button"
          className="button button-secondary-small"
          disabled={camera.status !== 'live' || capture.busy}
          onClick={capture.start}
        >
          {t('faceCheck.captureAnyway')}
        </button>
      )}
    </div>
  );
}
