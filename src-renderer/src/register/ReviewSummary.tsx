import type { ReactNode } from 'react';
import { useT } from '../i18n';
import { useRegistrationStore } from './store';
import { useSettingsStore } from '../settings/store';
import { normalizeDocumentNo, normalizePhone, type StepId } from './draft';
import { hostLabel } from './host-label';
import { PhotoResult } from '../photo/PhotoResult';
import { RememberConsent } from './RememberConsent';

/** One part of the review, with its "Edit" link back to the step that holds it (Next then returns here). */
function Section({ step, title, children }: { step: StepId; title: string; children: ReactNode }) {
  const t = useT();
  const goTo = useRegistrationStore((s) => s.goTo);
  return (
    <section className="review-section" aria-label={title}>
      <div className="review-head">
        <h4>{title}</h4>
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

/**
 * The review of what the earlier steps hold (visitor, host, photo), on the visit step above its
 * Submit, with the visitor's own "remember me" consent. Time and doors are edited on that step itself.
 */
export function ReviewSummary() {
  const t = useT();
  const draft = useRegistrationStore((s) => s.draft);
  const maxKB = useSettingsStore((s) => s.settings?.photoMaxKB ?? 200);
  const none = <span className="muted">{t('common.notFilled')}</span>;

  return (
    <section className="visit-part" aria-labelledby="review-title">
      <h3 id="review-title">{t('wizard.section.review')}</h3>
      <div className="review">
        <Section step="visitor" title={t('wizard.section.visitor')}>
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
        <Section step="visitor" title={t('wizard.section.host')}>
          <p>{draft.host ? hostLabel(t, draft.host) : none}</p>
        </Section>
        <Section step="photo" title={t('wizard.section.photo')}>
          <div className="review-photo">{draft.photo ? <PhotoResult photo={draft.photo} maxKB={maxKB} /> : none}</div>
        </Section>
      </div>
    </section>
  );
}
