import { useEffect, useRef } from 'react';
import { useT } from '../i18n';
import { useCamera } from '../photo/useCamera';

/** How often a frame is looked at: often enough to feel instant, rare enough for a kiosk PC. */
const SCAN_EVERY_MS = 250;

/**
 * The camera, looking for a QR code (the visit code on the slip). jsQR is loaded only when a
 * visitor asks to scan. Frames never leave this component; the first code read is handed on.
 */
export function QrScanner({ deviceId, onCode }: { deviceId: string; onCode: (text: string) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement | null>(null);
  const { stream, status } = useCamera(true, deviceId);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    element.srcObject = stream;
    if (stream) void element.play().catch(() => {});
  }, [stream]);

  useEffect(() => {
    if (status !== 'live') return undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let timer: ReturnType<typeof setTimeout> | undefined;
    void import('jsqr').then(({ default: jsQR }) => {
      const look = () => {
        if (stopped) return;
        const v = video.current;
        if (v && context && v.videoWidth > 0) {
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          context.drawImage(v, 0, 0);
          const frame = context.getImageData(0, 0, canvas.width, canvas.height);
          const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
          if (found?.data) {
            onCode(found.data);
            return;
          }
        }
        timer = setTimeout(look, SCAN_EVERY_MS);
      };
      look();
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [status, onCode]);

  return (
    <div className="leave-scanner">
      <video ref={video} className="leave-scanner-video" autoPlay playsInline muted aria-label={t('selfService.leave.scanning')} />
      <p className="self-service-muted" role="status">
        {status === 'error' ? t('selfService.leave.cameraProblem') : t('selfService.leave.scanning')}
      </p>
    </div>
  );
}
