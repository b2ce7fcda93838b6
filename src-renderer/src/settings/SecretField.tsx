import { useT } from '../i18n';
import { describedBy, Field } from '../components/Field';
import { settingsFieldId, type SecretField as SecretName } from './patch';
import { SecretInput, secretStatusKey } from './SecretInput';

interface Props {
  name: SecretName;
  label: string;
  isSet: boolean;
  value: string;
  clear: boolean;
  /** What this secret is for; the write-only rule is said after it. */
  hint?: string;
  error?: string;
  onChange: (patch: Partial<{ value: string; clear: boolean }>) => void;
}

/** A write-only secret: never filled with the stored value; shows only whether one is set; can be cleared. */
export function SecretField({ name, label, isSet, value, clear, hint: about, error, onChange }: Props) {
  const t = useT();
  const id = settingsFieldId(name);
  const statusId = `${id}-status`;
  const hint = about ? t('settings.secretHintAbout', { about }) : t('settings.secretHint');
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <div className="secret-row">
        <SecretInput
          id={id}
          value={clear ? '' : value}
          disabled={clear}
          onChange={(e) => onChange({ value: e.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error }, statusId)}
        />
        {isSet && !clear && (
          <button type="button" className="button button-small" onClick={() => onChange({ clear: true, value: '' })}>
            {t('settings.clearSecret', { name: label })}
          </button>
        )}
        {clear && (
          <button type="button" className="button button-small" onClick={() => onChange({ clear: false })}>
            {t('settings.undoClear', { name: label })}
          </button>
        )}
      </div>
      <p id={statusId} className="field-hint">
        <span className={`badge ${clear ? 'badge-warning' : isSet ? 'badge-success' : 'badge-muted'}`} data-testid={`${name}-status`}>
          {t(secretStatusKey(isSet, clear))}
        </span>
      </p>
    </Field>
  );
}
