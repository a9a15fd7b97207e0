import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import type { Coverage } from '@contract';
import { Alert, Breadcrumb, Button, Card, Empty, Progress, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../lib/auth';
import { type BodyKind, idParam } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { byLevel } from '../../shared/regionLevels';
import { RegionKindTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { BodyFormDrawer, type BodyFormTarget } from '../bodies';
import { useRegion } from '../regions';
import { useCoverage } from './api';

type Level = Coverage['levels'][number];
type LevelKind = Level['kind'];

/** The body each level needs. */
const BODY_OF: Record<LevelKind, BodyKind> = {
  street: 'joint_conference',
  community: 'coordination_council',
  building: 'liaison_group',
};

/** Green from 90 %, amber from 60 %, red below. */
export function shareColor(share: number) {
  if (share >= 0.9) return '#52c41a';
  if (share >= 0.6) return '#faad14';
  return '#ff4d4f';
}
const shareTone = (share: number) => (share >= 0.9 ? 'good' : share >= 0.6 ? 'fair' : 'poor');
const percent = (share: number) => Math.round(share * 1000) / 10;

/** All levels taken together: covered nodes over nodes. */
function overall(levels: Level[]) {
  const total = levels.reduce((sum, l) => sum + l.total, 0);
  const covered = levels.reduce((sum, l) => sum + l.covered, 0);
  return total === 0 ? null : covered / total;
}

function LevelRing({ level }: { level: Level }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <div className="gj-coverage-ring" data-testid={`coverage-level-${level.kind}`} data-share={level.share}>
      <Progress
        type="circle"
        size={isMobile ? 84 : 112}
        percent={percent(level.share)}
        strokeColor={shareColor(level.share)}
        format={(p) => `${p}%`}
      />
      <strong>{t('coverage.levelTitle', { kind: t(`regionKind.${level.kind}`) })}</strong>
      <Typography.Text type="secondary">
        {t('coverage.coveredOf', { covered: level.covered, total: level.total })}
      </Typography.Text>
      <Typography.Text type="secondary" className="gj-coverage-body">
        {t(`bodyKind.${BODY_OF[level.kind]}`)}
      </Typography.Text>
    </div>
  );
}

function LevelBar({ level }: { level: Level }) {
  const { t } = useTranslation();
  return (
    <div className="gj-coverage-bar">
      <span className="gj-coverage-bar-label">{t(`regionKind.${level.kind}`)}</span>
      <Progress
        percent={percent(level.share)}
        strokeColor={shareColor(level.share)}
        size="small"
        format={() => `${level.covered}/${level.total}`}
      />
    </div>
  );
}

type Child = Coverage['children'][number];

function OwnBody({ child }: { child: Child }) {
  const { t } = useTranslation();
  if (child.covered === null || !(child.kind in BODY_OF)) return null;
  const body = t(`bodyKind.${BODY_OF[child.kind as LevelKind]}`);
  return child.covered ? (
    <Tag color="success">{t('coverage.hasBody', { body })}</Tag>
  ) : (
    <Tag color="error">{t('coverage.lacksBody', { body })}</Tag>
  );
}

function ChildCard({ child, onOpen }: { child: Child; onOpen?: () => void }) {
  const { t } = useTranslation();
  const share = overall(child.levels);
  const tone = share === null ? 'none' : shareTone(share);
  const content = (
    <>
      <span className="gj-coverage-child-head">
        <strong>{child.name}</strong>
        <RegionKindTag kind={child.kind} />
        {onOpen && <RightOutlined className="gj-coverage-child-go" />}
      </span>
      <OwnBody child={child} />
      {child.levels.map((level) => (
        <LevelBar key={level.kind} level={level} />
      ))}
      {child.levels.length === 0 && (
        <Typography.Text type="secondary">{t('coverage.nothingToCover')}</Typography.Text>
      )}
    </>
  );
  const props = {
    className: `gj-coverage-child gj-tone-${tone}`,
    'data-testid': `coverage-child-${child.id}`,
    'data-tone': tone,
  };
  return onOpen ? (
    <button type="button" {...props} onClick={onOpen} aria-label={t('coverage.drill', { name: child.name })}>
      {content}
    </button>
  ) : (
    <div {...props}>{content}</div>
  );
}

/** From the top of the user's area down to the node shown. */
function Trail({
  node,
  topId,
  onGo,
}: {
  node: Coverage['node'];
  topId: number | undefined;
  onGo: (id?: number) => void;
}) {
  const region = useRegion(node.id === topId ? undefined : node.id);
  const ancestors = region.data ? byLevel(region.data.ancestors) : [];
  const from = ancestors.findIndex((a) => a.id === topId);
  const above = from < 0 ? [] : ancestors.slice(from);
  return (
    <Breadcrumb
      className="gj-breadcrumb"
      data-testid="coverage-trail"
      items={[
        ...above.map((a, i) => ({
          title: (
            <Typography.Link
              onClick={() => onGo(i === 0 ? undefined : a.id)}
              data-testid={`coverage-up-${a.id}`}
            >
              {a.name}
            </Typography.Link>
          ),
        })),
        { title: node.name },
      ]}
    />
  );
}

const DRILLABLE = new Set(['district', 'street', 'community']);

/** How far the network of bodies reaches: per level, per child, and the gaps to fill. */
export function CoveragePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const regionId = idParam(params.get('regionId') ?? undefined);
  const coverage = useCoverage(regionId);
  // Without a region the server answers for the top of the user's area: the trail starts there.
  const top = useCoverage(undefined);
  const [form, setForm] = useState<BodyFormTarget | null>(null);
  const canManage = can('body.manage');
  const data = coverage.data;

  const go = (id?: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id === undefined) next.delete('regionId');
      else next.set('regionId', String(id));
      return next;
    });

  return (
    <div data-testid="coverage-page">
      <PageHeader title={t('nav.coverage')} />
      {data && <Trail node={data.node} topId={top.data?.node.id} onGo={go} />}
      {coverage.error && <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />}
      {!data && !coverage.error && <Skeleton active />}
      {data && (
        <>
          <Card
            title={
              <span className="gj-detail-title">
                {data.node.name}
                <RegionKindTag kind={data.node.kind} />
              </span>
            }
            className={coverage.isFetching ? 'gj-fetching' : undefined}
          >
            {data.levels.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coverage.nothingToCover')} />
            ) : (
              <div className="gj-coverage-rings">
                {data.levels.map((level) => (
                  <LevelRing key={level.kind} level={level} />
                ))}
              </div>
            )}
            <Typography.Paragraph type="secondary" className="gj-coverage-legend">
              {t('coverage.legend')}
            </Typography.Paragraph>
          </Card>
          {data.children.length > 0 && (
            <Card
              title={t('coverage.children', { kind: t(`regionKind.${data.children[0]!.kind}`) })}
              className="gj-section"
            >
              <div className="gj-coverage-children">
                {data.children.map((child) => (
                  <ChildCard
                    key={child.id}
                    child={child}
                    onOpen={
                      DRILLABLE.has(child.kind) && child.levels.length > 0 ? () => go(child.id) : undefined
                    }
                  />
                ))}
              </div>
            </Card>
          )}
          <Card
            title={t('coverage.gaps', { count: data.gapCount })}
            className="gj-section"
            data-testid="coverage-gaps"
          >
            {data.gapCount > data.gaps.length && (
              <Alert
                className="gj-block-gap"
                type="info"
                showIcon
                title={t('coverage.gapsShown', { shown: data.gaps.length, total: data.gapCount })}
              />
            )}
            <PlainList
              items={data.gaps}
              rowKey={(g) => g.id}
              empty={t('coverage.noGaps')}
              render={(g) => (
                <div className="gj-card-row-head" data-testid={`coverage-gap-${g.id}`}>
                  <span className="gj-inline">
                    <RegionKindTag kind={g.kind} />
                    <span>{g.label}</span>
                    <Typography.Text type="secondary">
                      {t('coverage.needs', { body: t(`bodyKind.${BODY_OF[g.kind]}`) })}
                    </Typography.Text>
                  </span>
                  {g.can.createBody && (
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => setForm({ mode: 'create', kind: BODY_OF[g.kind], regionId: g.id })}
                      data-testid={`coverage-gap-create-${g.id}`}
                    >
                      {t('coverage.createBody')}
                    </Button>
                  )}
                </div>
              )}
            />
          </Card>
        </>
      )}
      {canManage && <BodyFormDrawer target={form} onClose={() => setForm(null)} />}
    </div>
  );
}
