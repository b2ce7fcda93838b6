import { describe, expect, it } from 'vitest';
import { boxInside, faceCrop, TARGET_FACE_SHARE } from '../../../../src-renderer/src/photo/face/face-crop';

describe('auto-crop around the face', () => {
  it('a 3:4 portrait with the face at half its height, above the middle, inside a 1280×720 frame', () => {
    const face = { x: 500, y: 150, width: 300, height: 340 };
    const crop = faceCrop(face, 1280, 720);
    expect(crop.width * 4).toBe(crop.height * 3);
    expect(crop.height).toBe(680);
    expect(face.height / crop.height).toBeCloseTo(TARGET_FACE_SHARE, 1);
    expect(boxInside(face, crop)).toBe(true);
    expect(Math.abs(crop.x + crop.width / 2 - (face.x + face.width / 2))).toBeLessThanOrEqual(1);
  });

  it('never smaller than 480×640, never larger than the frame, never outside it', () => {
    expect(faceCrop({ x: 600, y: 300, width: 80, height: 90 }, 1280, 720)).toMatchObject({ width: 480, height: 640 });
    const big = faceCrop({ x: 300, y: 0, width: 600, height: 700 }, 1280, 720);
    expect(big).toMatchObject({ height: 720, width: 540, y: 0 });
    const edge = faceCrop({ x: 1200, y: 600, width: 80, height: 100 }, 1280, 720);
    expect(edge.x + edge.width).toBeLessThanOrEqual(1280);
    expect(edge.y + edge.height).toBeLessThanOrEqual(720);
    expect(edge.x).toBeGreaterThanOrEqual(0);
  });

  it('a portrait frame too small for 480×640 gives the largest 3:4 that fits', () => {
    const crop = faceCrop({ x: 100, y: 100, width: 150, height: 170 }, 360, 480);
    expect(crop).toMatchObject({ width: 360, height: 480, x: 0, y: 0 });
  });
});
