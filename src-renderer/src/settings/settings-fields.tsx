import { LIMITS, type PublicSettings } from '../../../src-preload/contract';
import { CheckField } from '../components/CheckField';
import { NumberField } from '../components/NumberField';
import { SelectField } from '../components/SelectField';
import { TextField, type TextFieldProps } from '../components/TextField';
import type { Translate } from '../i18n';
import { secretIsSet, settingsFieldId as fid, type SecretField as SecretName, type SettingsErrors, type SettingsFormValues as Form } from './patch';
import { SecretField } from './SecretField';

type PlainSetting = keyof Omit<Form, 'secrets'>;
type SettingsOf<V> = { [K in PlainSetting]: Form[K] extends V ? K : never }[PlainSetting];
type RangedLimit = { [K in keyof typeof LIMITS]: (typeof LIMITS)[K] extends { min: number; max: number } ? K : never }[keyof typeof LIMITS];
/** Typed in as text, kept in range by the contract's LIMITS. */
type NumberSetting = Extract<SettingsOf<string>, RangedLimit>;
type TextSetting = 'server' | 'companyno' | 'companyName' | 'callbackAddress';
type ChoiceSetting = Exclude<SettingsOf<string>, NumberSetting | TextSetting>;

interface Binding {
  settings: PublicSettings;
  form: Form;
  errors: SettingsErrors;
  set: <K extends PlainSetting>(key: K, value: Form[K]) => void;
  setSecret: (key: SecretName, patch: Partial<{ value: string; clear: boolean }>) => void;
  t: Translate;
}

/**
 * The settings form's fields, each bound to its value, setter, error and id (`settings-<name>`),
 * so a section writes a field as one line. Labels are `settings.<name>` unless given.
 */
export function bindSettingsFields({ settings, form, errors, set, setSecret, t }: Binding) {
  const err = (name: PlainSetting | SecretName) => {
    const error = errors[name];
    return error ? t(error.key, error.params) : undefined;
  };
  const bound = <K extends PlainSetting>(name: K) => ({ id: fid(name), value: form[name], onChange: (value: Form[K]) => set(name, value), error: err(name) });

  return {
    text: (name: TextSetting, more: Pick<TextFieldProps, 'hint' | 'type' | 'inputMode' | 'autoComplete' | 'spellCheck'> = {}) => (
      <TextField label={t(`settings.${name}`)} {...bound(name)} {...more} />
    ),
    number: (name: NumberSetting, more: { hint?: string; step?: number } = {}) => (
      <NumberField label={t(`settings.${name}`)} limit={LIMITS[name]} {...bound(name)} {...more} />
    ),
    choice: <K extends ChoiceSetting>(name: K, label: string, options: { value: Form[K]; label: string }[]) => (
      <SelectField label={label} options={options} {...bound(name)} />
    ),
    check: (name: SettingsOf<boolean>, more: { disabled?: boolean; hint?: { text: string; warn?: boolean } } = {}) => (
      <CheckField id={fid(name)} label={t(`settings.${name}`)} checked={form[name]} onChange={(checked) => set(name, checked)} {...more} />
    ),
    secret: (name: SecretName, label: string, hint?: string) => (
      <SecretField
        key={name}
        name={name}
        label={label}
        hint={hint}
        isSet={secretIsSet(settings, name)}
        value={form.secrets[name].value}
        clear={form.secrets[name].clear}
        error={err(name)}
        onChange={(patch) => setSecret(name, patch)}
      />
    ),
  };
}

export type SettingsFields = ReturnType<typeof bindSettingsFields>;
