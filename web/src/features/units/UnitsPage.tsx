import { PlusOutlined } from '@ant-design/icons';
import { AFFILIATIONS, UNIT_KINDS, type Unit } from '@contract';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { ExportButton } from '../../shared/ExportButton';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useUnits } from './api';
import { UnitDetailDrawer } from './UnitDetailDrawer';
import { UnitFilters, type UnitFilterValues } from './UnitFilters';
import { UnitFormDrawer, type UnitFormTarget } from './UnitFormDrawer';
import { UnitTable } from './UnitTable';

const FILTER_KEYS = ['q', 'kind', 'affiliation', 'regionId'] as const;

export function UnitsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useListParams(FILTER_KEYS);
  const filters: UnitFilterValues = {
    q: list.filters.q,
    kind: oneOf(UNIT_KINDS, list.filters.kind),
    affiliation: oneOf(AFFILIATIONS, list.filters.affiliation),
    regionId: idParam(list.filters.regionId),
  };
  const units = useUnits({ ...filters, page: list.page, pageSize: list.pageSize });
  const [form, setForm] = useState<UnitFormTarget | null>(null);
  const [viewing, setViewing] = useState<number | undefined>();
  const canManage = can('unit.manage');
  const onEdit = canManage ? (unit: Unit) => setForm({ mode: 'edit', unit }) : undefined;

  return (
    <>
      <PageHeader
        title={t('nav.units')}
        extra={
          <Space wrap>
            <ExportButton resource="units" filters={filters} />
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ mode: 'create' })}
                data-testid="unit-create"
              >
                {t('units.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <UnitFilters value={filters} onChange={list.setFilters} />
        {units.error && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
        <UnitTable
          units={units.data?.items}
          loading={units.isFetching}
          pagination={paginationProps(list, units.data?.total ?? 0, (total) =>
            units.data?.capped ? t('common.totalMore', { total }) : t('common.total', { total }),
          )}
          onView={(unit) => setViewing(unit.id)}
          onEdit={onEdit}
        />
      </Card>
      <UnitDetailDrawer unitId={viewing} onClose={() => setViewing(undefined)} onEdit={onEdit} />
      {canManage && <UnitFormDrawer target={form} onClose={() => setForm(null)} />}
    </>
  );
}
