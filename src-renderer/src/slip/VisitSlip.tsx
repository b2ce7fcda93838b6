import type { SlipPaper } from '../../../src-preload/contract';
import { VisitCodeQr } from '../components/VisitCodeQr';
import { useLanguage, useT } from '../i18n';
import { formatDateTime } from '../lib/datetime';
import type { SlipContent } from './slip-content';
import './slip.css';

/** QR size in CSS pixels per paper (printed at the paper's width). */
const QR_SIZE: Record<SlipPaper, number> = { '58mm': 120, '80mm': 150, a6: 170 };

/** The visitor's slip (访客单): logo, company, photo, name, host, validity, doors, visit code with QR. */
export function VisitSlip({
  content,
  paper,
  companyName,
  logo,
  testId,
}: {
  content: SlipContent;
  paper: SlipPaper;
  companyName: string;
  logo: string;
  testId?: string;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <article className={`slip slip-${paper}`} data-testid={testId} aria-label={t('slip.title')}>
      <header className="slip-head">
        {logo && <img className="slip-logo" src={logo} alt={t('slip.logo')} />}
        {companyName && <p className="slip-company">{companyName}</p>}
        <h2 className="slip-title">{t('slip.title')}</h2>
      </header>
      <div className="slip-person">
        {content.photo && <img className="slip-photo" src={content.photo} alt={t('slip.photo')} />}
        <dl className="slip-facts">
          <dt>{t('slip.visitor')}</dt>
          <dd className="slip-name">{content.name}</dd>
          <dt>{t('slip.host')}</dt>
          <dd>{content.hostName}</dd>
          <dt>{t('slip.valid')}</dt>
          <dd>
            {formatDateTime(content.begin, language)} – {formatDateTime(content.end, language)}
          </dd>
          <dt>{t('slip.doors')}</dt>
          <dd>{content.doors.join('、')}</dd>
        </dl>
      </div>
      <div className="slip-code">
        <VisitCodeQr code={content.visitCode} size={QR_SIZE[paper]} label={t('slip.qrLabel')} />
        <p className="slip-code-text">
          {t('slip.code')} <strong className="visit-code-text">{content.visitCode}</strong>
        </p>
        <p className="slip-hint">{t('slip.codeHint')}</p>
      </div>
    </article>
  );
}
