import { LoadingOutlined } from '@ant-design/icons';
import { Progress, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type NoticeKind, type NoticeStatus, percent } from './api';

const KIND_COLOR: Record<NoticeKind, string> = {
  notice: 'blue',
  open_letter: 'red',
  policy_explainer: 'purple',
};

const STATUS_COLOR: Record<NoticeStatus, string> = {
  draft: 'default',
  publishing: 'processing',
  published: 'success',
};

export function NoticeKindTag({ kind }: { kind: NoticeKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLOR[kind]} data-kind={kind}>
      {t(`notices.kind.${kind}`)}
    </Tag>
  );
}

export function NoticeStatusTag({ status, testId }: { status: NoticeStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLOR[status]}
      icon={status === 'publishing' ? <LoadingOutlined /> : undefined}
      data-status={status}
      data-testid={testId}
    >
      {t(`notices.status.${status}`)}
    </Tag>
  );
}

/** A read rate (0–1) as a small bar with its percentage. */
export function ReadRateBar({ rate }: { rate: number }) {
  return (
    <Progress
      className="gj-pub-rate"
      percent={percent(rate)}
      size="small"
      strokeColor={rate >= 0.8 ? '#52c41a' : rate >= 0.5 ? '#faad14' : '#c8102e'}
      format={(p) => `${p}%`}
    />
  );
}
