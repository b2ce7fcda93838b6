import type { PhotoCheckCode } from '../../../src-preload/contract';

/** A photo as the camera step hands it on: a JPEG that already fits the terminal's size limit. */
export interface CapturedPhoto {
  /** Bare Base64 of the JPEG (starts with /9j/). */
  base64: string;
  bytes: number;
  width: number;
  height: number;
  quality: number;
  /** The face check of the captured frame (absent: not checked). */
  check?: { failed: PhotoCheckCode[]; passed: PhotoCheckCode[] };
  /** Reception accepted a photo that failed checks: why (required then; never on the kiosk). */
  overrideReason?: string;
}
