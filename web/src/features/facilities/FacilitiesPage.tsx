import { AimOutlined, PlusOutlined } from '@ant-design/icons';
import { FACILITY_KINDS, FACILITY_SUB_KINDS, type Facility } from '@contract';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useFacilities } from './api';
import { FacilityFilters, type FacilityFilterValues } from './FacilityFilters';
import { FacilityFormDrawer, type FacilityFormTarget } from './FacilityFormDrawer';
import { FacilityList } from './FacilityList';
import { freeSlot } from './time';
import { useRetireConfirm } from './useRetireFacility';

const FILTER_KEYS = [
  'q',
  'kind',
  'subKind',
  'regionId',
  'minCapacity',
  'freeDate',
  'freeStart',
  'freeEnd',
  'managed',
] as const;
/** The shared facilities: units' rooms, courts and halls opened to the community, and the community's venues. */
export function FacilitiesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const minCapacity = idParam(list.filters.minCapacity);
  const filters: FacilityFilterValues = {
    q: list.filters.q,
    kind: oneOf(FACILITY_KINDS, list.filters.kind),
    subKind: oneOf(FACILITY_SUB_KINDS, list.filters.subKind),
    regionId: idParam(list.filters.regionId),
    minCapacity,
    freeDate: list.filters.freeDate,
    freeStart: list.filters.freeStart,
    freeEnd: list.filters.freeEnd,
    managed: list.filters.managed === 'true',
  };
  const canManage = can('facility.manage');
  const facilities = useFacilities({
    q: filters.q,
    kind: filters.kind,
    subKind: filters.subKind,
    regionId: filters.regionId,
    minCapacity,
    ...freeSlot(filters.freeDate, filters.freeStart, filters.freeEnd),
    managed: canManage && filters.managed ? 'true' : undefined,
    page: list.page,
    pageSize: list.pageSize,
  });
  const [form, setForm] = useState<FacilityFormTarget | null>(null);
  const confirmRetire = useRetireConfirm();
  const filtered = Object.entries(list.filters).some(([, v]) => v !== undefined);

  return (
    <>
      <PageHeader
        title={t('nav.facilities')}
        extra={
          <Space wrap>
            <Link to="/facilities/find">
              <Button icon={<AimOutlined />} data-testid="facility-find-link">
                {t('facilities.findLink')}
              </Button>
            </Link>
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ mode: 'create' })}
                data-testid="facility-create"
              >
                {t('facilities.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <FacilityFilters value={filters} onChange={list.setFilters} canManage={canManage} />
        {facilities.error && (
          <QueryError error={facilities.error} onRetry={() => void facilities.refetch()} />
        )}
        <FacilityList
          facilities={facilities.data?.items}
          loading={facilities.isFetching}
          empty={filtered ? t('facilities.emptyFiltered') : t('facilities.empty')}
          pagination={paginationProps(list, facilities.data?.total ?? 0, (total) =>
            facilities.data?.capped ? t('common.totalMore', { total }) : t('common.total', { total }),
          )}
          onEdit={canManage ? (facility: Facility) => setForm({ mode: 'edit', facility }) : undefined}
          onRetire={canManage ? confirmRetire : undefined}
        />
      </Card>
      {canManage && (
        <FacilityFormDrawer
          target={form}
          onClose={() => setForm(null)}
          onCreated={(facility) => navigate(`/facilities/${facility.id}`)}
        />
      )}
    </>
  );
}
