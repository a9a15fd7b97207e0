import type { TimeRequest } from '@contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<TimeRequest['status'], string> = {
  open: 'gold',
  accepted: 'blue',
  done: 'success',
  cancelled: 'default',
};

/** 待响应, 有人帮忙, 已完成, 已取消. */
export function TimeRequestStatusTag({ status }: { status: TimeRequest['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-status={status}>
      {t(`timeBank.status.${status}`)}
    </Tag>
  );
}

/** Whose side the reader is on: the one who asked, or the one who helps. */
export function TimeRequestSideTag({ side }: { side: 'asked' | 'helped' }) {
  const { t } = useTranslation();
  return <Tag color={side === 'asked' ? 'volcano' : 'geekblue'}>{t(`timeBank.side.${side}`)}</Tag>;
}
