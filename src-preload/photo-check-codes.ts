/**
 * The photo checks, in the order guidance speaks of them (the first failing one is the advice
 * shown). Plain data, no zod: the renderer's face check imports it without the schema library.
 */
export const PHOTO_CHECK_CODES = [
  /** The face detector could not be loaded: nothing is known about the photo. */
  'detector-unavailable',
  'no-face',
  'several-faces',
  /** The face is under minFaceHeightPct of the cropped photo: move closer. */
  'face-too-small',
  /** The face is over maxFaceHeightPct of the cropped photo: step back. */
  'face-too-large',
  /** The face is cut by the frame's edge or too far from the middle. */
  'off-centre',
  'not-frontal',
  'too-dark',
  'too-bright',
  'low-contrast',
  'moving',
  'blurred',
] as const;
