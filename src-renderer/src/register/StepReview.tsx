import type { ReactNode } from 'react';
import { useT, useLanguage } from '../i18n';
import { formatDateTime, parseLocalInput } from '../lib/datetime';
import { useDevicesStore } from '../devices/store';
import { useRegistrationStore } from './store';
import { useSettingsStore } from '../settings/store';
import { normalizeDocumentNo, normalizePhone, type StepId } from './draft';
import { StepFrame } from './StepFrame';
import { hostLabel } from './host-label';
import { PhotoResult } from '../photo/PhotoResult';
import { RememberConsent } from './RememberConsent';
import { DuplicateWarning } from './DuplicateWarning';
import { DenyAlert } from './DenyAlert';

function Section({ step, title, children }: { step: StepId; title: string; children: ReactNode }) {
  const t = useT();
  const goTo = useRegistrationStore((s) => s.goTo);
  return (
    <section className="review-section" aria-label={title}>
      <div className="review-head">
        <h3>{title}</h3>
        <button type="button" className="button button-small" onClick={() => goTo(step, true)}>
          {t('review.edit', { section: title })}
        </button>
      </div>
      {children}
    </section>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="dl-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export function StepReview() {
  const t = useT();
  const language = useLanguage();
  const draft = useRegistrationStore((s) => s.draft);
  const submit = useRegistrationStore((s) => s.submit);
  const devices = useDevicesStore((s) => s.devices);
  const maxKB = useSettingsStore((s) => s.settings?.photoMaxKB ?? 200);
  const none = <span className="muted">{t('common.notFilled')}</span>;
  const chosen = devices.filter((d) => draft.deviceNos?.includes(d.no));
  const begin = parseLocalInput(draft.begin);
  const end = parseLocalInput(draft.end);

  return (
    <StepFrame step="review" onSubmit={() => void submit()} submitLabel={t('wizard.submit')}>
      <DuplicateWarning />
      <DenyAlert />
      <div className="review">
        <Section step="visitor" title={t('step.visitor')}>
          <dl className="dl">
            <Row label={t('field.name')} value={draft.name.trim() || none} />
            <Row label={t('field.phone')} value={normalizePhone(draft.phone) || none} />
            <Row label={t('field.documentType')} value={t(`doc.${draft.documentType}`)} />
            <Row label={t('field.documentNo')} value={normalizeDocumentNo(draft.documentType, draft.documentNo) || none} />
            <Row label={t('field.carno')} value={draft.carno.trim() || none} />
            <Row label={t('field.reason')} value={draft.reason.trim() || none} />
          </dl>
        </Section>
        <RememberConsent />
        <Section step="host" title={t('step.host')}>
          <p>{draft.host ? hostLabel(t, draft.host) : none}</p>
        </Section>
        <Section step="window" title={t('step.window')}>
          <dl className="dl">
            <Row label={t('field.begin')} value={begin ? formatDateTime(begin, language) : none} />
            <Row label={t('field.end')} value={end ? formatDateTime(end, language) : none} />
          </dl>
        </Section>
        <Section step="photo" title={t('step.photo')}>
          {draft.photo ? <PhotoResult photo={draft.photo} maxKB={maxKB} /> : none}
        </Section>
        <Section step="devices" title={t('step.devices')}>
          {chosen.length ? (
            <ul className="plain-list">
              {chosen.map((d) => (
                <li key={d.no}>
                  {d.regionname ? `${d.regionname} · ` : ''}
                  {d.name}
                  {!d.online && <span className="badge badge-danger">{t('devices.offline')}</span>}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Section>
      </div>
    </StepFrame>
  );
}
