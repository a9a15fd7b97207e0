import type { Need } from '@contract';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A need still waits while open or accepted; once answered, its days stop at the answer. */
export const isPending = (need: Need) => need.status === 'open' || need.status === 'accepted';

/** The red mark of a need waiting past its street's setting (the server says when: `need.overdue`). */
export function OverdueTag({ need, days }: { need: Need; days?: number }) {
  const { t } = useTranslation();
  if (!need.overdue) return null;
  const tag = (
    <Tag color="red" data-testid={`need-overdue-${need.id}`}>
      {t('needs.overdue')}
    </Tag>
  );
  return days === undefined ? tag : <Tooltip title={t('needs.overdueAfter', { days })}>{tag}</Tooltip>;
}

/**
 * "已等待 N 天" (and 超期) for a pending need; on its page (`answered`), how long an answered one
 * took too, and the street's days on the tag.
 */
export function NeedWaited({
  need,
  answered = false,
  overdueDays,
}: {
  need: Need;
  answered?: boolean;
  overdueDays?: number;
}) {
  const { t } = useTranslation();
  if (!isPending(need)) {
    return answered ? (
      <Typography.Text type="secondary" data-testid={`need-waited-${need.id}`}>
        {t('needs.answeredAfter', { count: need.waitedDays })}
      </Typography.Text>
    ) : null;
  }
  return (
    <span className="gj-inline">
      <Typography.Text
        type={need.overdue ? 'danger' : undefined}
        className="gj-nowrap"
        data-testid={`need-waited-${need.id}`}
      >
        {t('needs.waited', { count: need.waitedDays })}
      </Typography.Text>
      <OverdueTag need={need} days={overdueDays} />
    </span>
  );
}
