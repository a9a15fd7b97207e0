import { FullscreenOutlined, SyncOutlined } from '@ant-design/icons';
import type { Occurrence } from '@contract';
import { Button, Modal, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { DATE_TIME, timeRange } from './occurrenceParts';
import { type CheckinCodeData, isCheckinOpen, msToNextCode, useCheckinCode } from './occurrences.api';

/** The QR image of an address, drawn large enough for a phone to read across a room. */
function useQrImage(text: string | undefined) {
  const [image, setImage] = useState<string>();
  useEffect(() => {
    if (!text) return;
    let live = true;
    QRCode.toDataURL(text, { width: 640, margin: 2, errorCorrectionLevel: 'M' }).then(
      (url) => live && setImage(url),
      () => live && setImage(undefined),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return image;
}

/** Seconds until the next code, counted down between fetches. */
function useSecondsLeft(updatedAt: number, code: CheckinCodeData | undefined) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!code || !updatedAt) return undefined;
  return Math.max(0, Math.ceil((updatedAt + msToNextCode(code, updatedAt) - now) / 1000));
}

/**
 * The organiser's check-in code: a QR for members' phones (the camera opens the check-in page),
 * renewed every few seconds so a photo passed around stops working, with its text for typing.
 */
export function CheckinQrModal({
  occurrence,
  open,
  onClose,
}: {
  occurrence: Occurrence;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const code = useCheckinCode(occurrence.id, open);
  const image = useQrImage(code.data?.url);
  const secondsLeft = useSecondsLeft(code.dataUpdatedAt, code.data);
  const panel = useRef<HTMLDivElement>(null);
  const canFullscreen = typeof document !== 'undefined' && document.fullscreenEnabled;

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('checkin.qrTitle')}
      footer={null}
      width={isMobile ? '100%' : 520}
      centered
      destroyOnHidden
    >
      <div ref={panel} className="gj-qr-panel" data-testid="checkin-qr-panel">
        <div className="gj-qr-head">
          <strong>{occurrence.title}</strong>
          <Typography.Text type="secondary">
            {zoned(occurrence.startsAt).format('YYYY-MM-DD')} {timeRange(occurrence)}
          </Typography.Text>
        </div>
        {code.error && <QueryError error={code.error} onRetry={() => void code.refetch()} />}
        {!code.data && !code.error && (
          <div className="gj-qr-image gj-qr-loading">
            <Spin />
          </div>
        )}
        {code.data && (
          <>
            {image ? (
              <img
                src={image}
                alt={t('checkin.qrAlt')}
                className="gj-qr-image"
                data-testid="checkin-qr"
                data-url={code.data.url}
              />
            ) : (
              <div className="gj-qr-image gj-qr-loading">
                <Spin />
              </div>
            )}
            <Typography.Text type="secondary" className="gj-qr-scan">
              {t('checkin.qrScanHint')}
            </Typography.Text>
            <span className="gj-qr-token-label">{t('checkin.qrTokenLabel')}</span>
            <Typography.Text copyable className="gj-qr-token gj-code" data-testid="checkin-token">
              {code.data.token}
            </Typography.Text>
            <Typography.Text type="secondary" className="gj-qr-refresh" data-testid="checkin-refresh">
              <SyncOutlined spin={code.isFetching} />{' '}
              {secondsLeft === undefined
                ? t('checkin.qrRefreshing')
                : t('checkin.qrRefreshIn', { seconds: secondsLeft })}
            </Typography.Text>
          </>
        )}
        {!isCheckinOpen(occurrence) && (
          <Typography.Text type="warning" className="gj-qr-window" data-testid="checkin-window-note">
            {t('checkin.qrWindow', {
              from: zoned(occurrence.startsAt).subtract(30, 'minute').format(DATE_TIME),
              to: zoned(occurrence.endsAt).format(DATE_TIME),
            })}
          </Typography.Text>
        )}
      </div>
      {canFullscreen && !isMobile && (
        <div className="gj-section-bar gj-section-bar-end">
          <Button
            icon={<FullscreenOutlined />}
            onClick={() => void panel.current?.requestFullscreen().catch(() => undefined)}
            data-testid="checkin-qr-fullscreen"
          >
            {t('checkin.qrFullscreen')}
          </Button>
        </div>
      )}
    </Modal>
  );
}
