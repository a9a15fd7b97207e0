import type { Unit } from '@contract';
import { Card, Descriptions, Empty, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../lib/auth';
import { idParam } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { AffiliationTag, UnitKindTag } from '../../shared/tags';
import { UnitFacilities } from '../facilities';
import { UnitClaims } from '../projects';
import { useUnit } from './api';
import { UnitMembers } from './UnitMembers';
import { UnitReport } from './UnitReport';

/** The units the reader is the Party liaison of, each once, in the order of their roles. */
function useContactUnits() {
  const { me } = useAuth();
  const seen = new Map<number, string>();
  for (const r of me.roles)
    if (r.role === 'unit_contact' && r.unitId !== null && !seen.has(r.unitId))
      seen.set(r.unitId, r.unitName ?? r.regionName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** Who the unit is: its kind, place, Party organisation and how many of its members registered. */
function UnitSummary({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const dash = t('common.none');
  return (
    <Card size="small" className="gj-section no-print" data-testid="unit-summary">
      <div className="gj-inline gj-block-gap">
        <Typography.Title level={5} className="gj-no-margin" data-testid="unit-page-name">
          {unit.name}
        </Typography.Title>
        <UnitKindTag kind={unit.kind} />
        <AffiliationTag affiliation={unit.affiliation} />
      </div>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'region', label: t('units.region'), children: unit.regionName },
          { key: 'address', label: t('units.address'), children: unit.address || dash },
          { key: 'partyOrg', label: t('units.partyOrg'), children: unit.partyOrgName ?? dash },
          {
            key: 'counts',
            label: t('units.registeredOfMembers'),
            children: t('units.registeredOf', {
              registered: unit.registeredCount,
              members: unit.memberCount,
            }),
          },
        ]}
      />
    </Card>
  );
}

/**
 * 本单位: a unit's Party liaison's page of their unit — this quarter's report (printable), its
 * shared facilities and their bookings, the projects it claimed, and its members' registrations
 * with their home communities. A liaison of several units switches between them.
 */
export function UnitPage() {
  const { t } = useTranslation();
  const units = useContactUnits();
  const [params, setParams] = useSearchParams();
  const asked = idParam(params.get('unit') ?? undefined);
  const unitId = units.find((u) => u.id === asked)?.id ?? units[0]?.id;
  const { data: unit, error, refetch } = useUnit(unitId);

  const switcher = units.length > 1 && (
    <Select<number>
      value={unitId}
      onChange={(id) => setParams({ unit: String(id) }, { replace: true })}
      options={units.map((u) => ({ value: u.id, label: u.name }))}
      aria-label={t('units.page.switch')}
      popupMatchSelectWidth={false}
      data-testid="unit-switch"
    />
  );

  return (
    <div className="gj-unit-page" data-testid="unit-page">
      <div className="no-print">
        <PageHeader title={t('nav.myUnit')} extra={switcher} />
      </div>
      {unitId === undefined ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.page.notContact')}>
            <Link to="/units">{t('units.page.goUnits')}</Link>
          </Empty>
        </Card>
      ) : error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !unit ? (
        <Skeleton active />
      ) : (
        <>
          <UnitSummary unit={unit} />
          <Card title={t('units.report.title')} className="gj-section gj-unit-report-card">
            <UnitReport key={unit.id} unitId={unit.id} printable />
          </Card>
          <Card title={t('units.page.facilities')} className="gj-section no-print">
            <UnitFacilities key={unit.id} unitId={unit.id} seeBookings={unit.can.seeBookings} />
          </Card>
          <Card title={t('units.page.claims')} className="gj-section no-print">
            <UnitClaims key={unit.id} unitId={unit.id} />
          </Card>
          <Card title={t('units.page.members')} className="gj-section no-print">
            <Typography.Paragraph type="secondary">{t('units.page.membersHint')}</Typography.Paragraph>
            <UnitMembers key={unit.id} unitId={unit.id} />
          </Card>
        </>
      )}
    </div>
  );
}
