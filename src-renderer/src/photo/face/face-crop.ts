/**
 * The 3:4 portrait crop around a detected face, at the camera's resolution. Pure (unit-tested).
 * The face is placed a little above the middle with room for hair and shoulders; the crop is at
 * least PORTRAIT_MIN when the frame allows, and never leaves the frame (it slides back in, or
 * shrinks to the largest 3:4 box that fits).
 */
import { PORTRAIT_MIN, type Crop } from '../portrait-crop';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The face's height as a share of the crop's height we aim for (rules check the result). */
export const TARGET_FACE_SHARE = 0.5;
/** Where the face's middle sits, from the top, as a share of the crop's height. */
export const FACE_CENTRE_FROM_TOP = 0.45;

export function faceCrop(face: Box, frameWidth: number, frameHeight: number): Crop {
  const maxHeight = Math.min(frameHeight, Math.floor((frameWidth * 4) / 3));
  let height = Math.max(face.height / TARGET_FACE_SHARE, PORTRAIT_MIN.height);
  height = Math.min(Math.round(height), maxHeight);
  // Whole pixels, exactly 3:4.
  height -= height % 4;
  const width = (height / 4) * 3;
  const centreX = face.x + face.width / 2;
  const centreY = face.y + face.height / 2;
  const x = clamp(Math.round(centreX - width / 2), 0, frameWidth - width);
  const y = clamp(Math.round(centreY - height * FACE_CENTRE_FROM_TOP), 0, frameHeight - height);
  return { x, y, width, height };
}

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, v));

/** Whether the box lies wholly inside the crop. */
export function boxInside(box: Box, crop: Crop): boolean {
  return box.x >= crop.x && box.y >= crop.y && box.x + box.width <= crop.x + crop.width && box.y + box.height <= crop.y + crop.height;
}
