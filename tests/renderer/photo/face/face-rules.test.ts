import { describe, expect, it } from 'vitest';
import { DEFAULT_PHOTO_RULES, PhotoRulesSchema } from '../../../../src-preload/contract';
import { PHOTO_CHECK_CODES } from '../../../../src-preload/photo-check-codes';
import { judgeFrame, movementBetween, type DetectedFace, type FrameFindings } from '../../../../src-renderer/src/photo/face/face-rules';

const good = { brightness: 130, contrast: 45, sharpness: 120 };
/** A frontal face 320 px high in the middle of a 1280×720 frame. */
const face = (box: Partial<DetectedFace['box']> = {}, pose: Partial<Pick<DetectedFace, 'turn' | 'tiltDeg'>> = {}): DetectedFace => ({
  box: { x: 480, y: 180, width: 300, height: 320, ...box },
  turn: 0,
  tiltDeg: 0,
  ...pose,
});
const frame = (faces: DetectedFace[] | null, extra: Partial<FrameFindings> = {}): FrameFindings => ({
  frameWidth: 1280,
  frameHeight: 720,
  faces,
  stats: good,
  movement: 0,
  ...extra,
});
const judge = (findings: FrameFindings) => judgeFrame(findings, DEFAULT_PHOTO_RULES);

describe('photo rules', () => {
  it('a large, centred, frontal, well-lit, sharp and still face passes every check, with a 3:4 crop around it', () => {
    const verdict = judge(frame([face()]));
    expect(verdict.failed).toEqual([]);
    // Every check but the detector's own, in guidance order.
    expect(verdict.passed).toEqual(PHOTO_CHECK_CODES.filter((code) => code !== 'detector-unavailable'));
    expect(verdict.passed).toHaveLength(11);
    expect(verdict.crop!.width * 4).toBe(verdict.crop!.height * 3);
    expect(verdict.crop!.height).toBeGreaterThanOrEqual(640);
  });

  it('no face, two faces, or no detector: that alone is said (nothing else can be judged)', () => {
    expect(judge(frame([])).failed).toEqual(['no-face']);
    expect(judge(frame([face(), face({ x: 900 })])).failed).toEqual(['several-faces']);
    expect(judge(frame(null)).failed).toEqual(['detector-unavailable']);
    expect(judge(frame([])).crop).toBeUndefined();
  });

  it('a face under 35% of the cropped photo is too small; over 80% too large', () => {
    // The crop is at least 640 high: a 200 px face is 31%.
    expect(judge(frame([face({ height: 200, width: 180, y: 250 })])).failed[0]).toBe('face-too-small');
    expect(judge(frame([face({ height: 230, width: 200, y: 250 })])).failed).toEqual([]);
    expect(judge(frame([face({ height: 700, width: 560, y: 10 })])).failed[0]).toBe('face-too-large');
  });

  it('a face at the frame edge is off-centre in its crop (the crop cannot follow it out of the frame)', () => {
    expect(judge(frame([face({ x: 0 })])).failed[0]).toBe('off-centre');
    expect(judge(frame([face({ x: 1280 - 300 })])).failed[0]).toBe('off-centre');
  });

  it('turned or tilted, dark, bright, flat, blurred, moving: each is its own failing check, in the order guidance speaks', () => {
    expect(judge(frame([face({}, { turn: 0.45 })])).failed).toEqual(['not-frontal']);
    expect(judge(frame([face({}, { tiltDeg: 25 })])).failed).toEqual(['not-frontal']);
    expect(judge(frame([face()], { stats: { ...good, brightness: 30 } })).failed).toEqual(['too-dark']);
    expect(judge(frame([face()], { stats: { ...good, brightness: 240 } })).failed).toEqual(['too-bright']);
    expect(judge(frame([face()], { stats: { ...good, contrast: 5 } })).failed).toEqual(['low-contrast']);
    expect(judge(frame([face()], { stats: { ...good, sharpness: 3 } })).failed).toEqual(['blurred']);
    expect(judge(frame([face()], { movement: 0.3 })).failed).toEqual(['moving']);
    expect(judge(frame([face({}, { turn: 0.45 })], { stats: { ...good, brightness: 30 }, movement: 0.3 })).failed).toEqual([
      'not-frontal',
      'too-dark',
      'moving',
    ]);
  });

  it('movement unknown (the captured frame alone) is not judged; the rules are tunable', () => {
    expect(judge(frame([face()], { movement: undefined })).passed).not.toContain('moving');
    const lenient = { ...DEFAULT_PHOTO_RULES, minFaceHeightPct: 25 };
    expect(judgeFrame(frame([face({ height: 200, width: 180, y: 250 })]), lenient).failed).toEqual([]);
    expect(movementBetween(undefined, face().box)).toBeUndefined();
    expect(movementBetween({ x: 0, y: 0, width: 100, height: 100 }, { x: 30, y: 40, width: 100, height: 100 })).toBeCloseTo(0.5);
  });

  it('the settings schema takes the defaults and refuses crossed limits', () => {
    expect(PhotoRulesSchema.parse(DEFAULT_PHOTO_RULES)).toEqual(DEFAULT_PHOTO_RULES);
    expect(PhotoRulesSchema.safeParse({ ...DEFAULT_PHOTO_RULES, minFaceHeightPct: 90, maxFaceHeightPct: 50 }).success).toBe(false);
    expect(PhotoRulesSchema.safeParse({ ...DEFAULT_PHOTO_RULES, minBrightness: 200, maxBrightness: 100 }).success).toBe(false);
    expect(PhotoRulesSchema.safeParse({ ...DEFAULT_PHOTO_RULES, extra: 1 }).success).toBe(false);
  });
});
