/**
 * Loads the face detector once, on first use (the photo step): a dynamic import, so the detector,
 * TensorFlow.js and the models stay out of the first screen's bundle.
 */
import type { FaceEngine } from './face-engine';

let loading: Promise<FaceEngine> | null = null;

export function loadFaceEngine(): Promise<FaceEngine> {
  loading ??= import('./face-engine').then((module) => module.createFaceEngine());
  // A failed load may be tried again (the next photo step).
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
