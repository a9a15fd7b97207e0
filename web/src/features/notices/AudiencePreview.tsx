import { TeamOutlined } from '@ant-design/icons';
import type { NoticeAudience } from '@contract';
import { Button, Empty, Progress, Skeleton, Spin, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shared/QueryError';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { type AudiencePreviewData, useAudiencePreview } from './api';

/** Communities shown before "show all". */
const FIRST = 8;

/** The audience as the server reads it, or nothing while it has no area. */
export function audienceOf(values: Partial<NoticeAudience> | undefined): NoticeAudience | undefined {
  if (!values?.regionId) return undefined;
  const partyOnly = values.partyOnly ?? false;
  return {
    regionId: values.regionId,
    partyOnly,
    ...(partyOnly && values.partyStatus ? { partyStatus: values.partyStatus } : {}),
    ...(values.teamId ? { teamId: values.teamId } : {}),
    unitContacts: values.unitContacts ?? false,
  };
}

/** The live count, asked again a moment after the audience changes; the editor reads it too. */
export function useLivePreview(values: Partial<NoticeAudience> | undefined) {
  const audience = audienceOf(values);
  // Debounced as text: a new object each render would never settle.
  const settled = useDebouncedValue(audience ? JSON.stringify(audience) : undefined, 400);
  return useAudiencePreview(settled ? (JSON.parse(settled) as NoticeAudience) : undefined);
}

type Props = { preview: ReturnType<typeof useLivePreview>; hasRegion: boolean };

function ByCommunity({ data }: { data: AudiencePreviewData }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const rows = [...data.byCommunity].sort((a, b) => b.count - a.count);
  const max = rows[0]?.count ?? 0;
  const shown = all ? rows : rows.slice(0, FIRST);
  if (rows.length === 0) return null;
  return (
    <>
      <ul className="gj-pub-bars" data-testid="audience-by-community">
        {shown.map((r) => (
          <li key={r.regionId} className="gj-pub-bar">
            <span className="gj-pub-bars-name">{r.name}</span>
            <Progress
              percent={max > 0 ? (r.count / max) * 100 : 0}
              showInfo={false}
              size="small"
              strokeColor="#c8102e"
            />
            <span className="gj-pub-bars-value">{r.count}</span>
          </li>
        ))}
      </ul>
      {rows.length > FIRST && (
        <Button type="link" size="small" onClick={() => setAll((v) => !v)} data-testid="audience-more">
          {all ? t('notices.audience.fewer') : t('notices.audience.allCommunities', { count: rows.length })}
        </Button>
      )}
    </>
  );
}

/** "Will reach N people", and how many in each community. */
export function AudiencePreviewPanel({ preview, hasRegion }: Props) {
  const { t } = useTranslation();
  if (!hasRegion) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.audience.pickRegion')} />;
  }
  if (preview.error) return <QueryError error={preview.error} onRetry={() => void preview.refetch()} />;
  if (!preview.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  return (
    <Spin spinning={preview.isFetching} size="small">
      <div data-testid="audience-preview" data-count={preview.data.count}>
        <Statistic
          title={t('notices.audience.willReach')}
          value={preview.data.count}
          prefix={<TeamOutlined />}
          suffix={t('notices.peopleUnit')}
        />
        {preview.data.count === 0 ? (
          <Typography.Text type="warning">{t('notices.audience.nobody')}</Typography.Text>
        ) : (
          <ByCommunity data={preview.data} />
        )}
      </div>
    </Spin>
  );
}
