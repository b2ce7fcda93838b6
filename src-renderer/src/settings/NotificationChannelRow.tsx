import { useState } from 'react';
import type { NotificationKind, NotificationTest } from '../../../src-preload/contract';
import { call } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import type { KioskError } from '../../../src-preload/contract';
import { CAN_MENTION, HAS_SECRET, type ChannelDraft } from './notification-draft';

const KINDS: NotificationKind[] = ['wecom', 'dingtalk', 'feishu', 'webhook'];

/** One notification channel: platform, name, write-only address and secret, mention, test, remove. */
export function NotificationChannelRow({
  channel,
  onChange,
  onRemove,
}: {
  channel: ChannelDraft;
  onChange: (patch: Partial<ChannelDraft>) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const [test, setTest] = useState<NotificationTest | 'save-first' | null>(null);
  const [error, setError] = useState<KioskError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (field: string) => `notify-${channel.id}-${field}`;
  const setStatus = (isSet: boolean, clear: boolean) => (clear ? t('settings.secretWillClear') : isSet ? t('settings.secretSet') : t('settings.secretNotSet'));

  const sendTest = async () => {
    setError(null);
    setTest(null);
    if (!channel.urlSet) {
      setTest('save-first');
      return;
    }
    setBusy(true);
    const result = await call('testNotification', { channelId: channel.id });
    setBusy(false);
    if (result.ok) setTest(result.value);
    else setError(result.error);
  };

  return (
    <fieldset className="notify-channel" data-testid={`notify-channel-${channel.id}`}>
      <legend>{channel.label || t(`notify.kind.${channel.kind}`)}</legend>
      <div className="notify-grid">
        <label className="field" htmlFor={id('kind')}>
          <span className="field-label">{t('notify.settings.kind')}</span>
          <select id={id('kind')} className="input select" value={channel.kind} onChange={(e) => onChange({ kind: e.target.value as NotificationKind })}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`notify.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={id('label')}>
          <span className="field-label">{t('notify.settings.label')}</span>
          <input id={id('label')} className="input" value={channel.label} maxLength={40} onChange={(e) => onChange({ label: e.target.value })} />
        </label>
        <label className="field" htmlFor={id('url')}>
          <span className="field-label">{t('notify.settings.url')}</span>
          <input
            id={id('url')}
            className="input"
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            value={channel.url}
            disabled={channel.clearUrl}
            onChange={(e) => onChange({ url: e.target.value })}
          />
          <span className="field-hint" data-testid={`notify-${channel.id}-url-status`}>
            {setStatus(channel.urlSet, channel.clearUrl)}
            {channel.urlSet && !channel.clearUrl && (
              <button type="button" className="button button-small" onClick={() => onChange({ clearUrl: true, url: '' })}>
                {t('settings.clearSecret', { name: t('notify.settings.url') })}
              </button>
            )}
          </span>
        </label>
        {HAS_SECRET.has(channel.kind) && (
          <label className="field" htmlFor={id('secret')}>
            <span className="field-label">{t('notify.settings.secret')}</span>
            <input
              id={id('secret')}
              className="input"
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              value={channel.secret}
              disabled={channel.clearSecret}
              onChange={(e) => onChange({ secret: e.target.value })}
            />
            <span className="field-hint">
              {t('notify.settings.secretHint')} · {setStatus(channel.secretSet, channel.clearSecret)}
              {channel.secretSet && !channel.clearSecret && (
                <button type="button" className="button button-small" onClick={() => onChange({ clearSecret: true, secret: '' })}>
                  {t('settings.clearSecret', { name: t('notify.settings.secret') })}
                </button>
              )}
            </span>
          </label>
        )}
      </div>
      {CAN_MENTION.has(channel.kind) ? (
        <label className="check-field" htmlFor={id('mention')}>
          <input
            id={id('mention')}
            type="checkbox"
            className="checkbox"
            checked={channel.mentionHost}
            onChange={(e) => onChange({ mentionHost: e.target.checked })}
          />
          <span>{t('notify.settings.mention')}</span>
        </label>
      ) : (
        channel.kind === 'feishu' && <p className="field-hint">{t('notify.settings.feishuNoMention')}</p>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void sendTest()}>
          {t('notify.settings.test')}
        </button>
        <button type="button" className="button button-quiet" onClick={onRemove}>
          {t('notify.settings.remove')}
        </button>
      </div>
      {test === 'save-first' && <p role="status">{t('notify.settings.saveFirst')}</p>}
      {test && test !== 'save-first' && (
        <p role="status" className={test.ok ? 'alert alert-success' : 'alert alert-error'} data-testid="notify-test-result">
          {test.ok ? t('notify.settings.testOk') : t('notify.settings.testFailed', { reason: t(`notify.failure.${test.failure ?? 'unreachable'}`) })}
        </p>
      )}
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
    </fieldset>
  );
}
