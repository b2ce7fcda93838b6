import { useEffect, useState } from 'react';
import type { KioskError } from '../../../src-preload/contract';
import { call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
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

      <label className="field" htmlFor="notify-default">
        <span className="field-label">{t('notify.settings.default')}</span>
        <select id="notify-default" className="input select" value={draft.defaultChannelId} onChange={(e) => change({ defaultChannelId: e.target.value })}>
          <option value="">{t('notify.settings.none')}</option>
          {channelOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>

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

      <label className="check-field" htmlFor="notify-first-pass">
        <input
          id="notify-first-pass"
          type="checkbox"
          className="checkbox"
          checked={draft.notifyOnFirstPass}
          onChange={(e) => change({ notifyOnFirstPass: e.target.checked })}
        />
        <span>{t('notify.settings.firstPass')}</span>
      </label>

      <label className="field" htmlFor="notify-reception">
        <span className="field-label">{t('notify.settings.reception')}</span>
        <select
          id="notify-reception"
          className="input select"
          aria-describedby="notify-reception-hint"
          value={draft.receptionChannelId}
          onChange={(e) => change({ receptionChannelId: e.target.value })}
        >
          <option value="">{t('notify.settings.receptionDefault')}</option>
          {channelOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <p id="notify-reception-hint" className="field-hint">
        {t('notify.settings.receptionHint')}
      </p>

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
