import { CameraOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type CameraState = 'starting' | 'scanning' | 'denied' | 'unavailable';

/** How often a frame is read: often enough to feel instant, rarely enough to spare a phone's battery. */
const SCAN_EVERY_MS = 150;
/** Frames are read at most this wide: a QR across the frame still decodes, and quickly. */
const MAX_WIDTH = 640;

/**
 * The phone's back camera, reading QR codes: each frame goes through a canvas to jsQR until a
 * code is found, then the camera stops and `onText` gets what the code says.
 */
export function QrScanner({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>('starting');
  const [attempt, setAttempt] = useState(0);
  const found = useRef(onText);
  found.current = onText;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt restarts the camera
  useEffect(() => {
    let stream: MediaStream | undefined;
    let frame = 0;
    let stopped = false;
    let last = 0;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const stop = () => {
      stopped = true;
      cancelAnimationFrame(frame);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };

    const start = async () => {
      setState('starting');
      if (!navigator.mediaDevices?.getUserMedia || !context) {
        setState('unavailable');
        return;
      }
      try {
        const [media, { default: jsQR }] = await Promise.all([
          navigator.mediaDevices.getUserMedia({
            video: { facingMode: { ideal: 'environment' } },
            audio: false,
          }),
          import('jsqr'),
        ]);
        stream = media;
        if (stopped || !video.current) {
          stop();
          return;
        }
        video.current.srcObject = media;
        await video.current.play();
        setState('scanning');
        const tick = (time: number) => {
          if (stopped) return;
          frame = requestAnimationFrame(tick);
          const v = video.current;
          if (!v || time - last < SCAN_EVERY_MS || v.readyState < v.HAVE_ENOUGH_DATA || !v.videoWidth) return;
          last = time;
          const scale = Math.min(1, MAX_WIDTH / v.videoWidth);
          canvas.width = Math.round(v.videoWidth * scale);
          canvas.height = Math.round(v.videoHeight * scale);
          context.drawImage(v, 0, 0, canvas.width, canvas.height);
          const image = context.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          if (code?.data) {
            stop();
            found.current(code.data);
          }
        };
        frame = requestAnimationFrame(tick);
      } catch (error) {
        stop();
        const name = error instanceof DOMException ? error.name : '';
        setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable');
      }
    };

    void start();
    return stop;
  }, [attempt]);

  if (state === 'denied' || state === 'unavailable') {
    return (
      <Alert
        type="info"
        showIcon
        icon={<CameraOutlined />}
        title={state === 'denied' ? t('checkin.cameraDenied') : t('checkin.cameraUnavailable')}
        description={state === 'denied' ? t('checkin.cameraDeniedHint') : t('checkin.cameraUnavailableHint')}
        action={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => setAttempt((n) => n + 1)}>
            {t('checkin.cameraRetry')}
          </Button>
        }
        data-testid="checkin-camera-problem"
        data-state={state}
      />
    );
  }

  return (
    <div className="gj-scanner" data-testid="checkin-scanner" data-state={state}>
      <video
        ref={video}
        className="gj-scanner-video"
        muted
        playsInline
        aria-label={t('checkin.cameraLabel')}
      />
      <div className="gj-scanner-frame" aria-hidden />
      {state === 'starting' && (
        <div className="gj-scanner-overlay">
          <Spin />
          <span>{t('checkin.cameraStarting')}</span>
        </div>
      )}
      {state === 'scanning' && <div className="gj-scanner-hint">{t('checkin.cameraHint')}</div>}
    </div>
  );
}
