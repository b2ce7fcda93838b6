import { useEffect, useState, type FormEvent } from 'react';
import { LIMITS, StaffRoleSchema, type KioskError, type StaffMember, type StaffRole } from '../../../src-preload/contract';
import { call } from '../api';
import { CheckField } from '../components/CheckField';
import { ErrorAlert } from '../components/ErrorAlert';
import { NumberField } from '../components/NumberField';
import { PinField } from '../components/PinField';
import { TextField } from '../components/TextField';
import { useT } from '../i18n';
import { useSettingsStore } from '../settings/store';
import './staff.css';

/** Settings: the station's name, staff sign-in, audit retention, and the staff with their roles. */
export function StaffSection() {
  const t = useT();
  const settings = useSettingsStore((s) => s.settings);
  const save = useSettingsStore((s) => s.save);
  const [stationName, setStationName] = useState(settings?.stationName ?? '');
  const [retention, setRetention] = useState(String(settings?.auditRetentionDays ?? 365));
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('reception');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('listStaff').then((r) => (r.ok ? setStaff(r.value) : setError(r.error)));
  }, []);

  const run = async <T,>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: KioskError }>, then?: (value: T) => void) => {
    setBusy(true);
    setError(null);
    const result = await work();
    setBusy(false);
    if (result.ok) then?.(result.value);
    else setError(result.error);
    return result.ok;
  };

  const saveStation = (e: FormEvent) => {
    e.preventDefault();
    void run(() => save({ stationName: stationName.trim(), auditRetentionDays: Number(retention) }));
  };
  const addStaff = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => call('addStaff', { name: name.trim(), role, pin }), setStaff)) {
      setName('');
      setPin('');
    }
  };

  if (!settings) return null;
  return (
    <section className="card settings-section" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('staff.title')}</h2>
      <ErrorAlert error={error} />
      <form className="admin-form" onSubmit={saveStation} noValidate>
        <TextField
          id="station-name"
          label={t('settings.stationName')}
          hint={t('settings.stationNameHint')}
          value={stationName}
          onChange={setStationName}
          maxLength={LIMITS.stationName}
        />
        <NumberField
          id="audit-retention"
          label={t('settings.auditRetentionDays')}
          limit={LIMITS.auditRetentionDays}
          value={retention}
          onChange={setRetention}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('staff.saveStation')}
        </button>
      </form>
      <CheckField
        id="staff-sign-in"
        label={t('settings.staffSignIn')}
        checked={settings.staffSignIn}
        disabled={busy}
        onChange={(checked) => void run(() => save({ staffSignIn: checked }))}
      />
      <h3>{t('staff.list')}</h3>
      <table className="admin-table" data-testid="staff-list">
        <tbody>
          {staff.map((m) => (
            <tr key={m.id}>
              <td>{m.builtIn ? t('staff.builtInAdmin') : m.name}</td>
              <td>{t(`role.${m.role}`)}</td>
              <td>
                {!m.builtIn && (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    onClick={() => void run(() => call('removeStaff', { id: m.id }), setStaff)}
                  >
                    {t('staff.remove', { name: m.name })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="admin-form" onSubmit={(e) => void addStaff(e)} noValidate>
        <TextField id="staff-name" label={t('staff.name')} value={name} onChange={setName} maxLength={LIMITS.staffName} />
        <div className="field">
          <label htmlFor="staff-role" className="field-label">
            {t('staff.role')}
          </label>
          <select id="staff-role" className="input" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {StaffRoleSchema.options.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <PinField id="staff-pin" purpose="new" label={t('staff.pin')} value={pin} onChange={setPin} />
        <button type="submit" className="button button-primary" disabled={busy || !name.trim() || !pin}>
          {t('staff.add')}
        </button>
      </form>
    </section>
  );
}
