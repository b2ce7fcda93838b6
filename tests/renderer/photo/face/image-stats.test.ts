import { describe, expect, it } from 'vitest';
import { imageStats } from '../../../../src-renderer/src/photo/face/image-stats';
import { poseOf } from '../../../../src-renderer/src/photo/face/face-pose';

/** An RGBA image from a grey level per pixel. */
function grey(width: number, height: number, level: (x: number, y: number) => number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([level(x, y), level(x, y), level(x, y), 255], (y * width + x) * 4);
  return data;
}

describe('image statistics of the face region', () => {
  it('brightness is the mean luma, contrast its spread; a flat image has no contrast and no sharpness', () => {
    const flat = imageStats(
      grey(32, 32, () => 100),
      32,
      32,
    );
    expect(flat.brightness).toBeCloseTo(100);
    expect(flat.contrast).toBeCloseTo(0);
    expect(flat.sharpness).toBeCloseTo(0);
  });

  it('fine detail is sharp; the same pattern blurred (a smooth ramp) is not', () => {
    const checker = imageStats(
      grey(32, 32, (x, y) => ((x + y) % 2 ? 200 : 50)),
      32,
      32,
    );
    const ramp = imageStats(
      grey(32, 32, (x) => 50 + (150 * x) / 31),
      32,
      32,
    );
    expect(checker.sharpness).toBeGreaterThan(1000);
    expect(ramp.sharpness).toBeLessThan(1);
    expect(checker.contrast).toBeCloseTo(75);
  });
});

describe('face pose from the 68 landmarks', () => {
  /** Eyes 36–41 around (lx, y) and 42–47 around (rx, y), the nose tip (30) at noseX. */
  function landmarks(noseX: number, tilt = 0): { x: number; y: number }[] {
    const points = Array.from({ length: 68 }, () => ({ x: 0, y: 0 }));
    for (let i = 36; i < 42; i++) points[i] = { x: 100, y: 100 };
    for (let i = 42; i < 48; i++) points[i] = { x: 200, y: 100 + tilt };
    points[30] = { x: noseX, y: 160 };
    return points;
  }

  it('a nose midway between the eyes is frontal; off to one side is turned; a sloping eye line is tilted', () => {
    expect(poseOf(landmarks(150)).turn).toBeCloseTo(0);
    expect(poseOf(landmarks(190)).turn).toBeCloseTo(0.4);
    expect(poseOf(landmarks(150, 100)).tiltDeg).toBeCloseTo(45);
  });
});
