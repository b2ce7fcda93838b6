/**
 * The photo rules, applied to what the detector and the image statistics found. Pure (unit-tested):
 * the same verdict drives the live guidance over the preview and the check of the captured frame.
 */
import type { PhotoCheckCode, PhotoRules } from '../../../../src-preload/contract';
import { PHOTO_CHECK_CODES } from '../../../../src-preload/photo-check-codes';
import type { Crop } from '../portrait-crop';
import { boxInside, faceCrop, type Box } from './face-crop';
import type { ImageStats } from './image-stats';

export interface DetectedFace {
  /** In the frame's pixels. */
  box: Box;
  /** Nose offset from the middle of the eyes, as a share of the eye distance (0 = frontal). */
  turn: number;
  /** Tilt of the eye line, in degrees. */
  tiltDeg: number;
}

export interface FrameFindings {
  frameWidth: number;
  frameHeight: number;
  /** null: the detector is not available. */
  faces: DetectedFace[] | null;
  /** Of the face region (absent without exactly one face). */
  stats?: ImageStats;
  /** The face's movement since the previous check, as a share of its height (absent: unknown). */
  movement?: number;
}

export interface FaceVerdict {
  /** Failing checks, most useful advice first. */
  failed: PhotoCheckCode[];
  /** The checks that were made and passed. */
  passed: PhotoCheckCode[];
  /** The 3:4 crop around the one face (absent without exactly one face). */
  crop?: Crop;
}

export function judgeFrame(findings: FrameFindings, rules: PhotoRules): FaceVerdict {
  const results = new Map<PhotoCheckCode, boolean>();
  const { faces } = findings;
  if (faces === null) return verdict(new Map([['detector-unavailable', false]]));
  results.set('no-face', faces.length > 0);
  if (faces.length === 0) return verdict(results);
  results.set('several-faces', faces.length === 1);
  if (faces.length > 1) return verdict(results);

  const face = faces[0];
  const crop = faceCrop(face.box, findings.frameWidth, findings.frameHeight);
  const share = (face.box.height / crop.height) * 100;
  results.set('face-too-small', share >= rules.minFaceHeightPct);
  results.set('face-too-large', share <= rules.maxFaceHeightPct);
  const offCentre = Math.abs(face.box.x + face.box.width / 2 - (crop.x + crop.width / 2)) / crop.width;
  results.set('off-centre', boxInside(face.box, crop) && offCentre * 100 <= rules.maxOffCentrePct);
  results.set('not-frontal', Math.abs(face.turn) * 100 <= rules.maxTurnPct && Math.abs(face.tiltDeg) <= rules.maxTiltDeg);
  if (findings.stats) {
    const { brightness, contrast, sharpness } = findings.stats;
    results.set('too-dark', brightness >= rules.minBrightness);
    results.set('too-bright', brightness <= rules.maxBrightness);
    results.set('low-contrast', contrast >= rules.minContrast);
    results.set('blurred', sharpness >= rules.minSharpness);
  }
  if (findings.movement !== undefined) results.set('moving', findings.movement * 100 <= rules.maxMovementPct);
  return { ...verdict(results), crop };
}

function verdict(results: Map<PhotoCheckCode, boolean>): FaceVerdict {
  const inOrder = PHOTO_CHECK_CODES.filter((code) => results.has(code));
  return { failed: inOrder.filter((code) => !results.get(code)), passed: inOrder.filter((code) => results.get(code)) };
}

/** How far a face moved between two checks, as a share of its height. */
export function movementBetween(previous: Box | undefined, current: Box): number | undefined {
  if (!previous) return undefined;
  const dx = previous.x + previous.width / 2 - (current.x + current.width / 2);
  const dy = previous.y + previous.height / 2 - (current.y + current.height / 2);
  return Math.hypot(dx, dy) / current.height;
}
