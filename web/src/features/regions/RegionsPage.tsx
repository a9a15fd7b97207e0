import { Card, Col, Empty, Row, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../lib/auth';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { RegionDetail } from './RegionDetail';
import { type RegionSearch, RegionSearchBar } from './RegionSearchBar';
import { RegionSearchResults } from './RegionSearchResults';
import { RegionTree } from './RegionTree';
import { scopeRoots } from './regionUtils';
import { useRegionTree } from './useRegionTree';

export function RegionsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const feedback = useFeedback();
  const rootIds = useMemo(() => scopeRoots(me.roles), [me.roles]);
  const [params, setParams] = useSearchParams();
  const selectedId = Number(params.get('id')) || undefined;
  const [showRetired, setShowRetired] = useState(false);
  const [search, setSearch] = useState<RegionSearch>({ q: '' });
  const tree = useRegionTree(rootIds, showRetired);
  const searching = search.q !== '' || search.kind !== undefined;

  const select = (id: number) => setParams({ id: String(id) }, { replace: true });

  /** Opens the tree down to a region and selects it (after search, create, move, breadcrumb). */
  const locate = (id: number) => {
    setSearch({ q: '' });
    tree.reveal(id).then(() => select(id), feedback.error);
  };

  return (
    <>
      <PageHeader title={t('nav.regions')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card className="gj-tree-card">
            <RegionSearchBar
              search={search}
              onSearch={setSearch}
              showRetired={showRetired}
              onShowRetiredChange={setShowRetired}
            />
            {searching ? (
              <RegionSearchResults
                key={`${search.q}|${search.kind ?? ''}`}
                search={search}
                includeRetired={showRetired}
                onLocate={locate}
              />
            ) : tree.error ? (
              <QueryError error={tree.error} onRetry={() => void tree.refetch()} />
            ) : tree.isPending ? (
              <Skeleton active />
            ) : rootIds.length === 0 ? (
              <Empty description={t('regions.noScope')} />
            ) : (
              <RegionTree
                rootIds={rootIds}
                loaded={tree.loaded}
                expandedIds={tree.expandedIds}
                onExpand={tree.setExpandedIds}
                onLoad={tree.load}
                selectedId={selectedId}
                onSelect={select}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {selectedId ? (
            <RegionDetail id={selectedId} rootIds={rootIds} onLocate={locate} />
          ) : (
            <Card>
              <Empty description={t('regions.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
