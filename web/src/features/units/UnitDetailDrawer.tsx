import { EditOutlined } from '@ant-design/icons';
import type { Unit } from '@contract';
import { Button, Descriptions, Divider, Drawer, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { QueryError } from '../../shared/QueryError';
import { AffiliationTag, UnitKindTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import { UnitFigures } from '../dashboards';
import { LedgerPanel } from '../ledger';
import { useUnit } from './api';
import { UnitMembers } from './UnitMembers';
import { UnitReport } from './UnitReport';

type Props = {
  unitId: number | undefined;
  onClose: () => void;
  /** Offered where the page edits units; shown for a unit the reader may edit (`unit.can.edit`). */
  onEdit?: (unit: Unit) => void;
};

export function UnitDetailDrawer({ unitId, onClose, onEdit }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const shownId = useLastDefined(unitId);
  const { data: unit, error, refetch } = useUnit(shownId);
  const dash = t('common.none');

  return (
    <Drawer
      open={unitId !== undefined}
      onClose={onClose}
      title={unit?.name ?? t('units.detail')}
      size={isMobile ? '100%' : 720}
      destroyOnHidden
      extra={
        unit?.can.edit &&
        onEdit && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(unit)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <div data-testid="unit-detail">
        {error && <QueryError error={error} onRetry={() => void refetch()} />}
        {!unit && !error && <Skeleton active />}
        {unit && (
          <>
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              size="small"
              bordered
              items={[
                { key: 'kind', label: t('units.kind'), children: <UnitKindTag kind={unit.kind} /> },
                {
                  key: 'affiliation',
                  label: t('units.affiliation'),
                  children: <AffiliationTag affiliation={unit.affiliation} />,
                },
                { key: 'region', label: t('units.region'), children: unit.regionName },
                { key: 'address', label: t('units.address'), children: unit.address || dash },
                { key: 'contactName', label: t('units.contactName'), children: unit.contactName ?? dash },
                {
                  key: 'contactPhone',
                  label: t('units.contactPhone'),
                  children: unit.contactPhone ? <span className="gj-code">{unit.contactPhone}</span> : dash,
                },
                { key: 'partyOrg', label: t('units.partyOrg'), children: unit.partyOrgName ?? dash },
                {
                  key: 'counts',
                  label: t('units.registeredOfMembers'),
                  children: t('units.registeredOf', {
                    registered: unit.registeredCount,
                    members: unit.memberCount,
                  }),
                },
                {
                  key: 'createdAt',
                  label: t('common.createdAt'),
                  children: zoned(unit.createdAt).format('YYYY-MM-DD'),
                },
              ]}
            />
            <Divider titlePlacement="start">{t('units.members')}</Divider>
            <UnitMembers unitId={unit.id} />
            <Divider titlePlacement="start">{t('dashboards.unitOwn.title')}</Divider>
            <UnitFigures unitId={unit.id} />
            <Divider titlePlacement="start">{t('units.report.title')}</Divider>
            <UnitReport unitId={unit.id} />
            {unit.can.seeRecord && <LedgerPanel subject={{ unitId: unit.id }} />}
          </>
        )}
      </div>
    </Drawer>
  );
}
