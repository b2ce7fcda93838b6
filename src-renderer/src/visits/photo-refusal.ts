/** Pure rules for the photo retake: which doors refused the photo, and whether a retake is offered. */
import type { Visit } from '../../../src-preload/contract';
import { canRepush } from './derive';

/**
 * A door's failure that names the photo (K30's `authstatus` message; the vendor documents no codes,
 * so its words are read: 照片过大, 照片分辨率过低, 人脸…). An offline door or a failed push is not.
 */
const PHOTO_WORDS = /照片|相片|图片|人脸|photo|face|image|picture/i;

export const photoRefusals = (visit: Visit) => visit.devices.filter((d) => d.state === 'failed' && Boolean(d.message) && PHOTO_WORDS.test(d.message!));

/** Live, on K30 with a number, and refused by a door for its photo: main accepts a retake (reception only). */
export const canRetakePhoto = (visit: Visit, now: Date = new Date()) =>
  canRepush(visit) && !visit.signedOutAt && Date.parse(visit.end) > now.getTime() && photoRefusals(visit).length > 0;
