import { useEffect, useState } from 'react';
import type { KioskError, Printer, SlipPaper } from '../../../src-preload/contract';
import { call } from '../api';
import { CheckField } from '../components/CheckField';
import { ErrorAlert } from '../components/ErrorAlert';
import { Field } from '../components/Field';
import { SelectField } from '../components/SelectField';
import { useT } from '../i18n';
import { PrintSlipButton } from '../slip/lazy';
import { useSlipStore } from '../slip/store';

const PAPERS: SlipPaper[] = ['58mm', '80mm', 'a6'];
/** The contract's limit on a logo's data URL. */
const MAX_LOGO_CHARS = 200_000;
/** The test page's visit code (not any visit's). */
const TEST_CODE = 'TEST0000';

/** Settings → visitor pass printing: company name and logo, paper, auto-print, printer, test page. */
export function SlipSection() {
  const t = useT();
  const settings = useSlipStore((s) => s.settings);
  const load = useSlipStore((s) => s.load);
  const save = useSlipStore((s) => s.save);
  const [printers, setPrinters] = useState<Printer[]>([]);
  const [error, setError] = useState<KioskError | null>(null);
  const [logoError, setLogoError] = useState(false);
  const [saved, setSaved] = useState(false);
  // The sample slip's times: fixed for the life of this section (a render stays pure).
  const [now] = useState(() => new Date());

  useEffect(() => {
    void load();
    void call('listPrinters').then((r) => r.ok && setPrinters(r.value));
  }, [load]);
  if (!settings) return null;

  const apply = async (patch: Parameters<typeof save>[0]) => {
    setSaved(false);
    setError(null);
    const result = await save(patch);
    if (result.ok) setSaved(true);
    else setError(result.error);
  };
  const pickLogo = (file: File | undefined) => {
    setLogoError(false);
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      if (url.length > MAX_LOGO_CHARS || !/^data:image\/(png|jpeg);base64,/.test(url)) setLogoError(true);
      else void apply({ logo: url });
    };
    reader.readAsDataURL(file);
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-slip">
      <h2 id="settings-slip">{t('slip.settings.title')}</h2>
      <Field id="slip-company" label={t('slip.settings.company')}>
        <input
          id="slip-company"
          className="input"
          defaultValue={settings.companyName}
          maxLength={60}
          onBlur={(e) => e.target.value !== settings.companyName && void apply({ companyName: e.target.value })}
        />
      </Field>
      <Field id="slip-logo" label={t('slip.settings.logo')}>
        <input id="slip-logo" type="file" accept="image/png,image/jpeg" onChange={(e) => pickLogo(e.target.files?.[0])} />
      </Field>
      {logoError && <p className="field-error">{t('slip.settings.logoTooLarge')}</p>}
      {settings.logo && (
        <p>
          <img src={settings.logo} alt={t('slip.logo')} className="slip-logo" />{' '}
          <button type="button" className="button button-small" onClick={() => void apply({ logo: '' })}>
            {t('slip.settings.removeLogo')}
          </button>
        </p>
      )}
      <SelectField
        id="slip-paper"
        label={t('slip.settings.paper')}
        value={settings.paper}
        options={PAPERS.map((p) => ({ value: p, label: t(`slip.paper.${p}`) }))}
        onChange={(paper) => void apply({ paper })}
      />
      <SelectField
        id="slip-printer"
        label={t('slip.settings.printer')}
        value={settings.printerName}
        options={[{ value: '', label: t('slip.settings.systemDialog') }, ...printers.map((p) => ({ value: p.name, label: p.displayName }))]}
        onChange={(printerName) => void apply({ printerName })}
      />
      {printers.length === 0 && <p className="field-hint">{t('slip.settings.noPrinters')}</p>}
      <CheckField id="slip-auto" label={t('slip.settings.autoPrint')} checked={settings.autoPrint} onChange={(autoPrint) => void apply({ autoPrint })} />
      <div className="button-row">
        <PrintSlipButton
          label={t('slip.settings.testPage')}
          content={{
            name: t('slip.test.name'),
            hostName: t('slip.test.host'),
            begin: now.toISOString(),
            end: new Date(now.getTime() + 3600_000).toISOString(),
            doors: [t('slip.test.door')],
            visitCode: TEST_CODE,
          }}
        />
      </div>
      {saved && (
        <p role="status" className="alert alert-success">
          {t('slip.settings.saved')}
        </p>
      )}
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
    </section>
  );
}
