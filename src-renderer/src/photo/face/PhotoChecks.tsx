import { useT } from '../../i18n';
import type { CapturedPhoto } from '../captured-photo';
import { checkNames } from './face-words';

/** The checks a captured photo passed (and failed), in the user's language. */
export function PhotoChecks({ check }: { check: NonNullable<CapturedPhoto['check']> }) {
  const t = useT();
  return (
    <div className="photo-checks" data-testid="photo-checks">
      {check.failed.length > 0 && <p className="photo-checks-failed">{t('faceCheck.failed', { list: checkNames(t, check.failed) })}</p>}
      {check.passed.length > 0 && <p className="photo-checks-passed">{t('faceCheck.passed', { list: checkNames(t, check.passed) })}</p>}
    </div>
  );
}
