import { useEffect } from 'react';
import { useLanguage, useT } from '../i18n';
import { formatDateTime, parseLocalInput } from '../lib/datetime';
import { useRegistrationStore, type WindowPreset } from './store';
import { TextField } from '../components/TextField';
import { fieldId } from './draft';
import { StepFrame } from './StepFrame';

const PRESETS: { preset: WindowPreset; key: 'window.preset1h' | 'window.preset2h' | 'window.presetHalfDay' | 'window.presetEndOfDay' }[] = [
  { preset: '1h', key: 'window.preset1h' },
  { preset: '2h', key: 'window.preset2h' },
  { preset: 'half-day', key: 'window.presetHalfDay' },
  { preset: 'end-of-day', key: 'window.presetEndOfDay' },
];

export function StepWindow() {
  const t = useT();
  const language = useLanguage();
  const begin = useRegistrationStore((s) => s.draft.begin);
  const end = useRegistrationStore((s) => s.draft.end);
  const errors = useRegistrationStore((s) => s.fieldErrors);
  const initWindow = useRegistrationStore((s) => s.initWindow);
  const setWindow = useRegistrationStore((s) => s.setWindow);
  const applyPreset = useRegistrationStore((s) => s.applyPreset);
  const startNow = useRegistrationStore((s) => s.startNow);

  useEffect(() => initWindow(), [initWindow]);

  const b = parseLocalInput(begin);
  const e = parseLocalInput(end);
  // Chromium draws datetime-local in the system's locale (US order on many PCs): the field's
  // hint says the same time in the app's language.
  const shown = (d: Date | null) => (d ? t('window.shownAs', { time: formatDateTime(d, language) }) : undefined);
  const minutes = b && e && e > b ? Math.round((e.getTime() - b.getTime()) / 60_000) : null;

  return (
    <StepFrame step="window">
      <div className="grid-2">
        <TextField id={fieldId('begin')} label={t('field.begin')} type="datetime-local" value={begin} onChange={(v) => setWindow({ begin: v })} hint={shown(b)} error={errors.begin} required />
        <TextField id={fieldId('end')} label={t('field.end')} type="datetime-local" value={end} onChange={(v) => setWindow({ end: v })} hint={shown(e)} error={errors.end} required min={begin || undefined} />
      </div>
      {minutes !== null && (
        <p className="duration" aria-live="polite">
          {t('window.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })}
        </p>
      )}
      <div className="button-row" role="group" aria-label={t('window.presets')}>
        <span className="button-row-label" aria-hidden="true">
          {t('window.presets')}
        </span>
        {PRESETS.map(({ preset, key }) => (
          <button key={preset} type="button" className="button" onClick={() => applyPreset(preset)}>
            {t(key)}
          </button>
        ))}
        <button type="button" className="button button-quiet" onClick={startNow}>
          {t('window.startNow')}
        </button>
      </div>
    </StepFrame>
  );
}
