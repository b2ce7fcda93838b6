import { useT } from '../../i18n';

interface Props {
  reason: string;
  onChange: (reason: string) => void;
}

/** Reception only: the reason to register a photo that failed the face check (kept on the visit). */
export function PhotoOverride({ reason, onChange }: Props) {
  const t = useT();
  return (
    <div className="photo-override">
      <label htmlFor="photo-override-reason" className="field-label">
        {t('faceCheck.overrideLabel')}
      </label>
      <textarea
        id="photo-override-reason"
        maxLength={200}
        value={reason}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby="photo-override-hint"
      />
      <p id="photo-override-hint" className="field-hint">
        {t('faceCheck.overrideHint')}
      </p>
    </div>
  );
}
