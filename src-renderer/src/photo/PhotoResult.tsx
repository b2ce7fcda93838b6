import { useT } from '../i18n';
import type { CapturedPhoto } from './captured-photo';
import { PhotoChecks } from './face/PhotoChecks';
import { PhotoOverride } from './face/PhotoOverride';

export const photoSrc = (photo: CapturedPhoto) => `data:image/jpeg;base64,${photo.base64}`;

interface Props {
  photo: CapturedPhoto;
  maxKB: number;
  retakeId?: string;
  onRetake?: () => void;
  /** Reception: the photo failed a check and may be accepted with a reason. */
  onOverrideReason?: (reason: string) => void;
}

/** The captured photo with its size and resolution (and Retake). */
export function PhotoResult({ photo, maxKB, retakeId, onRetake, onOverrideReason }: Props) {
  const t = useT();
  const kb = (photo.bytes / 1024).toFixed(1);
  return (
    <figure className="photo-result">
      <img className="photo-image" src={photoSrc(photo)} alt={t('photo.result')} width={photo.width} height={photo.height} />
      <figcaption className="photo-info" data-testid="photo-info">
        {t('photo.info', { kb, width: photo.width, height: photo.height })}
        <span className="muted"> · {t('photo.limit', { kb: maxKB })}</span>
      </figcaption>
      {photo.check && <PhotoChecks check={photo.check} />}
      {onOverrideReason && photo.check && photo.check.failed.length > 0 && <PhotoOverride reason={photo.overrideReason ?? ''} onChange={onOverrideReason} />}
      {onRetake && (
        <button id={retakeId} type="button" className="button button-large" onClick={onRetake}>
          {t('photo.retake')}
        </button>
      )}
    </figure>
  );
}
