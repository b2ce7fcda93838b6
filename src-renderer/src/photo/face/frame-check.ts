/**
 * One face check of a frame (the live preview, or the captured frame): the frame is scaled down
 * before detection (speed), the faces mapped back to the frame's pixels, the face region's
 * brightness, contrast and sharpness measured at 128 px high, and the rules applied.
 */
import type { PhotoRules } from '../../../../src-preload/contract';
import type { Box } from './face-crop';
import type { FaceEngine } from './face-engine';
import { judgeFrame, movementBetween, type DetectedFace, type FaceVerdict } from './face-rules';
import { imageStats, type ImageStats } from './image-stats';

/** The long side the frame is scaled to before detection. */
export const DETECTION_LONG_SIDE = 320;
/** The height the face region is measured at (sharpness depends on the scale: keep it fixed). */
export const STATS_HEIGHT = 128;

type Source = HTMLVideoElement | HTMLCanvasElement;

export interface FrameCheck {
  verdict: FaceVerdict;
  /** The one face's box, for the next check's movement. */
  box?: Box;
}

const canvases = new Map<string, HTMLCanvasElement>();
function canvas(name: string, width: number, height: number): HTMLCanvasElement {
  let c = canvases.get(name);
  if (!c) {
    c = document.createElement('canvas');
    canvases.set(name, c);
  }
  if (c.width !== width) c.width = width;
  if (c.height !== height) c.height = height;
  return c;
}

export function sourceSize(source: Source): { width: number; height: number } {
  return source instanceof HTMLVideoElement ? { width: source.videoWidth, height: source.videoHeight } : { width: source.width, height: source.height };
}

async function detectScaled(engine: FaceEngine, source: Source, width: number, height: number): Promise<DetectedFace[]> {
  const scale = Math.min(1, DETECTION_LONG_SIDE / Math.max(width, height));
  const small = canvas('detect', Math.round(width * scale), Math.round(height * scale));
  small.getContext('2d')?.drawImage(source, 0, 0, small.width, small.height);
  const faces = await engine.detect(small);
  return faces.map((face) => ({
    ...face,
    box: { x: face.box.x / scale, y: face.box.y / scale, width: face.box.width / scale, height: face.box.height / scale },
  }));
}

export function regionStats(source: Source, box: Box): ImageStats | undefined {
  const width = Math.max(3, Math.round((box.width / box.height) * STATS_HEIGHT));
  const region = canvas('stats', width, STATS_HEIGHT);
  const ctx = region.getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  ctx.drawImage(source, box.x, box.y, box.width, box.height, 0, 0, width, STATS_HEIGHT);
  return imageStats(ctx.getImageData(0, 0, width, STATS_HEIGHT).data, width, STATS_HEIGHT);
}

/** `engine` null: the detector could not be loaded (the verdict says so). */
export async function checkFrame(engine: FaceEngine | null, source: Source, rules: PhotoRules, previous?: Box): Promise<FrameCheck> {
  const { width, height } = sourceSize(source);
  if (!engine) return { verdict: judgeFrame({ frameWidth: width, frameHeight: height, faces: null }, rules) };
  const faces = await detectScaled(engine, source, width, height);
  const box = faces.length === 1 ? faces[0].box : undefined;
  const stats = box ? regionStats(source, box) : undefined;
  const movement = box ? movementBetween(previous, box) : undefined;
  return { verdict: judgeFrame({ frameWidth: width, frameHeight: height, faces, stats, movement }, rules), box };
}
