import { useEffect } from 'react';
import { useT } from '../i18n';
import { parseLocalInput } from '../lib/datetime';
import { useRegistrationStore, type WindowPreset } from './store';
import { DateTimeField } from '../components/DateTimeField';
import { fieldId, type FieldError } from './draft';

const PRESETS: { preset: WindowPreset; key: 'window.preset1h' | 'window.preset2h' | 'window.presetHalfDay' | 'window.presetEndOfDay' }[] = [
  { preset: '1h', key: 'window.preset1h' },
  { preset: '2h', key: 'window.preset2h' },
  { preset: 'half-day', key: 'window.presetHalfDay' },
  { preset: 'end-of-day', key: 'window.presetEndOfDay' },
];

/** The visit window (begin, end, quick durations): part of the visit step, following "now" until changed. */
export function WindowFields() {
  const t = useT();
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
  const errorText = (error?: FieldError) => (error ? t(error.key, error.params) : undefined);
  const minutes = b && e && e > b ? Math.round((e.getTime() - b.getTime()) / 60_000) : null;

  return (
    <section className="visit-part" aria-labelledby="visit-window-title">
      <h3 id="visit-window-title">{t('wizard.section.window')}</h3>
      <div className="grid-2">
        {/* Our own field: Chromium's datetime-local follows the system's locale, not the app's language. */}
        <DateTimeField id={fieldId('begin')} label={t('field.begin')} value={begin} onChange={(v) => setWindow({ begin: v })} error={errorText(errors.begin)} />
        <DateTimeField id={fieldId('end')} label={t('field.end')} value={end} onChange={(v) => setWindow({ end: v })} error={errorText(errors.end)} />
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
    </section>
  );
}
