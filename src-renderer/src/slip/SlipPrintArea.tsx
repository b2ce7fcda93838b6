import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useSlipStore } from './store';
import { VisitSlip } from './VisitSlip';

/**
 * What a print prints: the current slip, outside the app's tree (a portal into <body>). Hidden on
 * screen; while printing (body.printing-slip) it is all the printed page shows, on the paper's
 * named page size.
 */
export function SlipPrintArea() {
  const printing = useSlipStore((s) => s.printing);
  const settings = useSlipStore((s) => s.settings);
  const load = useSlipStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (!printing || !settings) return null;
  return createPortal(
    <div className={`slip-print-area paper-${settings.paper}`}>
      <VisitSlip content={printing} paper={settings.paper} companyName={settings.companyName} logo={settings.logo} />
    </div>,
    document.body,
  );
}
