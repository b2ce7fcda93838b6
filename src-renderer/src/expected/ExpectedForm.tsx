import { useState, type FormEvent } from 'react';
import type { DocumentType, Host, KioskError } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { DeviceChecklist } from '../devices/DeviceChecklist';
import { useDeviceList } from '../devices/store';
import { localDay } from '../lib/download-file';
import { toIsoWithOffset } from '../lib/datetime';
import { HostSearchBox } from '../register/HostCombobox';
import { createHostSearchStore } from '../register/hosts-store';
import { DOCUMENT_TYPES } from '../register/draft';
import { useSettingsStore } from '../settings/store';
import { useExpectedStore } from './store';

const useExpectedHostSearch = createHostSearchStore();

const at = (day: string, time: string) => {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  return new Date(y, m - 1, d, h, min);
};

/** One expected visit by hand: details without a photo, host, day and window, doors. */
export function ExpectedForm() {
  const t = useT();
  const create = useExpectedStore((s) => s.create);
  const defaults = useSettingsStore((s) => s.settings?.defaultDeviceNos ?? []);
  const { devices } = useDeviceList();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [documentType, setDocumentType] = useState<DocumentType>('id-card');
  const [documentNo, setDocumentNo] = useState('');
  const [host, setHost] = useState<Host | null>(null);
  const [day, setDay] = useState(() => localDay(new Date()));
  const [endDay, setEndDay] = useState('');
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('18:00');
  const [deviceNos, setDeviceNos] = useState<string[] | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const [saved, setSaved] = useState('');
  const doors = deviceNos ?? defaults;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved('');
    if (!host) return setError({ code: 'invalid-input', message: '', field: 'hostNo' });
    const failure = await create({
      name: name.trim(),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      documentType,
      ...(documentNo.trim() ? { documentNo: documentNo.trim() } : {}),
      hostNo: host.no,
      hostName: host.name,
      begin: toIsoWithOffset(at(day, from)),
      end: toIsoWithOffset(at(endDay || day, to)),
      deviceNos: doors,
    });
    setError(failure);
    if (!failure) {
      setSaved(name.trim());
      setName('');
      setPhone('');
      setDocumentNo('');
    }
  };

  return (
    <form className="expected-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-grid">
        <TextField id="exp-name" label={t('field.name')} value={name} onChange={setName} required />
        <TextField id="exp-phone" label={t('field.phone')} value={phone} onChange={setPhone} optional inputMode="tel" hint={t('expected.laterHint')} />
        <SelectField
          id="exp-doctype"
          label={t('field.documentType')}
          value={documentType}
          options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`doc.${d}`) }))}
          onChange={setDocumentType}
        />
        <TextField id="exp-document" label={t('field.documentNo')} value={documentNo} onChange={setDocumentNo} optional />
        <TextField id="exp-day" type="date" label={t('expected.day')} value={day} onChange={setDay} />
        <TextField id="exp-from" type="time" label={t('expected.from')} value={from} onChange={setFrom} />
        <TextField id="exp-to" type="time" label={t('expected.to')} value={to} onChange={setTo} />
        <TextField id="exp-end-day" type="date" label={t('expected.endDay')} value={endDay} onChange={setEndDay} optional hint={t('expected.endDayHint')} />
      </div>
      <HostSearchBox
        search={useExpectedHostSearch}
        host={host}
        onHostChange={setHost}
        hint={t('host.hint')}
        error={error?.field === 'hostNo' && !host ? { key: 'validation.hostRequired' } : undefined}
      />
      <h3 id="exp-doors-label">{t('field.devices')}</h3>
      <DeviceChecklist id="exp-doors" labelledBy="exp-doors-label" devices={devices} selected={doors} onChange={setDeviceNos} />
      <ErrorAlert error={error?.field === 'hostNo' && !host ? null : error} />
      {saved && (
        <p className="alert alert-success" role="status">
          {t('expected.saved', { name: saved })}
        </p>
      )}
      <button type="submit" className="button button-primary">
        {t('expected.save')}
      </button>
    </form>
  );
}
