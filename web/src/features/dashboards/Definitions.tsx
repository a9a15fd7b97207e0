import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';

/** The figures the definitions list, in the order of the cards. */
const DEFINED = [
  'takingPart',
  'residentShare',
  'memberShare',
  'registeredShare',
  'unitShare',
  'serviceHours',
  'projectsOpened',
  'needsRaised',
  'daysHeld',
  'readRate',
  'coursesCompleted',
  'facilityUtilization',
  'facilityHoursUsed',
  'communitySide',
  'participationSide',
  'engagement',
  'states',
  'refresh',
] as const;

/** "指标说明": what each figure counts, and how the engagement index is made. */
export function Definitions({ refreshedAt }: { refreshedAt: string | null }) {
  const { t } = useTranslation();
  return (
    <Collapse
      className="gj-section"
      size="small"
      data-testid="dashboard-definitions"
      items={[
        {
          key: 'definitions',
          label: t('dashboards.definitions.title'),
          children: (
            <div className="gj-dash-defs">
              <dl>
                {DEFINED.map((key) => (
                  <div key={key} className="gj-dash-def">
                    <dt>{t(`dashboards.definitions.term.${key}`)}</dt>
                    <dd>{t(`dashboards.define.${key}`)}</dd>
                  </div>
                ))}
              </dl>
              <Typography.Text type="secondary" data-testid="dashboard-refreshed-at">
                {refreshedAt
                  ? t('dashboards.refreshedAt', { time: zoned(refreshedAt).format('YYYY-MM-DD HH:mm:ss') })
                  : t('dashboards.neverRefreshed')}
              </Typography.Text>
            </div>
          ),
        },
      ]}
    />
  );
}
