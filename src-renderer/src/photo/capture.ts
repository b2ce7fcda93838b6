/** Browser side of taking the photo: a presented frame → canvas → a JPEG that fits (see fit-jpeg). */
import type { CapturedPhoto } from './captured-photo';
import { bareBase64, fitJpeg, scaledSize, type Encode } from './fit-jpeg';
import { PORTRAIT_MIN, portraitCrop } from './portrait-crop';

type FrameCallbackVideo = HTMLVideoElement & { requestVideoFrameCallback?: (callback: () => void) => number };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once the video has presented a frame (or, without requestVideoFrameCallback, after a short wait). */
export async function waitForPresentedFrame(video: HTMLVideoElement, timeoutMs = 1500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA && Date.now() < deadline) await sleep(50);
  const v = video as FrameCallbackVideo;
  if (typeof v.requestVideoFrameCallback === 'function') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(100, deadline - Date.now()));
      v.requestVideoFrameCallback?.(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  } else {
    await sleep(200);
  }
}

/** The frame's portrait 3:4 middle (where the face guide is), at the camera's resolution. */
export function grabFrame(video: HTMLVideoElement): HTMLCanvasElement {
  const crop = portraitCrop(video.videoWidth, video.videoHeight);
  const canvas = document.createElement('canvas');
  canvas.width = crop.width;
  canvas.height = crop.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(video, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
  return canvas;
}

export function canvasEncoder(source: HTMLCanvasElement): Encode {
  return (quality, scale) =>
    new Promise<Blob>((resolve, reject) => {
      const { width, height } = scaledSize(source.width, source.height, scale);
      let target = source;
      if (scale !== 1) {
        target = document.createElement('canvas');
        target.width = width;
        target.height = height;
        const ctx = target.getContext('2d');
        if (!ctx) return reject(new Error('no 2d context'));
        ctx.imageSmoothingQuality = 'high';
        ctx.drawImage(source, 0, 0, width, height);
      }
      target.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode failed'))), 'image/jpeg', quality);
    });
}

export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

export type CaptureResult = { ok: true; photo: CapturedPhoto } | { ok: false; reason: 'too-large' | 'too-small' | 'encode' };

export async function capturePhoto(video: HTMLVideoElement, maxKB: number): Promise<CaptureResult> {
  try {
    await waitForPresentedFrame(video);
    if (!video.videoWidth || !video.videoHeight) return { ok: false, reason: 'encode' };
    const frame = grabFrame(video);
    const fit = await fitJpeg({ width: frame.width, height: frame.height, maxBytes: maxKB * 1024, minWidth: PORTRAIT_MIN.width, minHeight: PORTRAIT_MIN.height, encode: canvasEncoder(frame) });
    if (!fit.ok) return { ok: false, reason: fit.reason === 'too-small-source' ? 'too-small' : 'too-large' };
    const base64 = bareBase64(await blobToDataUrl(fit.blob));
    if (!base64.startsWith('/9j/')) return { ok: false, reason: 'encode' };
    return { ok: true, photo: { base64, bytes: fit.bytes, width: fit.width, height: fit.height, quality: fit.quality } };
  } catch {
    return { ok: false, reason: 'encode' };
  }
}
