/**
 * A Y4M video for Chromium's fake camera that shows one QR code (the visit code on a slip held to
 * the kiosk's camera): black modules on white, centred, with a quiet zone.
 */
import QRCode from 'qrcode';
import { writeStillY4m } from './busy-y4m';

export function writeQrY4m(out: string, text: string, width = 640, height = 480, frames = 5): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const module = Math.floor(Math.min(width, height) / (size + 8));
  const left = Math.floor((width - size * module) / 2);
  const top = Math.floor((height - size * module) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let y = 0; y < module; y++)
        luma.fill(16, (top + r * module + y) * width + left + c * module, (top + r * module + y) * width + left + (c + 1) * module);
    }
  }
  const chroma = Buffer.alloc((width * height) / 4, 128);
  writeStillY4m(out, width, height, { luma, cb: chroma, cr: chroma }, frames);
}
