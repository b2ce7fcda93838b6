import type { KioskError } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { selfServiceErrorView } from './flow';

/** A failed call in a visitor's words: large, specific, and what to do next. */
export function SelfServiceErrorMessage({ error, id }: { error: KioskError; id?: string }) {
  const t = useT();
  const view = selfServiceErrorView(error);
  const detail = view.detail && error.message && error.message !== error.code ? error.message : undefined;
  return (
    <div id={id} className="self-service-alert" role="alert" tabIndex={-1} data-error-code={error.code}>
      <p className="self-service-alert-message">{t(view.key)}</p>
      {detail && <p className="self-service-alert-detail">{t('selfService.error.detail', { detail })}</p>}
    </div>
  );
}
