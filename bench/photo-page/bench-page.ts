/**
 * The photo bench's page (built by bench/photo-check.ts with Vite, like the app): the app's own face
 * check and capture code, timed on the fake camera's frames. Exposes window.runPhotoBench.
 */
import { DEFAULT_PHOTO_RULES } from '../../src-preload/contract';
import { grabFullFrame, photoFromFrame } from '../../src-renderer/src/photo/capture';
import { checkFrame } from '../../src-renderer/src/photo/face/frame-check';
import { loadFaceEngine } from '../../src-renderer/src/photo/face/load-face-engine';
import { CAMERA_CONSTRAINTS } from '../../src-renderer/src/photo/portrait-crop';
import type { BenchResult } from './bench-result';

const nextFrame = (video: HTMLVideoElement) => new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));

async function runPhotoBench(checks: number, captures: number, maxKB: number): Promise<BenchResult> {
  const video = document.getElementById('video') as HTMLVideoElement;
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: CAMERA_CONSTRAINTS, audio: false });
  await video.play();
  await nextFrame(video);
  const loadStart = performance.now();
  const engine = await loadFaceEngine();
  const loadMs = performance.now() - loadStart;
  // Warm-up: the first inference compiles kernels.
  for (let i = 0; i < 3; i++) await checkFrame(engine, video, DEFAULT_PHOTO_RULES);
  const checkMs: number[] = [];
  for (let i = 0; i < checks; i++) {
    await nextFrame(video);
    const start = performance.now();
    await checkFrame(engine, video, DEFAULT_PHOTO_RULES);
    checkMs.push(performance.now() - start);
  }
  const captureMs: number[] = [];
  let photo: BenchResult['photo'] = { width: 0, height: 0, bytes: 0, failed: [] };
  for (let i = 0; i < captures; i++) {
    await nextFrame(video);
    const start = performance.now();
    const frame = grabFullFrame(video);
    const { verdict } = await checkFrame(engine, frame, DEFAULT_PHOTO_RULES);
    const result = await photoFromFrame(frame, maxKB, verdict);
    captureMs.push(performance.now() - start);
    if (!result.ok) throw new Error(`capture failed: ${result.reason}`);
    photo = { width: result.photo.width, height: result.photo.height, bytes: result.photo.bytes, failed: result.photo.check?.failed ?? [] };
  }
  return { backend: engine.backend, frame: { width: video.videoWidth, height: video.videoHeight }, loadMs, checkMs, captureMs, photo };
}

(window as unknown as { runPhotoBench: typeof runPhotoBench }).runPhotoBench = runPhotoBench;
