import { useState } from 'react';
import type { KioskError, PrintSlipResult } from '../../../src-preload/contract';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n';
import type { SlipContent } from './slip-content';
import { useSlipStore } from './store';
import { VisitSlip } from './VisitSlip';

/** The slip's preview, and printing it (main picks the printer). */
export function PrintSlipButton({ content, label, large }: { content: SlipContent; label: string; large?: boolean }) {
  const t = useT();
  const settings = useSlipStore((s) => s.settings);
  const print = useSlipStore((s) => s.print);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<PrintSlipResult['via'] | null>(null);
  const [error, setError] = useState<KioskError | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    const result = await print(content);
    setBusy(false);
    setOpen(false);
    if (result.ok) setDone(result.value.via);
    else setError(result.error);
  };

  return (
    <>
      <button type="button" className={`button${large ? ' button-large' : ''}`} disabled={!settings} onClick={() => setOpen(true)}>
        {label}
      </button>
      {done && (
        <p role="status" className="muted" data-testid="slip-printed">
          {t(`slip.printed.${done}`)}
        </p>
      )}
      <ErrorAlert error={error} onDismiss={() => setError(null)} />
      {settings && (
        <ConfirmDialog
          open={open}
          title={t('slip.previewTitle')}
          confirmLabel={t('slip.print')}
          busy={busy}
          onCancel={() => setOpen(false)}
          onConfirm={() => void run()}
        >
          <div className="slip-preview">
            <VisitSlip content={content} paper={settings.paper} companyName={settings.companyName} logo={settings.logo} testId="slip-preview" />
          </div>
        </ConfirmDialog>
      )}
    </>
  );
}
