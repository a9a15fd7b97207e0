import { FieldTimeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { QueryError } from '../../shared/QueryError';
import { useDistrictSettings, useSetDistrictSettings } from './api';

/** The zones a browser knows (IANA names), with the one in use first when it is not among them. */
function zoneOptions(current: string) {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = known.includes(current) ? known : [current, ...known];
  return zones.map((zone) => ({ value: zone, label: zone }));
}

/** "UTC+08:00" now, in a zone. */
function offsetOf(zone: string) {
  try {
    const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value.replace('GMT', 'UTC') || 'UTC';
  } catch {
    return '';
  }
}

/**
 * The district's settings, on its node of the region tree: the time zone every date and time of
 * the district is shown in (whatever a reader's device says). Its admins change it here.
 */
export function DistrictSettingsCard() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const settings = useDistrictSettings();
  const save = useSetDistrictSettings();
  const [zone, setZone] = useState<string | undefined>(undefined);
  const data = settings.data;
  if (settings.error) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!data) return <Skeleton active paragraph={{ rows: 1 }} />;
  const chosen = zone ?? data.timeZone;
  const submit = () =>
    save.mutate(
      { timeZone: chosen },
      {
        onSuccess: (s) => {
          setZone(undefined);
          feedback.success(t('regions.settings.saved', { zone: s.timeZone }));
        },
        onError: feedback.error,
      },
    );
  return (
    <section data-testid="district-settings">
      <Typography.Title level={5}>
        <FieldTimeOutlined /> {t('regions.settings.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('regions.settings.hint')}</Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'zone',
            label: t('regions.settings.timeZone'),
            children: (
              <Space wrap>
                <span data-testid="district-time-zone">{data.timeZone}</span>
                <span className="gj-secondary">{offsetOf(data.timeZone)}</span>
                {data.isDefault && <Tag>{t('regions.settings.default')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      {data.can.update && (
        <Space wrap className="gj-section">
          <Select
            showSearch
            className="gj-toolbar-select-wide"
            value={chosen}
            onChange={setZone}
            options={zoneOptions(data.timeZone)}
            aria-label={t('regions.settings.timeZone')}
            data-testid="district-time-zone-select"
          />
          <Button
            type="primary"
            disabled={chosen === data.timeZone}
            loading={save.isPending}
            onClick={submit}
            data-testid="district-time-zone-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      )}
    </section>
  );
}
