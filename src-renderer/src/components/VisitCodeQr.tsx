import { useEffect, useRef, useState } from 'react';

/**
 * The visit code as a QR code, drawn on a canvas (no image URL for the CSP to judge). `qrcode` is
 * loaded only when a code is first shown, so it stays out of the first screen's bundle. `onReady`
 * tells a printer when the code is drawn.
 */
export function VisitCodeQr({ code, size = 160, label, onReady }: { code: string; size?: number; label: string; onReady?: () => void }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [drawn, setDrawn] = useState('');
  useEffect(() => {
    let cancelled = false;
    void import('qrcode').then(async (QRCode) => {
      if (cancelled || !canvas.current) return;
      // Margin 2 modules and level M: decodable from paper and a webcam, still small.
      await QRCode.toCanvas(canvas.current, code, { width: size, margin: 2, errorCorrectionLevel: 'M' });
      if (!cancelled) {
        setDrawn(code);
        onReady?.();
      }
    });
    return () => {
      cancelled = true;
    };
  }, [code, size, onReady]);
  return <canvas ref={canvas} className="visit-code-qr" role="img" aria-label={label} data-code={drawn} width={size} height={size} />;
}
