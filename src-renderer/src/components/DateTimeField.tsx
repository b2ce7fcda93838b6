import { useMemo } from 'react';
import { useLanguage, useT } from '../i18n';
import { dayChoices, HOURS, joinLocal, MINUTES, splitLocal } from '../lib/datetime-parts';
import { useNow } from '../lib/useNow';
import { toLocalInput } from '../lib/datetime';
import './datetime-field.css';

interface Props {
  /** The day list's id (focus goes there); the hour and minute are `${id}-hour`, `${id}-minute`. */
  id: string;
  label: string;
  /** "YYYY-MM-DDTHH:mm", local time ('' until set). */
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * A date and time entered in the app's language: the day from a list ("今天 · 2026年12月1日周二",
 * "Today · Tue, Dec 1, 2026"), the hour and minute on a 24-hour clock. Chromium's datetime-local
 * follows the system's locale instead, so a Chinese screen showed "12/01/2026, 07:04 PM".
 */
export function DateTimeField({ id, label, value, onChange, error }: Props) {
  const t = useT();
  const language = useLanguage();
  const now = useNow();
  const parts = splitLocal(value) ?? { date: '', hour: '', minute: '' };
  // The list changes with the day, not every time the clock ticks.
  const today = toLocalInput(now).slice(0, 10);
  const days = useMemo(
    () => dayChoices(today, parts.date || undefined, language, { today: t('datetime.today'), tomorrow: t('datetime.tomorrow') }),
    [today, parts.date, language, t],
  );
  const set = (patch: Partial<typeof parts>) => {
    const next = { ...parts, ...patch };
    if (next.date && next.hour && next.minute) onChange(joinLocal(next));
  };
  const legendId = `${id}-legend`;
  const errorId = error ? `${id}-error` : undefined;
  const part = (name: string) => ({
    'aria-labelledby': `${legendId} ${id}-${name}-label`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': errorId,
  });

  return (
    <fieldset className={`field datetime-field ${error ? 'field-invalid' : ''}`}>
      <legend id={legendId} className="field-label">
        {label}
      </legend>
      <div className="datetime-parts">
        <div className="datetime-part datetime-day">
          <span id={`${id}-day-label`} className="datetime-part-label">
            {t('datetime.day')}
          </span>
          <select id={id} className="input select" value={parts.date} onChange={(e) => set({ date: e.target.value })} {...part('day')}>
            {!parts.date && <option value="">—</option>}
            {days.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
        <div className="datetime-part">
          <span id={`${id}-hour-label`} className="datetime-part-label">
            {t('datetime.hour')}
          </span>
          <select id={`${id}-hour`} className="input select" value={parts.hour} onChange={(e) => set({ hour: e.target.value })} {...part('hour')}>
            {!parts.hour && <option value="">—</option>}
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </div>
        <span className="datetime-colon" aria-hidden="true">
          :
        </span>
        <div className="datetime-part">
          <span id={`${id}-minute-label`} className="datetime-part-label">
            {t('datetime.minute')}
          </span>
          <select id={`${id}-minute`} className="input select" value={parts.minute} onChange={(e) => set({ minute: e.target.value })} {...part('minute')}>
            {!parts.minute && <option value="">—</option>}
            {MINUTES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
