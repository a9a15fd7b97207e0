import { PlusOutlined } from '@ant-design/icons';
import { BODY_KINDS } from '@contract';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { ExportButton } from '../../shared/ExportButton';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useBodies } from './api';
import { BodyFilters, type BodyFilterValues } from './BodyFilters';
import { BodyFormDrawer, type BodyFormTarget } from './BodyFormDrawer';
import { BodyTable } from './BodyTable';

const FILTER_KEYS = ['q', 'kind', 'status', 'regionId'] as const;

/** Joint conferences, coordination councils and liaison groups. */
export function BodiesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const filters: BodyFilterValues = {
    q: list.filters.q,
    kind: oneOf(BODY_KINDS, list.filters.kind),
    status: oneOf(['active', 'dissolved'] as const, list.filters.status),
    regionId: idParam(list.filters.regionId),
  };
  const bodies = useBodies({ ...filters, page: list.page, pageSize: list.pageSize });
  const [form, setForm] = useState<BodyFormTarget | null>(null);
  const canManage = can('body.manage');

  return (
    <>
      <PageHeader
        title={t('nav.bodies')}
        extra={
          <Space wrap>
            <ExportButton resource="bodies" filters={filters} />
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ mode: 'create' })}
                data-testid="body-create"
              >
                {t('bodies.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <BodyFilters value={filters} onChange={list.setFilters} />
        {bodies.error && <QueryError error={bodies.error} onRetry={() => void bodies.refetch()} />}
        <BodyTable
          bodies={bodies.data?.items}
          loading={bodies.isFetching}
          pagination={paginationProps(list, bodies.data?.total ?? 0, (total) => t('common.total', { total }))}
        />
      </Card>
      {canManage && (
        <BodyFormDrawer
          target={form}
          onClose={() => setForm(null)}
          onCreated={(body) => navigate(`/bodies/${body.id}`)}
        />
      )}
    </>
  );
}
