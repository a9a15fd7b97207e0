import type { Need } from '@contract';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What became of a need, in a line: why declined, where merged, which project took it. */
export function NeedOutcome({ need }: { need: Need }) {
  const { t } = useTranslation();
  if (need.status === 'declined' && need.reason) {
    return (
      <Typography.Text type="danger" data-testid={`need-reason-${need.id}`}>
        {t('needs.declinedBecause', { reason: need.reason })}
      </Typography.Text>
    );
  }
  if (need.status === 'merged') {
    return <Typography.Text type="secondary">{t('needs.mergedNote')}</Typography.Text>;
  }
  if (need.status === 'converted' && need.projectId !== null) {
    return (
      <Link to={`/projects/${need.projectId}`} data-testid={`need-project-${need.id}`}>
        {t('needs.viewProject')}
      </Link>
    );
  }
  if (need.status === 'accepted') {
    return <Typography.Text type="secondary">{t('needs.acceptedNote')}</Typography.Text>;
  }
  return null;
}
