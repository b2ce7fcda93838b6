import { Field } from '../components/Field';
import { useT } from '../i18n';
import { SecretInput, secretStatusKey } from './SecretInput';

interface Props {
  id: string;
  label: string;
  value: string;
  isSet: boolean;
  /** Cleared on save: the input is emptied and locked. */
  clear: boolean;
  /** What this secret is for, said before its status. */
  about?: string;
  statusTestId?: string;
  onChange: (value: string) => void;
  onClear: () => void;
}

/** A notification channel's write-only address or secret: its status (never its value) and a clear button. */
export function ChannelSecretField({ id, label, value, isSet, clear, about, statusTestId, onChange, onClear }: Props) {
  const t = useT();
  const statusId = `${id}-status`;
  return (
    <Field id={id} label={label}>
      <SecretInput id={id} value={value} disabled={clear} aria-describedby={statusId} onChange={(e) => onChange(e.target.value)} />
      <p id={statusId} className="field-hint" data-testid={statusTestId}>
        {about && `${about} · `}
        {t(secretStatusKey(isSet, clear))}
        {isSet && !clear && (
          <button type="button" className="button button-small" onClick={onClear}>
            {t('settings.clearSecret', { name: label })}
          </button>
        )}
      </p>
    </Field>
  );
}
