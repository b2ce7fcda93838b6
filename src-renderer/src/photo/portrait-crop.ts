/**
 * The part of a camera frame kept as the visitor's photo: the largest centred 3:4 portrait box
 * (where the on-screen face guide is). Door terminals want a portrait of at least 480×640, so a
 * 1280×720 frame gives 540×720; a 640×480 one (what `getUserMedia({video: true})` yields) only
 * 360×480, which is too small. Pure (unit-tested).
 */
export const PORTRAIT_MIN = { width: 480, height: 640 } as const;

export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function portraitCrop(frameWidth: number, frameHeight: number): Crop {
  if (frameWidth * 4 >= frameHeight * 3) {
    // Wider than 3:4: full height, the middle columns.
    const width = Math.floor((frameHeight * 3) / 4);
    return { x: Math.floor((frameWidth - width) / 2), y: 0, width, height: frameHeight };
  }
  const height = Math.floor((frameWidth * 4) / 3);
  return { x: 0, y: Math.floor((frameHeight - height) / 2), width: frameWidth, height };
}

/** What to ask the camera for: enough for the portrait crop (720 lines give 540×720). */
export const CAMERA_CONSTRAINTS = { width: { ideal: 1280 }, height: { ideal: 720 } } as const;
