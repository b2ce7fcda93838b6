import { describe, expect, it } from 'vitest';
import { PORTRAIT_MIN, portraitCrop } from '../../../src-renderer/src/photo/portrait-crop';

describe('portrait crop', () => {
  it('keeps the centred 3:4 middle of a landscape frame, at least 480×640 from 1280×720', () => {
    expect(portraitCrop(1280, 720)).toEqual({ x: 370, y: 0, width: 540, height: 720 });
    expect(portraitCrop(1920, 1080)).toEqual({ x: 555, y: 0, width: 810, height: 1080 });
    const crop = portraitCrop(1280, 720);
    expect(crop.width).toBeGreaterThanOrEqual(PORTRAIT_MIN.width);
    expect(crop.height).toBeGreaterThanOrEqual(PORTRAIT_MIN.height);
  });

  it('cannot make 480×640 from the 640×480 a bare getUserMedia gives', () => {
    const crop = portraitCrop(640, 480);
    expect(crop).toEqual({ x: 140, y: 0, width: 360, height: 480 });
    expect(crop.height).toBeLessThan(PORTRAIT_MIN.height);
  });

  it('keeps the middle rows of a frame taller than 3:4', () => {
    expect(portraitCrop(720, 1280)).toEqual({ x: 0, y: 160, width: 720, height: 960 });
    expect(portraitCrop(480, 640)).toEqual({ x: 0, y: 0, width: 480, height: 640 });
  });
});
