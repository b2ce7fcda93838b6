import { lazy, Suspense, useState } from 'react';
import type { RetakePhotoResult, Visit } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { canRetakePhoto, photoRefusals } from './photo-refusal';
import './retake.css';

// The camera and the face detector load only when staff choose to retake.
const RetakePhotoPanel = lazy(() => import('./RetakePhotoPanel').then((m) => ({ default: m.RetakePhotoPanel })));

interface Props {
  visit: Visit;
  doorName: (no: string) => string;
  /** Opens the new visit once the retake registered it. */
  onOpen?: (visitId: string) => void;
}

/** Which doors refused the photo and why (K30's words), with one-tap "retake photo". */
export function PhotoRefusal({ visit, doorName, onOpen }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<RetakePhotoResult | null>(null);
  const refusals = photoRefusals(visit);
  // Once the visit is replaced, removed or ended there is nothing to offer: its doors' words stay in the list above.
  if (!result && !canRetakePhoto(visit)) return null;
  const doneKey = !result
    ? null
    : result.replaced.state === 'removed'
      ? 'retake.done'
      : result.replaced.state === 'removal-pending'
        ? 'retake.donePending'
        : 'retake.doneOldKept';

  return (
    <div className="photo-refusal" data-testid="photo-refusal">
      {refusals.map((d) => (
        <p key={d.no} className="alert alert-warning">
          {t('retake.refusedAt', { door: doorName(d.no), reason: d.message ?? '' })}
        </p>
      ))}
      {result && doneKey ? (
        <div className="alert alert-success" role="status">
          <p>{t(doneKey)}</p>
          {onOpen && (
            <button id="retake-open-new" type="button" className="button" onClick={() => onOpen(result.visit.id)}>
              {t('retake.openNew')}
            </button>
          )}
        </div>
      ) : open ? (
        <Suspense fallback={<p role="status">…</p>}>
          <RetakePhotoPanel visit={visit} onCancel={() => setOpen(false)} onDone={(r) => (setResult(r), setOpen(false))} />
        </Suspense>
      ) : (
        <>
          <p className="muted">{t('retake.explain')}</p>
          <button id="retake-photo" type="button" className="button button-primary" onClick={() => setOpen(true)}>
            {t('retake.button')}
          </button>
        </>
      )}
    </div>
  );
}
