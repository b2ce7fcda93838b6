import { useState } from 'react';
import type { ExpectedVisit } from '../../../src-preload/contract';
import { MOBILE_PATTERN } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { PhotoCapture } from '../photo/PhotoCapture';
import { rememberedCamera } from '../settings/camera-choice';
import { useSettingsStore } from '../settings/store';
import type { CapturedPhoto } from '../register/draft';
import { useExpectedStore } from './store';
import { windowText } from './window-text';

/** Check-in of one expected visitor: the photo, and only the details reception did not have. */
export function CheckInPanel({ visit }: { visit: ExpectedVisit }) {
  const t = useT();
  const maxKB = useSettingsStore((s) => s.settings?.photoMaxKB ?? 200);
  const [camera] = useState(rememberedCamera);
  const checkIn = useExpectedStore((s) => s.checkIn);
  const close = useExpectedStore((s) => s.openCheckIn);
  const busy = useExpectedStore((s) => s.checkInBusy);
  const error = useExpectedStore((s) => s.checkInError);
  const [photo, setPhoto] = useState<CapturedPhoto | null>(null);
  const [phone, setPhone] = useState('');
  const [documentNo, setDocumentNo] = useState('');
  const needsPhone = visit.missing.includes('phone');
  const needsDocument = visit.missing.includes('documentNo');
  const phoneError = needsPhone && phone !== '' && !MOBILE_PATTERN.test(phone.trim()) ? t('validation.phone') : undefined;
  const ready = photo && (!needsPhone || (phone.trim() !== '' && !phoneError)) && (!needsDocument || documentNo.trim() !== '');

  return (
    <section className="card check-in" aria-labelledby="check-in-title">
      <h2 id="check-in-title">{t('expected.checkInTitle', { name: visit.visitor.name })}</h2>
      <p className="muted">
        {t('expected.hostLine', { host: visit.host.name || visit.host.no })} · {windowText(visit.begin, visit.end)} ·{' '}
        {t('expected.doors', { n: visit.deviceNos.length })}
      </p>
      <div className="check-in-body">
        <PhotoCapture id="check-in-photo" photo={photo} onPhoto={setPhoto} maxKB={maxKB} deviceId={camera} />
        <div className="check-in-fields">
          {needsPhone && (
            <TextField id="check-in-phone" label={t('field.phone')} value={phone} onChange={setPhone} inputMode="tel" autoComplete="off" error={phoneError} />
          )}
          {needsDocument && (
            <TextField
              id="check-in-document"
              label={`${t('field.documentNo')} (${t(`doc.${visit.visitor.documentType}`)})`}
              value={documentNo}
              onChange={setDocumentNo}
              autoComplete="off"
            />
          )}
          <ErrorAlert error={error} />
          <div className="button-row">
            <button
              type="button"
              className="button button-primary button-large"
              disabled={!ready || busy}
              onClick={() =>
                photo &&
                void checkIn({
                  expectedId: visit.id,
                  photo: photo.base64,
                  ...(needsPhone ? { phone: phone.trim() } : {}),
                  ...(needsDocument ? { documentNo: documentNo.trim() } : {}),
                })
              }
            >
              {busy ? t('common.working') : t('expected.confirmCheckIn')}
            </button>
            <button type="button" className="button" onClick={() => close(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}
