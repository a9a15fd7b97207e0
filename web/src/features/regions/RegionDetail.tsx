import type { RegionWithAncestors } from '@contract';
import { Breadcrumb, Card, Descriptions, Divider, Skeleton, Tag } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { QueryError } from '../../shared/QueryError';
import { byLevel } from '../../shared/regionLevels';
import { RegionKindTag, RetiredTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { useRegion } from './api';
import { DistrictSettingsCard } from './DistrictSettingsCard';
import { RegionActions } from './RegionActions';
import { isRetired } from './regionUtils';

type Props = { id: number; rootIds: number[]; onLocate: (id: number) => void };

/** Ancestors from the user's own scope down are links; those above it are plain text. */
function PathBreadcrumb({ region, rootIds, onLocate }: { region: RegionWithAncestors } & Omit<Props, 'id'>) {
  const ancestors = byLevel(region.ancestors);
  const rootIndex = ancestors.findIndex((a) => rootIds.includes(a.id));
  return (
    <Breadcrumb
      items={[
        ...ancestors.map((a, i) => ({
          key: a.id,
          title:
            rootIndex >= 0 && i >= rootIndex ? (
              <a
                href={`?id=${a.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  onLocate(a.id);
                }}
              >
                {a.name}
              </a>
            ) : (
              a.name
            ),
        })),
        { key: region.id, title: region.name },
      ]}
    />
  );
}

export function RegionDetail({ id, rootIds, onLocate }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { data: region, error, refetch } = useRegion(id);
  const cardRef = useRef<HTMLDivElement>(null);

  // On a phone the panel sits below the tree: bring it into view when a region is chosen.
  useEffect(() => {
    if (isMobile && id) cardRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [id, isMobile]);

  return (
    <Card
      ref={cardRef}
      data-testid="region-detail"
      title={
        region && (
          <span className="gj-detail-title">
            {region.name}
            <RegionKindTag kind={region.kind} />
            {isRetired(region) && <RetiredTag />}
          </span>
        )
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!region && !error && <Skeleton active />}
      {region && (
        <>
          <PathBreadcrumb region={region} rootIds={rootIds} onLocate={onLocate} />
          <Descriptions
            className="gj-section"
            column={{ xs: 1, sm: 2 }}
            size="small"
            bordered
            items={[
              { key: 'name', label: t('regions.name'), children: region.name },
              { key: 'kind', label: t('regions.kind'), children: <RegionKindTag kind={region.kind} /> },
              {
                key: 'code',
                label: t('regions.code'),
                children: <span className="gj-code">{region.code}</span>,
              },
              { key: 'children', label: t('regions.childCount'), children: region.childCount },
              {
                key: 'status',
                label: t('common.status'),
                children: isRetired(region) ? (
                  <Tag>
                    {t('regions.retiredAt', { at: zoned(region.retiredAt).format('YYYY-MM-DD HH:mm') })}
                  </Tag>
                ) : (
                  <Tag color="green">{t('regions.active')}</Tag>
                ),
              },
            ]}
          />
          {Object.values(region.can).some(Boolean) && (
            <>
              <Divider />
              <RegionActions region={region} onLocate={onLocate} />
            </>
          )}
          {region.kind === 'district' && (
            <>
              <Divider />
              <DistrictSettingsCard />
            </>
          )}
        </>
      )}
    </Card>
  );
}
