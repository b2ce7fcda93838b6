/**
 * Browser side of taking the photo: a presented frame → the face check → the 3:4 crop around the
 * face (the frame's middle when there is no one face) → a JPEG that fits (see fit-jpeg).
 */
import type { CapturedPhoto } from './captured-photo';
import { bareBase64, fitJpeg, scaledSize, type Encode } from './fit-jpeg';
import type { FaceVerdict } from './face/face-rules';
import { PORTRAIT_MIN, portraitCrop, type Crop } from './portrait-crop';

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

/** The whole frame, at the camera's resolution. */
export function grabFullFrame(video: HTMLVideoElement): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(video, 0, 0);
  return canvas;
}

/** A part of a canvas, as a canvas of its own. */
export function cropCanvas(source: HTMLCanvasElement, crop: Crop): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = crop.width;
  canvas.height = crop.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.drawImage(source, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
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

/** Checks a captured frame (the face check; absent: no check, the frame's middle is kept). */
export type InspectFrame = (frame: HTMLCanvasElement) => Promise<FaceVerdict>;

export async function capturePhoto(video: HTMLVideoElement, maxKB: number, inspect?: InspectFrame): Promise<CaptureResult> {
  try {
    await waitForPresentedFrame(video);
    if (!video.videoWidth || !video.videoHeight) return { ok: false, reason: 'encode' };
    const frame = grabFullFrame(video);
    return await photoFromFrame(frame, maxKB, inspect ? await inspect(frame) : undefined);
  } catch {
    return { ok: false, reason: 'encode' };
  }
}

/** The checked frame → crop → fitted JPEG (also what the bench times). */
export async function photoFromFrame(frame: HTMLCanvasElement, maxKB: number, verdict: FaceVerdict | undefined): Promise<CaptureResult> {
  const cropped = cropCanvas(frame, verdict?.crop ?? portraitCrop(frame.width, frame.height));
  const fit = await fitJpeg({
    width: cropped.width,
    height: cropped.height,
    maxBytes: maxKB * 1024,
    minWidth: PORTRAIT_MIN.width,
    minHeight: PORTRAIT_MIN.height,
    encode: canvasEncoder(cropped),
  });
  if (!fit.ok) return { ok: false, reason: fit.reason === 'too-small-source' ? 'too-small' : 'too-large' };
  const base64 = bareBase64(await blobToDataUrl(fit.blob));
  if (!base64.startsWith('/9j/')) return { ok: false, reason: 'encode' };
  const check = verdict ? { failed: verdict.failed, passed: verdict.passed } : undefined;
  return { ok: true, photo: { base64, bytes: fit.bytes, width: fit.width, height: fit.height, quality: fit.quality, ...(check ? { check } : {}) } };
}
