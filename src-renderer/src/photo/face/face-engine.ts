/**
 * The face detector: @vladmandic/face-api's tiny face detector and tiny 68-point landmarks on
 * TensorFlow.js's WASM backend (CPU fallback). Imported only through load-face-engine.ts, so it
 * and the models form their own chunk, loaded on the photo step. The models and the WASM files
 * ship inside npm packages and are served by the app itself (Vite copies them): nothing is
 * downloaded at run time.
 */
import * as faceapi from '@vladmandic/face-api';
import detectorManifest from '@vladmandic/face-api/model/tiny_face_detector_model-weights_manifest.json?raw';
import detectorWeightsUrl from '@vladmandic/face-api/model/tiny_face_detector_model.bin?url';
import landmarksManifest from '@vladmandic/face-api/model/face_landmark_68_tiny_model-weights_manifest.json?raw';
import landmarksWeightsUrl from '@vladmandic/face-api/model/face_landmark_68_tiny_model.bin?url';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { poseOf } from './face-pose';
import type { PhotoRules } from '../../../../src-preload/contract';
import type { Box } from './face-crop';
import type { DetectedFace } from './face-rules';
import { checkFrame, type FrameCheck } from './frame-check';

/** The part of face-api's bundled TensorFlow.js we use that its typings leave out. */
interface TfRuntime {
  setWasmPaths(paths: Record<string, string>): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
  io: { decodeWeights(buffer: ArrayBuffer, specs: unknown[]): faceapi.tf.NamedTensorMap };
}
const tf = faceapi.tf as unknown as TfRuntime;

/** The detector's input size (a multiple of 32): small is fast; a visitor's face is large. */
export const DETECTOR_INPUT_SIZE = 288;
export const DETECTOR_MIN_SCORE = 0.5;

export interface FaceEngine {
  /** 'wasm' or 'cpu': what the checks run on (the bench prints it). */
  backend: string;
  /** Faces in the canvas, in its pixels. */
  detect(source: HTMLCanvasElement): Promise<DetectedFace[]>;
  /** One face check of a frame (frame-check.ts; it lives in this chunk, off the first screen). */
  check(source: HTMLVideoElement | HTMLCanvasElement, rules: PhotoRules, previous?: Box): Promise<FrameCheck>;
}

/** The manifest is bundled as text (small); the weights are fetched from our own origin. */
async function weightsOf(manifestText: string, weightsUrl: string): Promise<faceapi.tf.NamedTensorMap> {
  const manifest = JSON.parse(manifestText) as { weights: unknown[] }[];
  const weights = await fetch(weightsUrl).then((r) => r.arrayBuffer());
  return tf.io.decodeWeights(
    weights,
    manifest.flatMap((group) => group.weights),
  );
}

async function chooseBackend(): Promise<string> {
  tf.setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmUrl, 'tfjs-backend-wasm-simd.wasm': wasmSimdUrl, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl });
  for (const backend of ['wasm', 'cpu']) {
    try {
      if (await tf.setBackend(backend)) {
        await tf.ready();
        return tf.getBackend();
      }
    } catch {
      /* the next one */
    }
  }
  throw new Error('no TensorFlow.js backend');
}

export async function createFaceEngine(): Promise<FaceEngine> {
  const backend = await chooseBackend();
  const [detector, landmarks] = await Promise.all([weightsOf(detectorManifest, detectorWeightsUrl), weightsOf(landmarksManifest, landmarksWeightsUrl)]);
  faceapi.nets.tinyFaceDetector.loadFromWeightMap(detector);
  faceapi.nets.faceLandmark68TinyNet.loadFromWeightMap(landmarks);
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT_SIZE, scoreThreshold: DETECTOR_MIN_SCORE });
  const engine: FaceEngine = {
    backend,
    check: (source, rules, previous) => checkFrame(engine, source, rules, previous),
    async detect(source) {
      const found = await faceapi.detectAllFaces(source, options).withFaceLandmarks(true);
      return found.map(({ detection, landmarks: marks }) => {
        const box = detection.box;
        return { box: { x: box.x, y: box.y, width: box.width, height: box.height }, ...poseOf(marks.positions) };
      });
    },
  };
  return engine;
}
