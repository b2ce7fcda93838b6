import { useCallback, useState } from 'react';
import type { KioskError, PublicSettings } from '../../../src-preload/contract';
import { useSettingsStore } from './store';
import {
  buildPatch,
  checkPatch,
  errorForField,
  FIELD_ORDER,
  formFromSettings,
  settingsFieldId,
  SITE_FIELDS,
  type SecretField,
  type SettingsErrors,
  type SettingsFormValues,
} from './patch';

type PlainField = keyof Omit<SettingsFormValues, 'secrets'>;

/** The settings form: local values, changed-only save, errors by field, focus on the first one. */
export function useSettingsForm(settings: PublicSettings) {
  const save = useSettingsStore((s) => s.save);
  const [form, setForm] = useState<SettingsFormValues>(() => formFromSettings(settings));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [saveError, setSaveError] = useState<KioskError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'nothing' | null>(null);
  /** Site database settings were saved while the app runs: main reads them at start only. */
  const [restartNeeded, setRestartNeeded] = useState(false);

  const set = useCallback(<K extends PlainField>(key: K, value: SettingsFormValues[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSaved(null);
  }, []);

  const setSecret = useCallback((key: SecretField, patch: Partial<{ value: string; clear: boolean }>) => {
    setForm((f) => ({ ...f, secrets: { ...f.secrets, [key]: { ...f.secrets[key], ...patch } } }));
    setErrors((e) => ({ ...e, [key]: undefined }));
    setSaved(null);
  }, []);

  const focusFirst = (errs: SettingsErrors) => {
    const first = FIELD_ORDER.find((f) => errs[f]);
    if (first) requestAnimationFrame(() => document.getElementById(settingsFieldId(first))?.focus());
  };

  const patch = buildPatch(form, settings);
  const dirty = Object.keys(patch).length > 0;
  const siteDirty = SITE_FIELDS.some((key) => key in patch);

  const submit = async () => {
    setSaveError(null);
    setSaved(null);
    if (!dirty) {
      setSaved('nothing');
      return;
    }
    const checked = checkPatch(patch);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirst(checked.errors);
      return;
    }
    setSaving(true);
    const result = await save(checked.patch);
    setSaving(false);
    if (result.ok) {
      setForm(formFromSettings(result.value));
      setErrors({});
      setSaved('saved');
      if (siteDirty) setRestartNeeded(true);
      return;
    }
    const found = result.error.code === 'invalid-input' ? errorForField(result.error.field) : undefined;
    if (found) {
      const errs = { [found.field]: found.error };
      setErrors(errs);
      focusFirst(errs);
    }
    setSaveError(result.error);
    if (!found) requestAnimationFrame(() => document.getElementById('settings-alert')?.focus());
  };

  const discard = () => {
    setForm(formFromSettings(settings));
    setErrors({});
    setSaveError(null);
    setSaved(null);
  };

  return { form, set, setSecret, errors, dirty, siteDirty, restartNeeded, saving, saved, saveError, submit, discard };
}
