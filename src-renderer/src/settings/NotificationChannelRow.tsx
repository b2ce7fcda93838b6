import { useState } from 'react';
import type { NotificationKind, NotificationTest } from '../../../src-preload/contract';
import { call } from '../api';
import { CheckField } from '../components/CheckField';
import { ErrorAlert } from '../components/ErrorAlert';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useT } from '../i18n';
import type { KioskError } from '../../../src-preload/contract';
import { ChannelSecretField } from './ChannelSecretField';
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
        <SelectField
          id={id('kind')}
          label={t('notify.settings.kind')}
          value={channel.kind}
          options={KINDS.map((k) => ({ value: k, label: t(`notify.kind.${k}`) }))}
          onChange={(kind) => onChange({ kind })}
        />
        <TextField id={id('label')} label={t('notify.settings.label')} value={channel.label} maxLength={40} onChange={(label) => onChange({ label })} />
        <ChannelSecretField
          id={id('url')}
          label={t('notify.settings.url')}
          value={channel.url}
          isSet={channel.urlSet}
          clear={channel.clearUrl}
          statusTestId={`notify-${channel.id}-url-status`}
          onChange={(url) => onChange({ url })}
          onClear={() => onChange({ clearUrl: true, url: '' })}
        />
        {HAS_SECRET.has(channel.kind) && (
          <ChannelSecretField
            id={id('secret')}
            label={t('notify.settings.secret')}
            about={t('notify.settings.secretHint')}
            value={channel.secret}
            isSet={channel.secretSet}
            clear={channel.clearSecret}
            onChange={(secret) => onChange({ secret })}
            onClear={() => onChange({ clearSecret: true, secret: '' })}
          />
        )}
      </div>
      {CAN_MENTION.has(channel.kind) ? (
        <CheckField
          id={id('mention')}
          label={t('notify.settings.mention')}
          checked={channel.mentionHost}
          onChange={(mentionHost) => onChange({ mentionHost })}
        />
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
