import type { KioskError } from '../../../src-preload/contract';
import { describeError, useT } from '../i18n';

interface Props {
  error: KioskError | null;
  /** DOM id, so focus can be moved here. */
  id?: string;
  onDismiss?: () => void;
}

/** A failed call, in words: what happened and what to do next, plus the server's own detail. */
export function ErrorAlert({ error, id, onDismiss }: Props) {
  const t = useT();
  if (!error) return null;
  const { message, detail } = describeError(t, error);
  return (
    <div id={id} className="alert alert-error" role="alert" tabIndex={-1} data-error-code={error.code}>
      <p className="alert-message">{message}</p>
      {detail && <p className="alert-detail">{detail}</p>}
      {onDismiss && (
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  );
}
