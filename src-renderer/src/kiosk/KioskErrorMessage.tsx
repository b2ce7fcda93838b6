import type { KioskError } from '../../../src-preload/contract';
import { useT } from '../i18n';
import { kioskErrorView } from './flow';

/** A failed call in a visitor's words: large, specific, and what to do next. */
export function KioskErrorMessage({ error, id }: { error: KioskError; id?: string }) {
  const t = useT();
  const view = kioskErrorView(error);
  const detail = view.detail && error.message && error.message !== error.code ? error.message : undefined;
  return (
    <div id={id} className="kiosk-alert" role="alert" tabIndex={-1} data-error-code={error.code}>
      <p className="kiosk-alert-message">{t(view.key)}</p>
      {detail && <p className="kiosk-alert-detail">{t('kiosk.error.detail', { detail })}</p>}
    </div>
  );
}
