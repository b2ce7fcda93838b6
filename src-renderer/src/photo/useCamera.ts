import { useCallback, useEffect, useState } from 'react';
import { CAMERA_CONSTRAINTS } from './portrait-crop';

export type CameraStatus = 'off' | 'starting' | 'live' | 'error';
export type CameraProblem = 'denied' | 'notFound' | 'busy' | 'unsupported' | 'generic';

export function stopStream(stream: MediaStream | null | undefined): void {
  stream?.getTracks().forEach((track) => track.stop());
}

function problemOf(error: unknown): CameraProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') return 'notFound';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy';
  return 'generic';
}

/**
 * The webcam while `enabled`: opens it (the chosen camera, else the default), lists the cameras,
 * and stops every track when disabled or unmounted (the camera light goes off).
 */
export function useCamera(enabled: boolean, deviceId: string) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [status, setStatus] = useState<CameraStatus>('off');
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return undefined;
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!media?.getUserMedia) {
      setStatus('error');
      setProblem('unsupported');
      return undefined;
    }
    let cancelled = false;
    let current: MediaStream | null = null;

    const listCameras = async () => {
      try {
        const all = await media.enumerateDevices();
        if (!cancelled) setCameras(all.filter((d) => d.kind === 'videoinput'));
      } catch {
        /* the picker simply stays hidden */
      }
    };

    const open = async () => {
      setStatus('starting');
      setProblem(null);
      try {
        let s: MediaStream;
        try {
          s = await media.getUserMedia({ video: deviceId ? { ...CAMERA_CONSTRAINTS, deviceId: { exact: deviceId } } : CAMERA_CONSTRAINTS, audio: false });
        } catch (error) {
          // The remembered camera is gone: fall back to the default one.
          if (!deviceId || problemOf(error) !== 'notFound') throw error;
          s = await media.getUserMedia({ video: CAMERA_CONSTRAINTS, audio: false });
        }
        if (cancelled) {
          stopStream(s);
          return;
        }
        current = s;
        setStream(s);
        setStatus('live');
        await listCameras();
      } catch (error) {
        if (cancelled) return;
        setStatus('error');
        setProblem(problemOf(error));
      }
    };

    void open();
    const onDeviceChange = () => void listCameras();
    media.addEventListener?.('devicechange', onDeviceChange);
    return () => {
      cancelled = true;
      media.removeEventListener?.('devicechange', onDeviceChange);
      stopStream(current);
      setStream(null);
      setStatus('off');
    };
  }, [enabled, deviceId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { stream, status, problem, cameras, retry };
}
