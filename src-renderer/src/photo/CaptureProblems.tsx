import { useT } from '../i18n';
import { CAMERA_PROBLEM_KEYS } from './camera-ui';
import type { useCamera } from './useCamera';
import type { CaptureError } from './useCountdownCapture';

interface Props {
  camera: Pick<ReturnType<typeof useCamera>, 'status' | 'problem' | 'retry'>;
  captureError: CaptureError | null;
}

/** What stops a staff photo: a camera that cannot be used (with "try again") and a capture that failed. */
export function CaptureProblems({ camera, captureError }: Props) {
  const t = useT();
  return (
    <>
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
          <p className="alert-message">{t(captureError.key, captureError.params)}</p>
        </div>
      )}
    </>
  );
}
