import { VisitCodeQr } from '../components/VisitCodeQr';
import { useT } from '../i18n';
import './leave.css';

/** The visit code on the done screen: what the visitor signs out with when leaving. */
export function DoneVisitCode({ code }: { code: string }) {
  const t = useT();
  return (
    <div className="done-visit-code">
      <VisitCodeQr code={code} size={132} label={t('selfService.done.code')} />
      <dl className="self-service-number">
        <dt>{t('selfService.done.code')}</dt>
        <dd data-testid="self-service-visit-code" className="visit-code-text">
          {code}
        </dd>
      </dl>
    </div>
  );
}
