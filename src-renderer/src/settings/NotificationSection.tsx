import { useEffect, useState } from 'react';
import type { KioskError } from '../../../src-preload/contract';
import { call } from '../api';
import { CheckField } from '../components/CheckField';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField } from '../components/SelectField';
import { useT } from '../i18n';
import { NotificationChannelRow } from './NotificationChannelRow';
import { draftOf, newChannel, patchOf, type ChannelDraft, type NotificationDraft } from './notification-draft';
import './notification-settings.css';

/** Settings → host notification: channels, the default one, department routes, first pass, the reception group. */
export function NotificationSection() {
  const t = useT();
  const [draft, setDraft] = useState<NotificationDraft | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void call('getNotificationSettings').then((result) => (result.ok ? setDraft(draftOf(result.value)) : setError(result.error)));
  }, []);
  if (!draft) return <ErrorAlert error={error} />;

  const change = (next: Partial<NotificationDraft>) => {
    setSaved(false);
    setDraft({ ...draft, ...next });
  };
  const changeChannel = (index: number, patch: Partial<ChannelDraft>) =>
    change({ channels: draft.channels.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const channelOptions = draft.channels.map((c) => ({ value: c.id, label: c.label || t(`notify.kind.${c.kind}`) }));
  /** A choice of one channel, or of none (`none` says what no channel means there). */
  const channelChoice = (field: 'defaultChannelId' | 'receptionChannelId', id: string, label: string, none: string, hint?: string) => (
    <SelectField
      id={id}
      label={label}
      hint={hint}
      value={draft[field]}
      options={[{ value: '', label: none }, ...channelOptions]}
      onChange={(channelId) => change({ [field]: channelId })}
    />
  );

  const save = async () => {
    setBusy(true);
    setError(null);
    const result = await call('saveNotificationSettings', patchOf(draft));
    setBusy(false);
    if (result.ok) {
      setDraft(draftOf(result.value));
      setSaved(true);
    } else setError(result.error);
  };

  return (
    <section className="card settings-section notify-settings" aria-labelledby="settings-notify">
      <h2 id="settings-notify">{t('notify.settings.title')}</h2>
      <p className="field-hint">{t('notify.settings.intro')}</p>
      {draft.channels.map((channel, index) => (
        <NotificationChannelRow
          key={channel.id}
          channel={channel}
          onChange={(patch) => changeChannel(index, patch)}
          onRemove={() => change({ channels: draft.channels.filter((_, i) => i !== index) })}
        />
      ))}
      <button type="button" className="button" onClick={() => change({ channels: [...draft.channels, newChannel(draft.channels.map((c) => c.id))] })}>
        {t('notify.settings.add')}
      </button>

      {channelChoice('defaultChannelId', 'notify-default', t('notify.settings.default'), t('notify.settings.none'))}

      <h3>{t('notify.settings.routes')}</h3>
      {draft.routes.map((route, index) => (
        <div className="notify-route" key={index}>
          <input
            className="input"
            aria-label={t('notify.settings.department')}
            placeholder={t('notify.settings.department')}
            value={route.department}
            maxLength={64}
            onChange={(e) => change({ routes: draft.routes.map((r, i) => (i === index ? { ...r, department: e.target.value } : r)) })}
          />
          <select
            className="input select"
            aria-label={t('notify.settings.channel')}
            value={route.channelId}
            onChange={(e) => change({ routes: draft.routes.map((r, i) => (i === index ? { ...r, channelId: e.target.value } : r)) })}
          >
            {channelOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <button type="button" className="button button-small" onClick={() => change({ routes: draft.routes.filter((_, i) => i !== index) })}>
            {t('notify.settings.removeRoute')}
          </button>
        </div>
      ))}
      {draft.channels.length > 0 && (
        <button
          type="button"
          className="button button-small"
          onClick={() => change({ routes: [...draft.routes, { department: '', channelId: draft.channels[0].id }] })}
        >
          {t('notify.settings.addRoute')}
        </button>
      )}

      <CheckField
        id="notify-first-pass"
        label={t('notify.settings.firstPass')}
        checked={draft.notifyOnFirstPass}
        onChange={(notifyOnFirstPass) => change({ notifyOnFirstPass })}
      />

      {channelChoice(
        'receptionChannelId',
        'notify-reception',
        t('notify.settings.reception'),
        t('notify.settings.receptionDefault'),
        t('notify.settings.receptionHint'),
      )}

      <div className="button-row">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
          {t('notify.settings.save')}
        </button>
      </div>
      {saved && (
        <p role="status" className="alert alert-success">
          {t('notify.settings.saved')}
        </p>
      )}
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
    </section>
  );
}
